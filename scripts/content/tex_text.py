#!/usr/bin/env python3
"""Print a plain-text reading of TeX formulas: `\\frac{1}{m}` -> `1/m`, `\\mu_B` -> `μ_B`.

Where a formula is shown as text rather than typeset: search results
(scripts/hooks/hook_search_index.py) and the first sentences on the home page
(scripts/content/home.py). Unicode letters and symbols, a/b for fractions,
sub- and superscripts in Unicode where every character has one, else _ and ^.
Never fails: an unknown command keeps its name.

    python scripts/content/tex_text.py '\\sigma(z)=1/(1+e^{-z})'     # σ(z)=1/(1+e^(-z))
"""
import argparse
import re
import sys
import unicodedata

GREEK = {name: chr(code) for name, code in (
    ("alpha", 0x3B1), ("beta", 0x3B2), ("gamma", 0x3B3), ("delta", 0x3B4), ("epsilon", 0x3F5),
    ("varepsilon", 0x3B5), ("zeta", 0x3B6), ("eta", 0x3B7), ("theta", 0x3B8), ("vartheta", 0x3D1),
    ("iota", 0x3B9), ("kappa", 0x3BA), ("lambda", 0x3BB), ("mu", 0x3BC), ("nu", 0x3BD), ("xi", 0x3BE),
    ("pi", 0x3C0), ("rho", 0x3C1), ("sigma", 0x3C3), ("tau", 0x3C4), ("upsilon", 0x3C5),
    ("phi", 0x3D5), ("varphi", 0x3C6), ("chi", 0x3C7), ("psi", 0x3C8), ("omega", 0x3C9),
    ("Gamma", 0x393), ("Delta", 0x394), ("Theta", 0x398), ("Lambda", 0x39B), ("Xi", 0x39E),
    ("Pi", 0x3A0), ("Sigma", 0x3A3), ("Upsilon", 0x3A5), ("Phi", 0x3A6), ("Psi", 0x3A8), ("Omega", 0x3A9))}
SYMBOLS = {
    "cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "*", "star": "⋆",
    "cdots": "⋯", "ldots": "…", "dots": "…", "dotsc": "…", "dotsb": "⋯", "vdots": "⋮", "ddots": "⋱",
    "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "ll": "≪", "gg": "≫",
    "approx": "≈", "sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝", "coloneqq": "≔",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒", "implies": "⇒",
    "Leftarrow": "⇐", "iff": "⇔", "Leftrightarrow": "⇔", "leftrightarrow": "↔", "mapsto": "↦",
    "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩", "emptyset": "∅",
    "forall": "∀", "exists": "∃", "neg": "¬", "land": "∧", "lor": "∨", "wedge": "∧", "vee": "∨",
    "sum": " ∑", "prod": " ∏", "int": " ∫", "partial": "∂", "nabla": "∇", "infty": "∞", "circ": "∘",
    "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "mid": "|", "vert": "|", "lvert": "|", "rvert": "|",
    "Vert": "‖", "lVert": "‖", "rVert": "‖", "|": "‖", "langle": "⟨", "rangle": "⟩",
    "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "top": "ᵀ", "intercal": "ᵀ",
    "prime": "′", "ell": "ℓ", "hbar": "ℏ", "perp": "⊥", "parallel": "∥", "angle": "∠",
    "{": "{", "}": "}", "%": "%", "$": "$", "&": "&", "_": "_", "#": "#",
}
# Spacing, sizing and font commands: the text they act on stays, they go.
DROPPED = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl",
           "biggr", "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "middle",
           "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "boldsymbol", "bm", "text",
           "textrm", "textbf", "textit", "operatorname", "mbox", "rm", "bf", "it", "underbrace",
           "overbrace", "underline", "overline", "boxed", "phantom", "label", "nonumber", "tag"}
SPACES = {",": " ", ";": " ", ":": " ", ">": " ", "!": "", " ": " ", "quad": " ", "qquad": " ",
          "enspace": " ", "thinspace": " "}
ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "tilde": "\u0303", "widetilde": "\u0303",
           "vec": "\u20D7", "dot": "\u0307", "ddot": "\u0308"}
BLACKBOARD = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼", "P": "ℙ", "1": "𝟙"}
SUPERSCRIPT = dict(zip("0123456789+-−=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿ"))
SUBSCRIPT = dict(zip("0123456789+-−=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))
COMMAND = re.compile(r"\\([A-Za-z]+|.)")
FORMULA = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)


def _group(tex: str, i: int) -> tuple[str, int]:
    """The argument starting at tex[i] (a {group}, a command or one character) and
    the index after it."""
    while i < len(tex) and tex[i] == " ":
        i += 1
    if i >= len(tex):
        return "", i
    if tex[i] == "{":
        depth = 0
        for j in range(i, len(tex)):
            depth += {"{": 1, "}": -1}.get(tex[j], 0)
            if depth == 0:
                return tex[i + 1:j], j + 1
        return tex[i + 1:], len(tex)
    m = COMMAND.match(tex, i)
    if m:
        return m.group(0), m.end()
    return tex[i], i + 1


def _wrap(text: str) -> str:
    """Parenthesized unless it is one symbol, a number or a word."""
    return text if re.fullmatch(r"\w+|.", text) else f"({text})"


def tex_to_text(tex: str) -> str:
    """A plain-text reading of a TeX formula, for search snippets: Unicode letters
    and symbols, a/b for fractions, ^ and _ kept where no Unicode form exists.
    Never fails: an unknown command keeps its name."""
    out, i = [], 0
    while i < len(tex):
        c = tex[i]
        if c == "\\":
            m = COMMAND.match(tex, i)
            if not m:  # a lone backslash at the end
                break
            name, i = m.group(1), m.end()
            if name in ("frac", "dfrac", "tfrac"):
                num, i = _group(tex, i)
                den, i = _group(tex, i)
                out.append(f"{_wrap(tex_to_text(num))}/{_wrap(tex_to_text(den))}")
            elif name == "sqrt":
                arg, i = _group(tex, i)
                out.append(f"√{_wrap(tex_to_text(arg))}")
            elif name in ACCENTS:
                arg, i = _group(tex, i)
                inner = tex_to_text(arg)
                out.append(inner + ACCENTS[name] if len(inner) == 1 else inner)
            elif name == "mathbb":
                arg, i = _group(tex, i)
                out.append("".join(BLACKBOARD.get(ch, ch) for ch in arg))
            elif name in ("begin", "end"):
                _, i = _group(tex, i)
                if name == "begin" and tex[i:i + 1] == "{":  # array column spec
                    _, i = _group(tex, i)
            elif name == "\\":
                out.append("; ")
            elif name in GREEK:
                out.append(GREEK[name])
            elif name in SYMBOLS:
                out.append(SYMBOLS[name])
            elif name in SPACES:
                out.append(SPACES[name])
            elif name not in DROPPED:
                out.append(name)  # \log, \max, \exp, \softmax ... read as words
        elif c in "^_":
            arg, i = _group(tex, i + 1)
            text = tex_to_text(arg)
            if c == "^" and text and all(ch in SUPERSCRIPT for ch in text):
                out.append("".join(SUPERSCRIPT[ch] for ch in text))
            elif c == "_" and text and all(ch in SUBSCRIPT for ch in text) and (len(text) <= 2 or text.isdigit()):
                # (a longer word in small letters reads worse than _word)
                out.append("".join(SUBSCRIPT[ch] for ch in text))
            elif c == "^" and text in ("ᵀ", "′", "*", "⋆"):
                out.append(text)
            else:
                out.append(c + _wrap(text))
        elif c in "{}&":
            i += 1
        elif c == "~":
            out.append(" ")
            i += 1
        else:
            out.append(c)
            i += 1
    # composed where Unicode has the letter (ŷ), as a reader would type it
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", "".join(out)).strip())


def readable(text: str) -> str:
    """Index text with each \\(...\\) and \\[...\\] formula as plain text."""
    return FORMULA.sub(lambda m: tex_to_text(m.group(1) if m.group(1) is not None else m.group(2)), text)



def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tex", nargs="*", help="formulas (default: one per line on standard input)")
    args = ap.parse_args(argv)
    for tex in args.tex or sys.stdin.read().splitlines():
        print(tex_to_text(tex))
    return 0


if __name__ == "__main__":
    sys.exit(main())
