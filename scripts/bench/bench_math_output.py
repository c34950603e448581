#!/usr/bin/env python3
"""Benchmark the output formulas are typeset to: SVG (the build's), CommonHTML, MathML, Temml.

Builds the site without build-time math (MATH_PRERENDER=0; or takes --site, such
a build), and for each variant typesets a copy of it as the build would:
- svg: the build's own scripts/hooks/prerender_math.mjs (MathJax's SVG with
  assistive MathML; each page holds its glyph outlines once, in its first
  formula, and every formula's <use> elements point to them);
- chtml: MathJax's CommonHTML with assistive MathML and MathJax's woff fonts,
  as the build made it before (scripts/bench/math_variants.mjs, as are the rest);
- svg-local: MathJax's SVG with each formula holding its own outlines;
- mathml: MathJax's own MathML, drawn by Chromium (MathML Core) with the
  reader's fonts;
- temml: Temml's MathML with its stylesheet for local fonts and its 9 KB
  script font (npm `temml`, fetched with `npm pack` into a temporary folder:
  measurement only, not a project dependency);
- temml-font: the same drawn with the OpenType MATH font given by --math-font
  (self-hosted, at 120% of the text as CommonHTML's scale), e.g. a subset of
  Latin Modern Math (Debian's fonts-lmodern) made with fontTools' pyftsubset
  --unicodes=... --layout-features='' --flavor=woff2.
It serves each copy under /dl-interview/ and, on the pages with the most
formulas (counted as `class="arithmatex"` in the built HTML) or the pages
given, loads each page --runs times in Debian's Chromium, cold cache, CPU
slowed down 4x, and prints: the page's DOM elements (all, and inside formulas),
the bytes transferred (gzip for text, as GitHub Pages sends it: all, all but
the search index, the HTML, and the math stylesheets and fonts under
assets/mathjax/), the main thread's time from Performance.getMetrics
(TaskDuration, and of it ScriptDuration, LayoutDuration, RecalcStyleDuration;
median and range), the fonts Chromium drew a formula with, and what the
accessibility tree gives a screen reader for a few formulas. Screenshots of
the same region (around the page's longest display formula, phone width) in
light and dark scheme go to --shots, to be compared side by side.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from bench_pages import ARGS, CHROMIUM, record_responses  # Debian's Chromium, no background networking; puts dev/ on the path
from serve_subpath import ROOT, serve  # noqa: E402

VARIANTS = ["svg", "chtml", "svg-local", "mathml", "temml", "temml-font"]
TEMML = "0.13.5"
METRICS = ["TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration"]
VIEWPORT = {"width": 412, "height": 915}  # a common phone's CSS pixels
ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">(\\\(|\\\[)([\s\S]*?)(\\\)|\\\])</\1>')
ACCESSIBLE_SAMPLE = 3  # formulas whose accessibility tree is printed, per page

DOM_COUNTS = """() => ({
    all: document.getElementsByTagName('*').length,
    math: [...document.querySelectorAll('.arithmatex')].reduce((n, el) => n + el.getElementsByTagName('*').length, 0),
})"""


def fail(msg: str) -> int:
    print(msg, file=sys.stderr)
    return 1


def html_pages(site: Path, lang: str) -> list[Path]:
    """The built pages of one language (English under en/, Korean everywhere else)."""
    pages = sorted(site.glob("**/*.html"))
    if lang == "en":
        return [p for p in pages if p.relative_to(site).parts[0] == "en"]
    return [p for p in pages if p.relative_to(site).parts[0] != "en"]


def heaviest(site: Path, lang: str, n: int) -> list[tuple[str, int]]:
    """The n pages of `lang` with the most formulas: (path under the site, count)."""
    counts = [(p, p.read_text(encoding="utf-8").count('class="arithmatex"')) for p in html_pages(site, lang)]
    counts = sorted(((p, c) for p, c in counts if p.name == "index.html" and c), key=lambda pc: -pc[1])[:n]
    return [(str(p.parent.relative_to(site)) + "/", c) for p, c in counts]


def longest_display(html: str) -> int:
    """Index, among the page's display formulas, of the one with the longest TeX."""
    displays = [m[3] for m in ARITHMATEX.finditer(html) if m[1] == "div"]
    return max(range(len(displays)), key=lambda i: len(displays[i])) if displays else -1


def fetch_temml(tmp: Path) -> Path:
    """The temml package, unpacked from `npm pack` (npm checks its integrity)."""
    r = subprocess.run(["npm", "pack", f"temml@{TEMML}", "--silent"], cwd=tmp, capture_output=True, text=True)
    if r.returncode:
        raise RuntimeError(f"npm pack temml@{TEMML} failed: {r.stderr.strip()[-300:]}")
    with tarfile.open(tmp / r.stdout.strip().splitlines()[-1]) as tar:
        tar.extractall(tmp, filter="data")
    return tmp / "package"


def typeset(raw: Path, out: Path, variant: str, temml: Path | None, font: Path | None) -> None:
    """A copy of the raw site at `out` with every page's formulas in `variant`, each
    language's pages typeset together as the build does (scripts/hooks/hook_math.py)."""
    shutil.copytree(raw, out)
    node = shutil.which("node")
    env = dict(os.environ, TEMML_DIR=str(temml or ""), MATH_FONT=str(font or ""))
    for lang in ("ko", "en"):
        pages = [str(p) for p in html_pages(out, lang)]
        if variant == "svg":
            cmd = [node, str(ROOT / "scripts/hooks/prerender_math.mjs"), str(out), "svg.css", *pages]
        else:
            cmd = [node, str(ROOT / "scripts/bench/math_variants.mjs"), variant, str(out), f"{variant}-{lang}.css",
                   *pages]
        r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
        if r.returncode:
            raise RuntimeError(f"{variant}: typesetting failed:\n{(r.stderr or r.stdout).strip()[-2000:]}")


def accessible(page, sample: int) -> list[str]:
    """What a screen reader is given for the first `sample` formulas and the first
    display formula: Chromium's accessibility tree below each, as Playwright's
    ARIA snapshot prints it (role: the text of its nodes)."""
    formulas = page.locator(".arithmatex")
    picks = [formulas.nth(i) for i in range(min(sample, formulas.count()))]
    if page.locator("div.arithmatex").count():
        picks.append(page.locator("div.arithmatex").first)
    return [" ".join(f.aria_snapshot().split())[:150] or "(nothing)" for f in picks]


def fonts_used(page, cdp) -> str:
    """The fonts Chromium drew the page's first display formula with: the glyphs of
    its visible text per font family, and the web fonts the page loaded (CommonHTML
    draws with CSS content, which the glyph count does not see)."""
    page.evaluate("""() => { const f = document.querySelector('div.arithmatex');
        for (const el of f ? f.querySelectorAll('*') : []) {
            if (!el.firstElementChild && el.textContent.trim() && !el.closest('mjx-assistive-mml'))
                el.setAttribute('data-bench-leaf', ''); } }""")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    used = {}
    for i in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-bench-leaf]"})["nodeIds"]:
        for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": i})["fonts"]:
            used[f["familyName"]] = used.get(f["familyName"], 0) + f["glyphCount"]
    glyphs = ", ".join(f"{k} {v}" for k, v in sorted(used.items(), key=lambda kv: -kv[1])) or "no text"
    web = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, ''))")
    return f"glyphs: {glyphs}; web fonts loaded: {', '.join(sorted(set(web))) or 'none'}"


def load(browser, url: str, first: bool) -> dict:
    """One cold load at 4x CPU slowdown: metrics, DOM, bytes; on the first run also
    the accessibility sample and the fonts."""
    ctx = browser.new_context(viewport=VIEWPORT)
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    cdp.send("Performance.enable")
    bodies = record_responses(page)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))))")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    result = {"ms": {k: metrics.get(k, 0) * 1000 for k in METRICS}, "dom": page.evaluate(DOM_COUNTS),
              "gzip": sum(b[2] for b in bodies),
              # without the search index (search/), fetched on every first view today, soon only to search
              "nosearch": sum(b[2] for b in bodies if "/search/" not in b[0]),
              "html": sum(b[2] for b in bodies if b[0] == url),
              "math": sum(b[2] for b in bodies if "/assets/mathjax/" in b[0]),
              "math_files": sorted({b[0].rsplit("/", 1)[-1] for b in bodies if "/assets/mathjax/" in b[0]})}
    if first:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        result["a11y"] = accessible(page, ACCESSIBLE_SAMPLE)
        result["fonts"] = fonts_used(page, cdp)
    ctx.close()
    return result


def screenshots(browser, url: str, index: int, stem: Path) -> list[Path]:
    """The region from a little above the page's longest display formula, one
    phone screen high, in light and dark scheme."""
    saved = []
    for scheme in ("light", "dark"):
        ctx = browser.new_context(viewport=VIEWPORT, device_scale_factor=2, color_scheme=scheme)
        page = ctx.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready")
        if index >= 0:
            # below the sticky header, with the text that leads to the formula; again until
            # it stays there (lazy images above it load as the page scrolls and push it down)
            page.evaluate(f"""async () => {{ const el = document.querySelectorAll('div.arithmatex')[{index}];
                for (let i = 0; i < 20; i++) {{
                    const top = el.getBoundingClientRect().top;
                    if (Math.abs(top - 200) < 2) break;
                    window.scrollTo({{top: top + scrollY - 200, behavior: 'instant'}});
                    await new Promise(r => setTimeout(r, 200));
                }} }}""")
            page.add_style_tag(content=".md-top { display: none }")  # "back to top" would cover the text
            page.wait_for_timeout(300)
        path = stem.with_name(f"{stem.name}-{scheme}.png")
        page.screenshot(path=str(path))
        saved.append(path)
        ctx.close()
    return saved


def span(values: list[float]) -> str:
    return f"{statistics.median(values):.0f} ({min(values):.0f}-{max(values):.0f})"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="Screenshots are for looking at, never for committing.")
    ap.add_argument("paths", nargs="*", help="pages to measure, as paths under the site root, e.g. "
                    "questions/06-overfitting/ (default: the pages with the most formulas, see --top)")
    ap.add_argument("--site", type=Path, help="a site built with MATH_PRERENDER=0 (default: build one now)")
    ap.add_argument("--variants", help=f"comma-separated, of {', '.join(VARIANTS)} (default all; "
                    "temml-font only with --math-font)")
    ap.add_argument("--math-font", type=Path, help="an OpenType MATH font (woff2, otf) for the temml-font variant")
    ap.add_argument("--top", type=int, default=3, help="how many of the pages with the most formulas, per language "
                    "(default 3)")
    ap.add_argument("--lang", choices=["ko", "en", "both"], default="ko", help="which language's pages (default ko)")
    ap.add_argument("--runs", type=int, default=3, help="loads per page and variant (default 3)")
    ap.add_argument("--shots", type=Path, help="folder for the screenshots (default: a new temporary folder)")
    args = ap.parse_args(argv)
    default = VARIANTS if args.math_font else VARIANTS[:-1]
    variants = [v.strip() for v in args.variants.split(",") if v.strip()] if args.variants else default
    if bad := [v for v in variants if v not in VARIANTS]:
        return fail(f"--variants: unknown {', '.join(bad)} (known: {', '.join(VARIANTS)})")
    if "temml-font" in variants and not args.math_font:
        return fail("--variants: temml-font needs --math-font FILE")
    if args.math_font and not args.math_font.is_file():
        return fail(f"{args.math_font}: no such file")
    if args.runs < 1 or args.top < 1:
        return fail("--runs and --top: must be at least 1")
    if not Path(CHROMIUM).exists():
        return fail(f"{CHROMIUM} not found (apt-get install chromium)")
    if not shutil.which("node") or not (ROOT / "node_modules" / "mathjax-full").is_dir():
        return fail("needs Node.js and node_modules/mathjax-full (npm ci)")
    if args.site is not None and not (args.site / "index.html").is_file():
        return fail(f"{args.site}: not a built site (no index.html)")
    if args.site is not None and "data-prerendered" in (args.site / "index.html").read_text(encoding="utf-8"):
        return fail(f"{args.site}: formulas already typeset (build it with MATH_PRERENDER=0)")
    shots = args.shots or Path(tempfile.mkdtemp(prefix="math-shots-"))
    shots.mkdir(parents=True, exist_ok=True)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)

    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory(prefix="math-output-") as tmpdir:
        tmp = Path(tmpdir)
        raw = args.site
        if raw is None:
            raw = tmp / "raw"
            r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(raw)], cwd=ROOT,
                               capture_output=True, text=True, env=dict(os.environ, MATH_PRERENDER="0"))
            if r.returncode:
                return fail("mkdocs build failed:\n" + r.stderr[-4000:])
        langs = ["ko", "en"] if args.lang == "both" else [args.lang]
        pages = [pc for lang in langs for pc in heaviest(raw, lang, args.top)]
        if args.paths:
            counted = [(path, (raw / path / "index.html").read_text(encoding="utf-8").count('class="arithmatex"'))
                       for path in args.paths if (raw / path / "index.html").is_file()]
            if missing := [path for path in args.paths if not (raw / path / "index.html").is_file()]:
                return fail(f"{missing[0]}: no such page in {raw}")
            pages = counted
        if not pages:
            return fail(f"{raw}: no page with formulas")
        longest = {path: longest_display((raw / path / "index.html").read_text(encoding="utf-8")) for path, _ in pages}
        try:
            temml = None
            if any(v.startswith("temml") for v in variants):
                (tmp / "npm").mkdir()
                temml = fetch_temml(tmp / "npm")
            sites = {}
            for v in variants:
                typeset(raw, tmp / v, v, temml, args.math_font and args.math_font.resolve())
                sites[v] = tmp / v
        except RuntimeError as e:
            return fail(str(e))

        results = {}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for v in variants:
                with serve(sites[v]) as base:
                    for path, _ in pages:
                        runs = [load(browser, base + path, i == 0) for i in range(args.runs)]
                        stem = shots / f"{path.strip('/').replace('/', '_') or 'home'}_{v}"
                        results[v, path] = (runs, screenshots(browser, base + path, longest[path], stem))
            browser.close()

    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"\n{args.runs} cold loads per page, Chromium at 4x CPU slowdown, viewport {VIEWPORT['width']}x"
          f"{VIEWPORT['height']}. KB: transferred, gzip as served (-search: without the search index; html: "
          "the page; math: assets/mathjax/). Main thread in ms, median (range).\n")
    print(f"{'page':<32} {'output':<10} {'formulas':>8} {'DOM':>6} {'in math':>7} {'KB':>6} {'-search':>7} "
          f"{'html':>6} {'math':>6}  {'task':>15} {'script':>15} {'layout':>15} {'style':>15}")
    for path, count in pages:
        for v in variants:
            runs, _ = results[v, path]
            r = runs[0]
            ms = {k: span([x["ms"][k] for x in runs]) for k in METRICS}
            kb = [f"{r[k] / 1024:.1f}" for k in ("gzip", "nosearch", "html", "math")]
            print(f"{'/' + path:<32} {v:<10} {count:>8} {r['dom']['all']:>6} {r['dom']['math']:>7} {kb[0]:>6} "
                  f"{kb[1]:>7} {kb[2]:>6} {kb[3]:>6}  {ms['TaskDuration']:>15} {ms['ScriptDuration']:>15} "
                  f"{ms['LayoutDuration']:>15} {ms['RecalcStyleDuration']:>15}")
    print("\nmath files fetched, fonts Chromium drew the first display formula with, and what the "
          "accessibility tree gives a screen reader for the first formulas and the first display one:")
    for path, _ in pages:
        for v in variants:
            r = results[v, path][0][0]
            print(f"/{path} {v}: files {', '.join(r['math_files']) or '-'}\n    {r['fonts']}")
            for line in r["a11y"]:
                print(f"    {line}")
    print(f"\nscreenshots (light and dark, the region of the longest display formula) in {shots}:")
    for (v, path), (_, saved) in results.items():
        print(f"  {v:<10} {' '.join(s.name for s in saved)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
