#!/usr/bin/env node
// Typeset a built site's formulas with an output other than the build's, for
// scripts/bench/bench_math_output.py to compare (the build's own output is
// scripts/hooks/prerender_math.mjs: MathJax's SVG, one glyph set per page).
//
// Usage: node scripts/bench/math_variants.mjs VARIANT SITE_DIR CSS_NAME PAGE.html...
//   chtml   MathJax's CommonHTML with assistive MathML, drawn with MathJax's web
//           fonts (the self-hosted ones in assets/mathjax/, which the browser
//           fallback uses): the build's output until the SVG one replaced it
//   svg-local  MathJax's SVG with fontCache "local": each formula holds its own
//           glyph outlines (self-contained, but outlines repeat across formulas)
//   mathml  MathJax's own MathML (TeX input, MathML serializer), drawn by the
//           browser (MathML Core) with the reader's fonts
//   temml   Temml's MathML (MathML Core), from the package folder in $TEMML_DIR
//           (a measurement-only copy, not a project dependency), with Temml's
//           stylesheet for the reader's own math fonts
//   temml-font  the same, drawn with the OpenType MATH font in $MATH_FONT (e.g. a
//           subset of Latin Modern Math), self-hosted beside the stylesheet, at 120%
//           of the text's size as CommonHTML was (MathJax's scale 1.2)
// Like prerender_math.mjs, every page gets the attribute data-prerendered on its
// formulas and a link to SITE_DIR/assets/mathjax/CSS_NAME (the variant's CSS,
// possibly empty). Exit status 1, with FILE: reason lines, if a formula does
// not compile.
import { readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { basename, extname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { mathjax } from "mathjax-full/js/mathjax.js";
import { TeX } from "mathjax-full/js/input/tex.js";
import { CHTML } from "mathjax-full/js/output/chtml.js";
import { SVG } from "mathjax-full/js/output/svg.js";
import { liteAdaptor } from "mathjax-full/js/adaptors/liteAdaptor.js";
import { RegisterHTMLHandler } from "mathjax-full/js/handlers/html.js";
import { AssistiveMmlHandler } from "mathjax-full/js/a11y/assistive-mml.js";
import { AllPackages } from "mathjax-full/js/input/tex/AllPackages.js";
import { STATE } from "mathjax-full/js/core/MathItem.js";
import { SerializedMmlVisitor } from "mathjax-full/js/core/MmlTree/SerializedMmlVisitor.js";

const VARIANTS = ["chtml", "svg-local", "mathml", "temml", "temml-font"];
const USAGE = `usage: node scripts/bench/math_variants.mjs ${VARIANTS.join("|")} SITE_DIR CSS_NAME PAGE.html...`;
const [variant, site, cssName, ...files] = process.argv.slice(2);
if (variant === "--help") {
  console.log(USAGE);
  process.exit(0);
}
if (!files.length || !VARIANTS.includes(variant)) {
  console.error(USAGE);
  process.exit(2);
}

const MATH = /<(span|div) class="arithmatex">(\\\(|\\\[)([\s\S]*?)(\\\)|\\\])<\/\1>/g;
const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const unescape = (s) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);

// Chromium spaces MathML by MathML Core's operator dictionary also in scripts, where
// TeX drops the space around a relation or binary operator (the = of \sum_{i=1}).
// (The padding Chromium gives stretchy delimiters, \big( and \left(, stays: lspace
// and rspace do not remove it.)
const SCRIPTED = new Set(["msub", "msup", "msubsup", "munder", "mover", "munderover", "mmultiscripts"]);
function tightScripts(mathml) {
  const stack = [];  // open elements: {name, children, script (inside a script)}
  return mathml.replace(/<(\/?)([a-z]+)([^>]*)>/g, (tag, close, name, attrs) => {
    if (close) { stack.pop(); return tag; }
    const parent = stack[stack.length - 1];
    const index = parent ? parent.children++ : 0;
    const script = !!parent && (parent.script || (SCRIPTED.has(parent.name) && index > 0));
    if (!attrs.endsWith("/")) stack.push({ name, children: 0, script });
    return name === "mo" && script && !/\blspace=/.test(attrs) ? `<mo lspace="0em" rspace="0em"${attrs}>` : tag;
  });
}

// Each variant: convert(tex, display) -> {html, error}; css() -> the stylesheet's text.
async function makeVariant() {
  if (variant.startsWith("temml")) {
    if (!process.env.TEMML_DIR) throw new Error("TEMML_DIR: not set (the folder of the temml package)");
    const font = process.env.MATH_FONT;
    if (variant === "temml-font" && !font) throw new Error("MATH_FONT: not set (an OpenType MATH font file)");
    const dist = join(process.env.TEMML_DIR, "dist");
    const temml = (await import(pathToFileURL(join(dist, "temml.mjs")).href)).default;
    return {
      convert(tex, display) {
        try {
          return { html: tightScripts(temml.renderToString(tex, { displayMode: display, throwOnError: true })) };
        } catch (e) {
          return { error: e.message };
        }
      },
      css() {
        // the package's stylesheet for the reader's own math fonts, and its one small font (\mathscr)
        copyFileSync(join(dist, "Temml.woff2"), join(site, "assets", "mathjax", "Temml.woff2"));
        if (variant === "temml") return readFileSync(join(dist, "Temml-Local.css"), "utf8");
        const name = "math-font" + extname(font);
        copyFileSync(font, join(site, "assets", "mathjax", name));
        return readFileSync(join(dist, "Temml-Latin-Modern.css"), "utf8")
          .replace("./latinmodernmath.woff2", name) + "\nmath { font-size: 120%; }\n";
      },
    };
  }
  const adaptor = liteAdaptor();
  const handler = RegisterHTMLHandler(adaptor);
  if (variant !== "mathml") AssistiveMmlHandler(handler);
  // bussproofs needs an output jax that measures (not the bare MathML)
  const packages = AllPackages.filter((p) => !["noerrors", "noundefined", "bussproofs"].includes(p));
  const options = { InputJax: new TeX({ packages }) };
  // as the build had it: fonts relative to the stylesheet, scale against the theme's font
  if (variant === "chtml") {
    options.OutputJax = new CHTML({ fontURL: "output/chtml/fonts/woff-v2", adaptiveCSS: true, scale: 1.2 });
  }
  if (variant === "svg-local") options.OutputJax = new SVG({ fontCache: "local", scale: 1 });
  const doc = mathjax.document("", options);
  if (variant === "mathml") {
    const visitor = new SerializedMmlVisitor();
    return {
      convert(tex, display) {
        const mml = doc.convert(tex, { display, end: STATE.CONVERT });
        let error = null;
        mml.walkTree((node) => {
          if (node.isKind("merror")) error = node.attributes.get("data-mjx-error") || "TeX error";
        });
        // the serializer indents: a newline and spaces between tags, never inside a token
        return { html: visitor.visitTree(mml).replace(/\n\s*/g, ""), error };
      },
      css: () => "",
    };
  }
  return {
    convert(tex, display) {
      const node = doc.convert(tex, { display });
      const error = adaptor.tags(node, "mjx-merror")[0] ||
        adaptor.tags(node, "g").find((g) => adaptor.getAttribute(g, "data-mml-node") === "merror");
      return { html: adaptor.outerHTML(node), error: error && adaptor.getAttribute(error, "data-mjx-error") };
    },
    // as scripts/hooks/prerender_math.mjs: Material's max-width would shrink a wide SVG formula
    css: () => adaptor.textContent(doc.outputJax.styleSheet(doc)) +
      (variant === "svg-local" ? '\n.md-typeset mjx-container[jax="SVG"] > svg { max-width: none; }\n' : ""),
  };
}

let v;
try {
  v = await makeVariant();
} catch (e) {
  console.error(`math_variants.mjs: ${e.message}`);
  process.exit(2);
}
let errors = 0, formulas = 0;
for (const file of files) {
  let text = readFileSync(file, "utf8");
  text = text.replace(MATH, (all, tag, open, tex, close) => {
    const display = open === "\\[";
    const { html, error } = v.convert(unescape(tex), display);
    if (error) {
      errors++;
      console.error(`${relative(site, file)}: TeX error in ${JSON.stringify(tex.slice(0, 60))}: ${error}`);
    }
    formulas++;
    const focus = display ? ' tabindex="0"' : "";
    return `<${tag} class="arithmatex" data-prerendered${focus}>${html}</${tag}>`;
  });
  if (basename(file) === "404.html") { writeFileSync(file, text); continue; }
  const depth = relative(site, file).split(sep).length - 1;
  const href = "../".repeat(depth) + "assets/mathjax/" + cssName;
  text = text.replace("</head>", `<link rel="stylesheet" href="${href}">\n</head>`);
  writeFileSync(file, text);
}
writeFileSync(join(site, "assets", "mathjax", cssName), v.css() + "\n");
console.log(`${variant}: ${formulas} formulas in ${files.length} pages`);
process.exit(errors ? 1 : 0);
