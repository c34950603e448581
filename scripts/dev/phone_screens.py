#!/usr/bin/env python3
"""Screenshots of a built site on a 360 px phone, light and dark, of the pages
whose formulas, figures and tables were hardest to read there (issue 25):
question 5 (an in-line formula), 6, 12, 16 and 18 (their widest display
formula), and question 16's figure. Written as OUT/NAME-SCHEME-LABEL.png in 64
colours (a few tens of KB each), for docs-dev/phone/README.md.

The display formula shown is the page's widest in the build labelled `before`
(its index is kept in OUT/widest.json), so that `after` shows the same one.
"""
import argparse
import io
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_subpath import serve  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
# name, page, what to centre on screen: a selector and a text it contains ('' = widest display formula)
SHOTS = [("q05", "questions/05-activation-functions/", "p", "W2W1"),
         ("q06", "questions/06-overfitting/", "", ""),
         ("q12", "questions/12-relu-vs-sigmoid/", "", ""),
         ("q16", "questions/16-batch-normalization/", "", ""),
         ("q16-figure", "questions/16-batch-normalization/", "img[src*=batch-normalization]", ""),
         ("q18", "questions/18-numpy-mnist-mlp/", "", "")]
FIND = """([sel, text, widest]) => {
    const all = [...document.querySelectorAll('div.arithmatex')];
    const width = d => d.querySelector('svg').getBoundingClientRect().width;
    const el = sel ? [...document.querySelectorAll(sel)].find(e => e.textContent.includes(text))
                   : all[widest ?? all.indexOf([...all].sort((a, b) => width(b) - width(a))[0])];
    el.scrollIntoView({block: 'center'});
    return all.indexOf(el);
}"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="a built site (mkdocs build -d DIR)")
    parser.add_argument("--label", choices=["before", "after"], required=True)
    parser.add_argument("--out", type=Path, default=Path("docs-dev/phone"), help="default: docs-dev/phone")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: not a built site (no index.html)", file=sys.stderr)
        return 2
    store = args.out / "widest.json"
    if args.label == "after" and not store.is_file():
        print(f"{store}: missing; run with --label before first", file=sys.stderr)
        return 2
    widest = json.loads(store.read_text()) if args.label == "after" else {}
    from PIL import Image
    from playwright.sync_api import sync_playwright
    shots = {}
    with serve(args.site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for scheme in ("light", "dark"):
            ctx = browser.new_context(viewport={"width": 360, "height": 560}, is_mobile=True,
                                      has_touch=True, color_scheme=scheme, device_scale_factor=1)
            page = ctx.new_page()
            for name, path, sel, text in SHOTS:
                page.goto(base + path)
                found = page.evaluate(FIND, [sel, text, widest.get(name)])
                if not sel:
                    widest[name] = found
                page.wait_for_timeout(600)  # a lazy figure arrives
                shots[f"{name}-{scheme}-{args.label}.png"] = page.screenshot()
            ctx.close()
    args.out.mkdir(parents=True, exist_ok=True)  # all or nothing: written once every shot is taken
    for file, png in shots.items():
        Image.open(io.BytesIO(png)).convert("RGB").quantize(64).save(args.out / file, optimize=True)
    store.write_text(json.dumps(widest, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
