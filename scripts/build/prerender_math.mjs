#!/usr/bin/env node
// Typeset every formula of a built site ahead of time, so readers' browsers
// run no MathJax at all (it was the main-thread work that kept Lighthouse's
// performance score low on formula-heavy pages).
//
// Usage: node scripts/build/prerender_math.mjs SITE_DIR CSS_NAME PAGE.html...
// (run by scripts/build/hook_math.py after each language's build, with that
// language's pages)
//
// In every PAGE, each pymdownx.arithmatex element
// (<span class="arithmatex">\(...\)</span>, <div class="arithmatex">\[...\]</div>)
// gets MathJax's CommonHTML output (with MathML for screen readers) and the
// attribute data-prerendered; every page links one stylesheet,
// SITE_DIR/assets/mathjax/CSS_NAME, holding the CSS of all the characters the
// pages use (its fonts are the self-hosted ones beside it). docs/javascripts/mathjax.js
// still typesets in the browser whatever was not prerendered, e.g. when this
// script could not run. Exit status 1, with FILE: reason lines, if a formula
// does not compile.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { mathjax } from "mathjax-full/js/mathjax.js";
import { TeX } from "mathjax-full/js/input/tex.js";
import { CHTML } from "mathjax-full/js/output/chtml.js";
import { liteAdaptor } from "mathjax-full/js/adaptors/liteAdaptor.js";
import { RegisterHTMLHandler } from "mathjax-full/js/handlers/html.js";
import { AssistiveMmlHandler } from "mathjax-full/js/a11y/assistive-mml.js";
import { AllPackages } from "mathjax-full/js/input/tex/AllPackages.js";

const [site, cssName, ...files] = process.argv.slice(2);
if (!files.length || site === "--help") {
  console.log("usage: node scripts/build/prerender_math.mjs SITE_DIR CSS_NAME PAGE.html...");
  process.exit(site === "--help" ? 0 : 2);
}
const adaptor = liteAdaptor();
AssistiveMmlHandler(RegisterHTMLHandler(adaptor));
// noerrors/noundefined are left out: a TeX error must fail the build, not
// render red text.
const packages = AllPackages.filter((p) => !["noerrors", "noundefined"].includes(p));
const html = mathjax.document("", {
  InputJax: new TeX({ packages }),
  // fonts relative to the stylesheet, in assets/mathjax/; scale: what MathJax
  // measured in the browser against the theme's font (its ex-height)
  OutputJax: new CHTML({ fontURL: "output/chtml/fonts/woff-v2", adaptiveCSS: true, scale: 1.2 }),
});

const MATH = /<(span|div) class="arithmatex">(\\\(|\\\[)([\s\S]*?)(\\\)|\\\])<\/\1>/g;
const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const unescape = (s) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);

let errors = 0, formulas = 0;
for (const file of files) {
  let text = readFileSync(file, "utf8");
  text = text.replace(MATH, (all, tag, open, tex, close) => {
    const display = open === "\\[";
    const node = html.convert(unescape(tex), { display });
    const error = adaptor.tags(node, "mjx-merror")[0];
    if (error) {
      errors++;
      console.error(`${relative(site, file)}: TeX error in ${JSON.stringify(tex.slice(0, 60))}: ` +
        adaptor.getAttribute(error, "data-mjx-error"));
    }
    formulas++;
    // a display formula wider than the column scrolls sideways: it must take
    // keyboard focus to be scrolled (MathJax in the browser makes it focusable too)
    const focus = display ? ' tabindex="0"' : "";
    return `<${tag} class="arithmatex" data-prerendered${focus}>${adaptor.outerHTML(node)}</${tag}>`;
  });
  // every page links the stylesheet: instant navigation keeps the first page's
  // <head>. Not the 404 pages (404.html, en/404.html): served at any depth, no math.
  if (basename(file) === "404.html") { writeFileSync(file, text); continue; }
  const depth = relative(site, file).split(sep).length - 1;
  const href = "../".repeat(depth) + "assets/mathjax/" + cssName;
  text = text.replace("</head>", `<link rel="stylesheet" href="${href}">\n</head>`);
  writeFileSync(file, text);
}
writeFileSync(join(site, "assets", "mathjax", cssName),
  adaptor.textContent(html.outputJax.styleSheet(html)) + "\n");
console.log(`prerendered ${formulas} formulas in ${files.length} pages`);
process.exit(errors ? 1 : 0);
