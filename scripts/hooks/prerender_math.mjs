#!/usr/bin/env node
// Typeset every formula of a built site ahead of time, so readers' browsers
// run no MathJax at all (it was the main-thread work that kept Lighthouse's
// performance score low on formula-heavy pages).
//
// Usage: node scripts/hooks/prerender_math.mjs SITE_DIR CSS_NAME PAGE.html...
// (run by scripts/hooks/hook_math.py after each language's build, with that
// language's pages)
//
// In every PAGE, each pymdownx.arithmatex element
// (<span class="arithmatex">\(...\)</span>, <div class="arithmatex">\[...\]</div>)
// gets MathJax's SVG output (with MathML for screen readers) and the attribute
// data-prerendered. SVG rather than CommonHTML: the same drawing, without web
// fonts (CommonHTML loaded 60-110 KB of them on a question page) and with less
// style and layout work in the browser (scripts/bench/bench_math_output.py).
// Each glyph's outline is written once per page, in a <defs> inside the page's
// first formula, which every formula's <use> elements point to (the first
// formula goes wherever the page's content goes: instant navigation swaps it in
// with the rest). Every page links one stylesheet, SITE_DIR/assets/mathjax/CSS_NAME.
// docs/javascripts/mathjax.js still typesets in the browser whatever was not
// prerendered, e.g. when this script could not run. Exit status 1, with
// FILE: reason lines, if a formula does not compile.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { mathjax } from "mathjax-full/js/mathjax.js";
import { TeX } from "mathjax-full/js/input/tex.js";
import { SVG } from "mathjax-full/js/output/svg.js";
import { liteAdaptor } from "mathjax-full/js/adaptors/liteAdaptor.js";
import { RegisterHTMLHandler } from "mathjax-full/js/handlers/html.js";
import { AssistiveMmlHandler } from "mathjax-full/js/a11y/assistive-mml.js";
import { AllPackages } from "mathjax-full/js/input/tex/AllPackages.js";

const [site, cssName, ...files] = process.argv.slice(2);
if (!files.length || site === "--help") {
  console.log("usage: node scripts/hooks/prerender_math.mjs SITE_DIR CSS_NAME PAGE.html...");
  process.exit(site === "--help" ? 0 : 2);
}
// Text MathJax has no glyph for (Hangul in \text{...}) is drawn at 0.884 of the
// formula's em (its x-height 0.442 over the adaptor's ex/em of 0.5); a Hangul
// syllable is one em of that wide, not one em of the formula's, or the letters
// stand apart.
const adaptor = liteAdaptor({ cjkCharWidth: 0.884 });
AssistiveMmlHandler(RegisterHTMLHandler(adaptor));
// noerrors/noundefined are left out: a TeX error must fail the build, not
// render red text.
const packages = AllPackages.filter((p) => !["noerrors", "noundefined"].includes(p));
const html = mathjax.document("", {
  InputJax: new TeX({ packages }),
  // SVG is sized in ex of the page's font: at scale 1 a formula is as wide as
  // CommonHTML's was at its scale 1.2 (measured in Chromium). fontCache global:
  // each glyph's path once per page, not once per formula.
  OutputJax: new SVG({ fontCache: "global", scale: 1 }),
});
const cache = html.outputJax.fontCache;

const MATH = /<(span|div) class="arithmatex">(\\\(|\\\[)([\s\S]*?)(\\\)|\\\])<\/\1>/g;
const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const unescape = (s) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);

// MathJax marks every SVG group with the MathML node it draws (data-mml-node)
// and its TeX class, for its menu and explorer, which a page typeset ahead of
// time does not run. Only the marks its stylesheet reads stay: mtable and
// merror groups (lines and frames of arrays) and data-c (glyph stroke width).
// 2-3 KB gzip on a formula-heavy page.
const slim = (svg) => svg
  .replace(/ data-mml-node="(?!mtable"|merror")[^"]*"/g, "")
  .replace(/ data-mjx-texclass="[^"]*"/g, "");

// A formula wider than a phone's column is drawn in pieces the browser can
// wrap (screen readers still get it whole: its MathML):
// - in-line (one wider than 28 ex: a phone's column is 288 px at 320 px, about
//   34 ex of the text's font, and words sit around it), which cannot scroll
//   inside the text and widened the page: cut after each relation (=, \le, ...),
//   as TeX breaks a paragraph's formulas; a space between pieces is as wide as
//   the relation's own;
// - display (one wider than 38 ex, 328 px at 360 px): at each \qquad or \quad
//   between equations (the pieces 2 em apart on one line, else one under the
//   other), and an equation still too wide before each relation (the pieces a
//   thick space apart, as TeX sets them). What cannot be cut scrolls in its box.
// Only outside braces, environments and \left...\right.
const INLINE_LIMIT_EX = 28, DISPLAY_LIMIT_EX = 38;
const RELATION = /^(?:[=<>]|\\(?:leq?|geq?|neq?|approx|equiv|sim|simeq|propto|to|[Rr]ightarrow|Longrightarrow|implies|iff)(?![a-zA-Z]))/;
const QUAD = /^\\q?quad(?![a-zA-Z])/;
// \left and \right with their delimiter (which may be < or >), \begin, \end
const DELIMITED = /^\\(?:(left|right)(?![a-zA-Z])\s*(?:\\[a-zA-Z]+|\\.|.)|(begin|end)(?![a-zA-Z]))/;
// `tex` cut at each `mark` outside braces: the mark ends a piece ("after"),
// starts the next ("before") or goes ("drop")
function cut(tex, mark, where) {
  const pieces = [];
  let depth = 0, start = 0;
  for (let i = 0; i < tex.length; i++) {
    const rest = tex.slice(i), d = DELIMITED.exec(rest), m = depth === 0 && mark.exec(rest);
    if (d) { depth += ["left", "begin"].includes(d[1] || d[2]) ? 1 : -1; i += d[0].length - 1; }
    else if (m) {
      const end = i + m[0].length;
      pieces.push(tex.slice(start, where === "after" ? end : i));
      start = where === "before" ? i : end;
      i = end - 1;
    }
    else if (tex[i] === "\\") i++;  // \{, \}, \\ and the first letter of a command
    else if (tex[i] === "{") depth++;
    else if (tex[i] === "}") depth--;
  }
  pieces.push(tex.slice(start));
  return pieces.filter((p) => p.trim());
}
const svgOf = (node) => adaptor.tags(node, "svg")[0];
const exWidth = (node) => parseFloat(adaptor.getAttribute(svgOf(node), "width"));
const pieceOf = (tex, display) => svgOf(html.convert(tex, { display }));
function inPieces(node, tex, display) {
  const whole = svgOf(node);
  if (!display) {
    const pieces = cut(tex, RELATION, "after");
    if (pieces.length < 2 || exWidth(node) <= INLINE_LIMIT_EX) return node;
    for (const piece of pieces) {
      adaptor.insert(pieceOf(piece, false), whole);
      adaptor.insert(adaptor.text(" "), whole);
    }
  } else {
    if (exWidth(node) <= DISPLAY_LIMIT_EX) return node;
    const groups = cut(tex, QUAD, "drop").map((eq) =>
      exWidth(html.convert(eq, { display })) > DISPLAY_LIMIT_EX ? cut(eq, RELATION, "before") : [eq]);
    if (groups.flat().length < 2) return node;
    for (const group of groups) {
      adaptor.insert(adaptor.node("mjx-group", {}, group.map((piece) =>
        adaptor.node("mjx-piece", {}, [pieceOf(piece, true)]))), whole);
    }
    adaptor.setAttribute(adaptor.parent(whole), "data-pieces", "");
  }
  adaptor.remove(whole);
  return node;
}

let errors = 0, formulas = 0;
for (const file of files) {
  let text = readFileSync(file, "utf8");
  cache.clearCache();
  const label = /<html lang="ko"/.test(text) ? "수식" : "Formula";
  const typeset = [];  // [tag, focus, node] of each formula, serialized once the page's glyphs are known
  text = text.replace(MATH, (all, tag, open, tex, close) => {
    const display = open === "\\[";
    const node = inPieces(html.convert(unescape(tex), { display }), unescape(tex), display);
    const error = adaptor.tags(node, "g").find((g) => adaptor.getAttribute(g, "data-mml-node") === "merror");
    if (error) {
      errors++;
      console.error(`${relative(site, file)}: TeX error in ${JSON.stringify(tex.slice(0, 60))}: ` +
        adaptor.getAttribute(error, "data-mjx-error"));
    }
    formulas++;
    // a display formula wider than the column scrolls sideways: it must take
    // keyboard focus to be scrolled (MathJax in the browser makes it focusable too),
    // and what takes focus needs a name
    typeset.push([tag, display ? ` tabindex="0" role="group" aria-label="${label}"` : "", node]);
    return `\u0000${typeset.length - 1}\u0000`;
  });
  // the page's glyphs, in its first formula's <svg>
  if (typeset.length) adaptor.append(adaptor.tags(typeset[0][2], "svg")[0], cache.getCache());
  text = text.replace(/\u0000(\d+)\u0000/g, (all, i) => {
    const [tag, focus, node] = typeset[i];
    return `<${tag} class="arithmatex" data-prerendered${focus}>${slim(adaptor.outerHTML(node))}</${tag}>`;
  });
  // every formula is drawn: the page needs no loader for MathJax (1.5 KB on
  // every first view), nor does any page an instant navigation brings in, since
  // the build typesets them all or fails
  text = text.replace(/<script src="[^"]*javascripts\/mathjax\.js" defer><\/script>\n?/, "");
  // every page links the stylesheet: instant navigation keeps the first page's
  // <head>. Not the 404 pages (404.html, en/404.html): served at any depth, no math.
  if (basename(file) === "404.html") { writeFileSync(file, text); continue; }
  const depth = relative(site, file).split(sep).length - 1;
  const href = "../".repeat(depth) + "assets/mathjax/" + cssName;
  text = text.replace("</head>", `<link rel="stylesheet" href="${href}">\n</head>`);
  writeFileSync(file, text);
}
// Material shrinks every svg of a page to its column (max-width: 100%): a wide
// formula must scroll sideways instead, and on a phone, where a display formula's
// box is min-content wide, it would collapse to nothing.
writeFileSync(join(site, "assets", "mathjax", cssName),
  adaptor.textContent(html.outputJax.styleSheet(html)) +
  '\n.md-typeset mjx-container[jax="SVG"] > svg,\n.md-typeset mjx-piece > svg {\n  max-width: none;\n}\n' +
  // a display formula in pieces (inPieces): on one line where they fit, as wide
  // as its box allows (not min-content, which Material gives it on a phone)
  '.md-typeset div.arithmatex > mjx-container[data-pieces] {\n  display: flex;\n  flex-wrap: wrap;\n' +
  '  justify-content: center;\n  align-items: baseline;\n  gap: 0.5em 2em;\n  width: fit-content;\n}\n' +
  'mjx-container[data-pieces] > mjx-group {\n  display: flex;\n  flex-wrap: wrap;\n' +
  '  justify-content: center;\n  align-items: baseline;\n  gap: 0.5em 0.2778em;\n}\n');
console.log(`prerendered ${formulas} formulas in ${files.length} pages`);
process.exit(errors ? 1 : 0);
