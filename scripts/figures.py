#!/usr/bin/env python3
"""Draw every figure of the site as a deterministic SVG.

Each figure is a function registered in FIGURES (file name -> function). The
functions compute what they show (real activation functions, real statistics of
seeded data, a real training run) instead of sketching it. The output is
byte-for-byte reproducible, so `--check` can tell whether the SVGs under
docs/assets/figures/ are what this script draws now.
"""
from __future__ import annotations

import argparse
import math
import sys
import tempfile
from pathlib import Path
from typing import Callable

import matplotlib

matplotlib.use("Agg")  # no display needed, works on CI
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "assets" / "figures"

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies,
# and each colour keeps enough contrast on the white background.
BLUE = "#0072B2"
GREEN = "#009E73"
VERMILION = "#D55E00"
SKY = "#56B4E9"
GREY = "#8c8c8c"
TEXT = "#1a1a1a"
# Mathtext draws ' and \prime with a glyph of the TeX font cmsy10, which the
# browser does not have (it shows "0"); the Unicode prime is in DejaVu Sans.
PRIME = "\u2032"

STYLE = {
    # Stable ids (clip paths, markers) so two runs give identical bytes.
    "svg.hashsalt": "figures",
    # Text stays text: small files, selectable, searchable.
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    # One named family: the SVG repeats the list on every text element, and the
    # browser falls back to its own sans-serif anyway.
    "font.sans-serif": ["DejaVu Sans"],
    "mathtext.fontset": "dejavusans",
    "font.size": 11,
    # The page may be dark: the figure carries its own opaque white background
    # and dark ink, so it reads the same in both colour schemes.
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "text.color": TEXT,
    "axes.labelcolor": TEXT,
    "axes.edgecolor": "#333333",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "axes.titlesize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "legend.frameon": True,
    "legend.framealpha": 0.95,
    "legend.edgecolor": "#cccccc",
    "lines.linewidth": 2.0,
    "path.simplify": True,
}

FIGURES: dict[str, Callable[[], plt.Figure]] = {}


def figure(name: str):
    """Register a figure-drawing function under its output file name."""
    def register(fn):
        FIGURES[name] = fn
        return fn
    return register


def save(fig: plt.Figure, path: Path) -> None:
    # Date/Creator would change between runs or matplotlib versions.
    fig.savefig(path, format="svg", facecolor="white", bbox_inches="tight", pad_inches=0.1,
                metadata={"Date": None, "Creator": None})
    plt.close(fig)


# ----------------------------------------------------------------------------
# activation functions (shared by several figures)

def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def softplus(x):
    # log(1 + e^x) without overflow for large x.
    return np.logaddexp(0.0, x)


_erf = np.vectorize(math.erf)  # numpy has no erf; math.erf is exact enough


def gelu(x):
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))


def elu(x, alpha=1.0):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def leaky_relu(x, alpha=0.1):
    return np.where(x > 0, x, alpha * x)


def _zero_axes(ax):
    """Draw the x and y axes through the origin, for function plots."""
    ax.axhline(0, color="#555555", lw=0.8, zorder=1)
    ax.axvline(0, color="#555555", lw=0.8, zorder=1)


# ----------------------------------------------------------------------------
# figures

def _box(ax, xy, w, h, text, *, fc="white", ec=TEXT, lw=1.5, ls="-", color=TEXT,
         weight="normal", size=11):
    """A rounded box with centred text, in data coordinates."""
    x, y = xy
    ax.add_patch(FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0.02,rounding_size=0.12",
                                fc=fc, ec=ec, lw=lw, ls=ls))
    ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", color=color,
            weight=weight, size=size)


def _arrow(ax, start, end, color=TEXT):
    ax.annotate("", xy=end, xytext=start,
                arrowprops=dict(arrowstyle="-|>", color=color, lw=1.5,
                                shrinkA=0, shrinkB=0, mutation_scale=14))


@figure("cats-label-vs-ground-truth.svg")
def cats_label_vs_ground_truth():
    """An ambiguous input (actor in cat make-up) whose ground truth is chosen by us,
    next to an unambiguous input whose label is simply the obvious answer."""
    fig, ax = plt.subplots(figsize=(9.5, 4.6))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 5.6)
    ax.axis("off")

    # Row 1: ambiguous image, two plausible answers, one chosen as ground truth.
    ax.text(0.05, 5.35, "ambiguous input", size=12, weight="bold", va="center")
    _box(ax, (0.1, 3.2), 2.6, 1.3, "image:\nactor in cat make-up\n(film \"Cats\")",
         fc="#f2f2f2")
    _box(ax, (3.7, 4.15), 1.5, 0.7, "cat?", ls="--")
    _box(ax, (3.7, 2.85), 1.5, 0.7, "person?", ls="--", color="#555555", ec=GREY)
    _arrow(ax, (2.75, 4.0), (3.65, 4.45))
    _arrow(ax, (2.75, 3.7), (3.65, 3.2), color=GREY)
    _box(ax, (6.2, 3.65), 3.6, 1.3, "ground truth (chosen):\ncat", fc="#d9ecf7", ec=BLUE,
         lw=2.5, weight="bold", size=12)
    _arrow(ax, (5.25, 4.45), (6.15, 4.3), color=BLUE)
    ax.text(8.0, 3.35, "what we decide the model\nshould predict", ha="center", va="top",
            size=10, color="#333333")

    ax.plot([0.05, 9.95], [2.05, 2.05], color="#cccccc", lw=1)

    # Row 2: unambiguous image, the label is the answer everybody agrees on.
    ax.text(0.05, 1.75, "unambiguous input", size=12, weight="bold", va="center")
    _box(ax, (0.1, 0.2), 2.6, 1.1, "image:\nphoto of a dog", fc="#f2f2f2")
    _box(ax, (6.2, 0.2), 3.6, 1.1, "label: dog", fc="#e0f3ec", ec=GREEN, lw=2.5,
         weight="bold", size=12)
    _arrow(ax, (2.75, 0.75), (6.15, 0.75), color=GREEN)
    ax.text(4.45, 0.9, "one clear answer", ha="center", va="bottom", size=10, color="#333333")
    return fig


@figure("activation-functions.svg")
def activation_functions():
    """Eight common activation functions on [-4, 4], one panel each."""
    x = np.linspace(-4, 4, 101)
    # (name, formula, values, colour). Names are plain text: a string containing
    # $...$ is laid out glyph by glyph, which costs ~130 bytes of SVG per character.
    panels = [
        ("sigmoid", "$1/(1+e^{-x})$", sigmoid(x), BLUE),
        ("tanh", "$(e^{x}-e^{-x})/(e^{x}+e^{-x})$", np.tanh(x), BLUE),
        ("ReLU", "$\\max(0, x)$", np.maximum(0.0, x), VERMILION),
        ("Leaky ReLU (α = 0.1 for visibility)", "$\\max(\\alpha x, x)$", leaky_relu(x), VERMILION),
        ("ELU (α = 1)", "$x$ if $x>0$, else $\\alpha(e^{x}-1)$", elu(x), VERMILION),
        ("Swish / SiLU", "$x\\,\\sigma(x)$", x * sigmoid(x), GREEN),
        ("GELU (exact; Φ: standard normal CDF)", "$x\\,\\Phi(x)$", gelu(x), GREEN),
        ("Mish", "$x\\,\\tanh(\\ln(1+e^{x}))$", x * np.tanh(softplus(x)), GREEN),
    ]
    fig, axes = plt.subplots(2, 4, figsize=(13, 6.6), sharex=True)
    for i, (ax, (name, formula, y, c)) in enumerate(zip(axes.flat, panels)):
        ax.grid(False)  # eight small panels: the axes through 0 are guide enough
        _zero_axes(ax)
        ax.plot(x, y, color=c)
        ax.set_title(name, size=11, pad=22)
        ax.text(0.5, 1.03, formula, transform=ax.transAxes, ha="center", va="bottom", size=11)
        ax.set_xlim(-4, 4)
        ax.set_xticks([-4, -2, 0, 2, 4])
        # Bounded functions get their own range; the six ReLU-like ones share one,
        # so their negative parts can be compared panel to panel.
        ylim, yticks = [((-0.1, 1.1), [0, 0.5, 1]), ((-1.2, 1.2), [-1, 0, 1])][i] if i < 2 \
            else ((-1.2, 4.2), [-1, 0, 2, 4])
        ax.set_ylim(*ylim)
        ax.set_yticks(yticks)
    for ax in axes[1]:
        ax.set_xlabel("$x$")
    fig.tight_layout(h_pad=1.5)
    return fig


@figure("normalization.svg")
def normalization():
    """Two features on very different scales: raw, min-max scaled, z-scored
    (each panel with equal scales on both axes)."""
    rng = np.random.default_rng(0)
    n = 100  # enough to see the shape; every marker is a separate SVG element
    X = np.column_stack([rng.normal(50, 10, n), rng.normal(0.5, 0.1, n)])
    minmax = (X - X.min(0)) / (X.max(0) - X.min(0))
    zscore = (X - X.mean(0)) / X.std(0)

    fig, axes = plt.subplots(1, 3, figsize=(13, 4.6))
    panels = [
        (X, "raw", None),
        (minmax, "min-max: $(x - \\min)/(\\max - \\min)$", (-0.1, 1.1)),
        (zscore, "z-score: $(x - \\mu)/\\sigma$", (-3.5, 3.5)),
    ]
    for ax, (data, title, lim) in zip(axes, panels):
        ax.plot(data[:, 0], data[:, 1], "o", ms=3.5, color=BLUE)
        ax.set_title(title)
        ax.set_xlabel("feature 1")
        ax.set_ylabel("feature 2")
        ax.set_aspect("equal")  # equal units on both axes shows which feature dominates
        if lim is None:
            # The raw panel spans feature 1's range on both axes: feature 2 collapses.
            lo, hi = data[:, 0].min() - 5, data[:, 0].max() + 5
            half = (hi - lo) / 2
            ax.set_xlim(lo, hi)
            ax.set_ylim(0.5 - half, 0.5 + half)
            ax.text(0.03, 0.04, "same scale on both axes:\nfeature 2 range "
                    f"{np.ptp(data[:, 1]):.2f}, feature 1 range {np.ptp(data[:, 0]):.0f}",
                    transform=ax.transAxes, size=9, color="#333333")
        else:
            ax.set_xlim(*lim)
            ax.set_ylim(*lim)
    axes[1].add_patch(plt.Rectangle((0, 0), 1, 1, fill=False, ec=GREY, ls="--", lw=1))
    fig.tight_layout()
    return fig


def _function_and_derivative(f, df, lo, hi, name, dname, peak_text, ylim, dsym):
    """Plot f and f' with shaded saturation where f' < 0.01 and the peak of f'."""
    x = np.linspace(lo, hi, 321)
    y, dy = f(x), df(x)
    fig, ax = plt.subplots(figsize=(8, 4.6))
    _zero_axes(ax)
    # Saturation threshold: solve f'(x) = 0.01 numerically on the grid.
    sat = x[dy >= 0.01]
    left, right = sat.min(), sat.max()
    for a, b in ((lo, left), (right, hi)):
        ax.axvspan(a, b, color="#eeeeee", zorder=0)
        ax.text((a + b) / 2, ylim[0] + 0.06 * (ylim[1] - ylim[0]), "saturation",
                ha="center", size=10, color="#333333")
    ax.plot(x, y, color=BLUE, label=name)
    ax.plot(x, dy, color=VERMILION, ls="--", label=dname)
    peak = dy.max()
    ax.plot([0], [peak], "o", color=VERMILION, ms=6)
    ax.annotate(peak_text, xy=(0, peak), xytext=(1.0 if hi < 6 else 1.5, peak + 0.12 * (ylim[1] - ylim[0])),
                arrowprops=dict(arrowstyle="-", color="#333333", lw=1), size=10)
    ax.set_xlim(lo, hi)
    ax.set_ylim(*ylim)
    ax.set_xlabel("$x$")
    ax.legend(loc="upper left")
    ax.set_title(f"shaded: saturation, where {dsym}$(x) < 0.01$  ($|x| > {right:.1f}$)", size=11)
    fig.tight_layout()
    return fig


@figure("sigmoid.svg")
def sigmoid_figure():
    """Sigmoid and its derivative on [-8, 8], saturated regions shaded, peak 0.25 at 0."""
    return _function_and_derivative(
        sigmoid, lambda x: sigmoid(x) * (1 - sigmoid(x)), -8, 8,
        "$\\sigma(x) = 1/(1+e^{-x})$", f"$\\sigma{PRIME}(x) = \\sigma(x)(1-\\sigma(x))$",
        f"max $\\sigma{PRIME}(0) = 0.25$", (-0.15, 1.15), f"$\\sigma{PRIME}$")


@figure("tanh.svg")
def tanh_figure():
    """tanh and its derivative on [-5, 5], saturated regions shaded, peak 1 at 0."""
    return _function_and_derivative(
        np.tanh, lambda x: 1 - np.tanh(x) ** 2, -5, 5,
        "$\\tanh(x)$", f"$\\tanh{PRIME}(x) = 1 - \\tanh^2(x)$",
        f"max $\\tanh{PRIME}(0) = 1$", (-1.3, 1.45), f"$\\tanh{PRIME}$")


@figure("relu.svg")
def relu_figure():
    """ReLU and Leaky ReLU (dashed) on the left, their derivatives on the right;
    ReLU's derivative is a step, undefined at 0."""
    x = np.array([-4.0, 0.0, 4.0])  # piecewise linear: the kinks are all we need
    # Two panels, because for x < 0 ReLU and its derivative are both 0 and would hide each other.
    fig, (ax_f, ax_d) = plt.subplots(1, 2, figsize=(11, 4.4))
    for ax in (ax_f, ax_d):
        _zero_axes(ax)
        ax.set_xlim(-4, 4)
        ax.set_xlabel("$x$")
    ax_f.plot(x, leaky_relu(x, 0.1), color=GREEN, ls="--", label="Leaky ReLU: $\\max(0.1x, x)$")
    ax_f.plot(x, np.maximum(0, x), color=BLUE, label="ReLU: $\\max(0, x)$")
    ax_f.set_ylim(-0.8, 4.2)
    ax_f.set_title("function")
    ax_f.legend(loc="upper left")

    # Leaky ReLU's derivative: 0.1 then 1, also undefined at 0.
    ax_d.plot([-4, 0, np.nan, 0, 4], [0.1, 0.1, np.nan, 1, 1], color=GREEN, ls="--",
              label=f"Leaky ReLU{PRIME}: 0.1 if $x<0$, 1 if $x>0$")
    # ReLU's derivative as two pieces with open circles at 0, where it is not defined.
    ax_d.plot([-4, 0, np.nan, 0, 4], [0, 0, np.nan, 1, 1], color=VERMILION, lw=2.6,
              solid_capstyle="butt", label=f"ReLU{PRIME}: 0 if $x<0$, 1 if $x>0$")
    ax_d.plot([0, 0], [0, 1], "o", ms=7, mfc="white", mec=VERMILION, mew=2, zorder=5)
    ax_d.annotate("undefined at 0\n(0 or 1 used in practice)", xy=(0, 0), xytext=(0.6, 0.45),
                  arrowprops=dict(arrowstyle="-", color="#333333", lw=1), size=10)
    ax_d.set_ylim(-0.2, 1.45)
    ax_d.set_yticks([0, 0.5, 1])
    ax_d.set_title("derivative")
    ax_d.legend(loc="upper left")
    fig.tight_layout()
    return fig


@figure("dropout.svg")
def dropout_figure():
    """A 4-5-5-3 network before and after dropout (p = 0.5) on the hidden layers."""
    sizes = [4, 5, 5, 3]
    rng = np.random.default_rng(1)
    # Bernoulli(0.5) masks, as dropout samples them; only hidden layers are dropped.
    # With seed 1 the hidden layers keep 3 and 2 of their 5 units.
    keep = [np.ones(sizes[0], bool)] + [rng.random(n) >= 0.5 for n in sizes[1:-1]] + [np.ones(sizes[-1], bool)]

    def positions(n, layer):
        ys = np.arange(n) * 0.34  # same spacing in every layer
        return [(layer, y - ys.mean()) for y in ys]

    pos = [positions(n, i) for i, n in enumerate(sizes)]
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.4))
    for ax, title, dropped in ((axes[0], "standard network", False),
                               (axes[1], "after dropout ($p$ = 0.5)", True)):
        ax.set_title(title)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_xlim(-0.35, 3.35)
        ax.set_ylim(-0.95, 0.8)
        # All connections as one NaN-separated line: one SVG path instead of ~60.
        xs, ys = [], []
        for li in range(len(sizes) - 1):
            for a, pa in enumerate(pos[li]):
                for b, pb in enumerate(pos[li + 1]):
                    if dropped and not (keep[li][a] and keep[li + 1][b]):
                        continue  # a dropped unit has no incoming or outgoing connections
                    xs += [pa[0], pb[0], np.nan]
                    ys += [pa[1], pb[1], np.nan]
        ax.plot(xs, ys, color="#555555", lw=0.8, zorder=1)
        # Neurons as markers (one small SVG element each, unlike Circle patches).
        groups = {"io": ([], []), "hidden": ([], []), "off": ([], [])}
        for li, layer in enumerate(pos):
            for k, (px, py) in enumerate(layer):
                kind = ("off" if dropped and not keep[li][k]
                        else "hidden" if 0 < li < len(sizes) - 1 else "io")
                groups[kind][0].append(px)
                groups[kind][1].append(py)
        ax.plot(*groups["io"], "o", ms=17, mfc="white", mec=TEXT, mew=1.5, zorder=3)
        ax.plot(*groups["hidden"], "o", ms=17, mfc=SKY, mec=TEXT, mew=1.5, zorder=3)
        ax.plot(*groups["off"], "o", ms=17, mfc="#e6e6e6", mec=GREY, mew=1.5, zorder=3)
        ax.plot(*groups["off"], "x", ms=11, mec=VERMILION, mew=2.2, zorder=4)
        for li, label in enumerate(["input", "hidden", "hidden", "output"]):
            ax.text(li, -0.93, label, ha="center", size=10, color="#333333")
    kept = ", ".join(f"{m.sum()} of {m.size}" for m in keep[1:-1])
    axes[1].text(1.5, -1.15, f"hidden units kept: {kept} (a new random mask at every step)",
                 ha="center", size=9.5, color="#333333")
    fig.tight_layout()
    return fig


def _early_stopping_run(epochs=30000):
    """Full-batch gradient descent on a degree-12 polynomial fitted to 20 noisy
    samples of sin(pi x); returns per-epoch train and validation MSE."""
    rng = np.random.default_rng(1)
    n, degree, lr, noise = 20, 12, 0.05, 0.3
    x_train = np.sort(rng.uniform(-1, 1, n))
    y_train = np.sin(np.pi * x_train) + rng.normal(0, noise, n)
    x_val = np.linspace(-1, 1, 200)
    y_val = np.sin(np.pi * x_val) + rng.normal(0, noise, x_val.size)

    def features(x):
        return np.stack([x ** k for k in range(1, degree + 1)], axis=1)

    Xt, Xv = features(x_train), features(x_val)
    # Standardize with training statistics, so one learning rate suits every power.
    mu, sd = Xt.mean(0), Xt.std(0)
    Xt, Xv = (Xt - mu) / sd, (Xv - mu) / sd
    w, b = np.zeros(degree), 0.0
    train, val = np.empty(epochs), np.empty(epochs)
    for e in range(epochs):
        r = Xt @ w + b - y_train
        train[e] = np.mean(r ** 2)
        val[e] = np.mean((Xv @ w + b - y_val) ** 2)
        w -= lr * 2 * Xt.T @ r / n
        b -= lr * 2 * r.mean()
    return train, val


@figure("early-stopping.svg")
def early_stopping():
    """Real training and validation loss curves; the validation minimum is the
    early-stopping point, after which the model overfits."""
    train, val = _early_stopping_run()
    best = int(val.argmin())
    # The figure is only honest if the computed curve really turns upward.
    assert 0 < best < len(val) - 1 and val[-1] > 3 * val[best], "validation loss does not rise"
    epochs = np.arange(1, len(train) + 1)
    # Log-spaced samples keep the SVG small without changing the curves' shape.
    idx = np.unique(np.round(np.logspace(0, np.log10(len(train)), 300)).astype(int) - 1)
    fig, ax = plt.subplots(figsize=(8, 4.6))
    ax.axvspan(epochs[best], epochs[-1], color="#fbe3d6", zorder=0)
    ax.plot(epochs[idx], train[idx], color=BLUE, label="training loss")
    ax.plot(epochs[idx], val[idx], color=VERMILION, label="validation loss")
    ax.axvline(epochs[best], color=TEXT, ls="--", lw=1.3)
    ax.plot([epochs[best]], [val[best]], "o", color=VERMILION, ms=6)
    ax.text(epochs[best] * 0.85, 1.6, f"early stopping point\n(epoch {epochs[best]})",
            ha="right", va="top", size=10)
    ax.text(np.sqrt(epochs[best] * epochs[-1]), 1.6, "overfitting", ha="center", va="top",
            size=11, weight="bold", color=VERMILION)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(1, epochs[-1])
    ax.set_ylim(0.05, 2)
    # Plain numbers rather than powers of ten: easier to read at a glance.
    ax.set_xticks([1, 10, 100, 1000, 10000], ["1", "10", "100", "1,000", "10,000"])
    ax.set_yticks([0.05, 0.1, 0.2, 0.5, 1, 2], ["0.05", "0.1", "0.2", "0.5", "1", "2"])
    ax.minorticks_off()
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss (MSE)")
    ax.set_title("degree-12 polynomial, 20 noisy samples of $\\sin(\\pi x)$, full-batch gradient descent",
                 size=10)
    ax.legend(loc="lower left")
    fig.tight_layout()
    return fig


@figure("label-smoothing.svg")
def label_smoothing():
    """One-hot target vs label-smoothed target for K = 5 classes, eps = 0.1."""
    K, true, eps = 5, 2, 0.1
    one_hot = np.eye(K)[true]
    smooth = (1 - eps) * one_hot + eps / K
    x = np.arange(K)
    w = 0.38
    fig, ax = plt.subplots(figsize=(8, 4.6))
    b1 = ax.bar(x - w / 2, one_hot, w, color=GREY, label="one-hot target $y$")
    b2 = ax.bar(x + w / 2, smooth, w, color=BLUE, label="smoothed target $y^{LS}$")
    for bars in (b1, b2):
        for r in bars:
            v = r.get_height()
            ax.text(r.get_x() + r.get_width() / 2, v + 0.015, f"{v:.2f}".rstrip("0").rstrip(".")
                    if v in (0.0, 1.0) else f"{v:.2f}", ha="center", va="bottom", size=10)
    ax.set_xticks(x, [f"class {k}" + (" (true)" if k == true else "") for k in x])
    ax.set_ylim(0, 1.15)
    ax.set_ylabel("target probability")
    ax.grid(axis="x", visible=False)
    ax.set_title("$y^{LS} = (1-\\varepsilon)\\,y + \\varepsilon/K$,   "
                 "$\\varepsilon$ = 0.1,  $K$ = 5")
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig


@figure("batch-normalization.svg")
def batch_normalization():
    """Histograms of three units' pre-activations in one mini-batch, before and
    after batch normalization (gamma = 1, beta = 0)."""
    rng = np.random.default_rng(0)
    batch, eps = 256, 1e-5
    params = [(4, 2), (-3, 0.5), (0.5, 5)]
    X = np.column_stack([rng.normal(m, s, batch) for m, s in params])
    mu, var = X.mean(0), X.var(0)  # batch statistics, biased variance as in BN
    X_hat = (X - mu) / np.sqrt(var + eps)

    colors = [BLUE, VERMILION, GREEN]
    styles = ["-", "--", ":"]
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.6))
    for k in range(3):
        # 20 bins over each unit's own range: one bin grid for all three would be
        # either too coarse for the narrow unit or too noisy for the wide one.
        bins = np.linspace(X[:, k].min(), X[:, k].max(), 21)
        lab = f"unit {k + 1}: batch mean {mu[k]:.2f}, std {np.sqrt(var[k]):.2f}"
        # stepfilled/step draw one path per histogram instead of one per bar.
        axes[0].hist(X[:, k], bins=bins, density=True, histtype="stepfilled", alpha=0.35,
                     color=colors[k])
        axes[0].hist(X[:, k], bins=bins, density=True, histtype="step", lw=1.8,
                     color=colors[k], ls=styles[k], label=lab)
    hat_bins = np.linspace(-4, 4, 17)
    for k in range(3):
        axes[1].hist(X_hat[:, k], bins=hat_bins, density=True, histtype="step", lw=1.8,
                     color=colors[k], ls=styles[k],
                     # round(...) + 0.0 turns -0.00 into 0.00
                     label=f"unit {k + 1}: mean {round(X_hat[:, k].mean(), 2) + 0.0:.2f}, "
                           f"std {X_hat[:, k].std():.2f}")
    z = np.linspace(-4, 4, 161)
    axes[1].plot(z, np.exp(-z ** 2 / 2) / np.sqrt(2 * np.pi), color=TEXT, lw=1, alpha=0.6,
                 label="$N(0, 1)$ density")
    axes[0].set_title("before: pre-activations $x$ (batch of 256)")
    # A plain "√" character: mathtext's \sqrt bar is drawn apart from the glyph and
    # drifts when the browser, not matplotlib, lays out the text.
    axes[1].set_title("after: $\\hat{x} = (x - \\mu_B)\\,/\\,$√$(\\sigma_B^2 + \\epsilon)$,"
                      "  $\\gamma$ = 1, $\\beta$ = 0")
    axes[0].set_xlim(-16, 16)
    axes[1].set_xlim(-4, 4)
    axes[1].set_ylim(0, 0.62)
    for ax in axes:
        ax.set_xlabel("activation value")
        ax.set_ylabel("density")
        ax.legend(loc="upper left", fontsize=9)
    axes[0].set_ylim(0, 1.05)
    fig.tight_layout()
    return fig


@figure("noise-injection.svg")
def noise_injection():
    """Two-class training inputs, clean and with Gaussian input noise as seen by
    the model over several epochs (labels unchanged)."""
    rng = np.random.default_rng(0)
    n, sigma, copies = 15, 0.3, 4
    centres = np.array([[-1.0, -0.5], [1.0, 0.5]])
    clean = [c + rng.normal(0, 0.45, (n, 2)) for c in centres]
    fig, axes = plt.subplots(1, 2, figsize=(11, 5), sharex=True, sharey=True)
    marks = [("o", BLUE, "class A"), ("^", VERMILION, "class B")]
    for pts, (m, c, lab) in zip(clean, marks):
        axes[0].plot(pts[:, 0], pts[:, 1], m, color=c, ms=7, mec="white", mew=0.5, label=lab)
        # A fresh noise sample every epoch: the model never sees the same input twice.
        noisy = np.concatenate([pts + rng.normal(0, sigma, pts.shape) for _ in range(copies)])
        axes[1].plot(noisy[:, 0], noisy[:, 1], m, color=c, ms=4, alpha=0.6, mec="none",
                     label=f"{lab} + noise ({copies} epochs)")
        axes[1].plot(pts[:, 0], pts[:, 1], m, color=c, ms=7, mec=TEXT, mew=0.8,
                     label=f"{lab} (clean)")
    axes[0].set_title("clean training inputs")
    axes[1].set_title(f"training inputs + Gaussian noise ($\\sigma$ = {sigma})")
    for ax in axes:
        ax.set_aspect("equal")
        ax.set_xlabel("$x_1$")
        ax.set_xlim(-3, 3)
        ax.set_ylim(-2.6, 2.6)
    axes[0].set_ylabel("$x_2$")
    axes[0].legend(loc="upper left", fontsize=9)
    axes[1].legend(loc="upper left", fontsize=8.5, ncol=2)
    fig.tight_layout()
    return fig


# ----------------------------------------------------------------------------
# command line

@figure("grid-vs-random-search.svg")
def grid_vs_random_search():
    """Bergstra & Bengio (2012), Figure 1, with real numbers: nine trials of grid
    search and of random search on a loss that depends on the learning rate only.
    Top: the loss along the important hyperparameter; right: along the other one."""
    u_lo, u_hi, v_lo, v_hi, u_best = -5.0, -1.0, 0.0, 0.5, -2.6

    def loss(u, v):  # = random_search.val_loss
        return 0.1 + 0.2 * (u - u_best) ** 2 + 0.01 * (v - 0.3) ** 2

    gu, gv = (a.ravel() for a in np.meshgrid(np.linspace(u_lo, u_hi, 3), np.linspace(v_lo, v_hi, 3)))
    rng = np.random.default_rng(0)  # = random_search.random_trials(9, default_rng(0))
    ru, rv = rng.uniform(u_lo, u_hi, 9), rng.uniform(v_lo, v_hi, 9)

    fig = plt.figure(figsize=(11, 5.4))
    gs = fig.add_gridspec(2, 5, width_ratios=[4, 1, 0.55, 4, 1], height_ratios=[1.3, 3],
                          hspace=0.08, wspace=0.08)
    uu = np.linspace(u_lo, u_hi, 200)
    vv = np.linspace(v_lo, v_hi, 50)
    ytop = loss(u_lo, 0.3) * 1.08
    panels = [(0, "grid search", gu, gv, VERMILION), (3, "random search", ru, rv, BLUE)]
    for col, name, u, v, c in panels:
        main = fig.add_subplot(gs[1, col])
        top = fig.add_subplot(gs[0, col], sharex=main)
        side = fig.add_subplot(gs[1, col + 1], sharey=main)
        i = int(np.argmin(loss(u, v)))
        # main: where the nine trials land
        main.scatter(u, v, s=55, color=c, zorder=3)
        main.scatter([u[i]], [v[i]], s=170, facecolors="none", edgecolors=TEXT, lw=1.6, zorder=4)
        main.axvline(u_best, color=GREY, ls="--", lw=1.2, zorder=1)
        main.set_xlim(u_lo - 0.2, u_hi + 0.2)
        main.set_ylim(v_lo - 0.03, v_hi + 0.03)
        main.set_xticks([-5, -4, -3, -2, -1], ["1e-5", "1e-4", "1e-3", "1e-2", "1e-1"])
        main.set_xlabel("learning rate (important, log scale)")
        main.set_ylabel("dropout rate (unimportant)")
        # top: the loss along the learning rate, and the values actually tried
        top.plot(uu, loss(uu, 0.3), color=GREY, lw=1.5)
        top.scatter(u, loss(u, v), s=30, color=c, zorder=3)
        for x in np.unique(u):
            top.axvline(x, color=c, lw=0.8, alpha=0.5, zorder=1)
        top.axvline(u_best, color=GREY, ls="--", lw=1.2)
        top.set_ylim(0, ytop)
        top.set_ylabel("val. loss")
        top.tick_params(labelbottom=False)
        top.set_title(f"{name}: {len(np.unique(u))} distinct learning rates, "
                      f"best loss {loss(u[i], v[i]):.3f}", size=11)
        # side: the loss along the dropout rate, at the best learning rate (flat)
        side.plot(loss(u_best, vv), vv, color=GREY, lw=1.5)
        side.set_xlim(0, ytop)
        side.set_xlabel("val. loss")
        side.tick_params(labelleft=False)
        side.set_xticks([0, 1])
        side.text(0.55 * ytop, (v_lo + v_hi) / 2, "almost flat", rotation=90, ha="center",
                  va="center", size=10, color="#333333")
    fig.text(0.5, -0.04, "validation loss = 0.1 + 0.2 (log10 lr + 2.6)² + 0.01 (dropout − 0.3)²;"
             " 9 trials each; circled: best trial; dashed: optimum",
             ha="center", size=10, color="#333333")
    return fig


def _init_activation_stds(depth=10, width=256, batch=1000, seed=0):
    """Std of the post-ReLU activations of each layer of a depth-layer ReLU MLP
    (width units everywhere, no bias) fed standard-normal input, for three
    zero-mean Gaussian weight initializations. Index 0 is the input itself.
    The same seed gives every scheme the same input and the same underlying
    standard-normal weight draws (scaled by each scheme's std)."""
    schemes = {
        "small": 0.01,                            # N(0, 0.01^2)
        "xavier": np.sqrt(2.0 / (width + width)),  # Glorot normal, Var = 2/(n_in+n_out)
        "he": np.sqrt(2.0 / width),                # He normal, Var = 2/n_in
    }
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((batch, width))
    raw = [rng.standard_normal((width, width)) for _ in range(depth)]
    stds = {}
    for name, s in schemes.items():
        h = x
        out = [h.std()]
        for z in raw:
            h = np.maximum(0.0, h @ (s * z))
            out.append(h.std())
        stds[name] = np.array(out)
    return stds


@figure("init-activations.svg")
def init_activations():
    """Activation std per layer of a 10-layer, width-256 ReLU MLP under three
    initializations (log y-axis): small N(0, 0.01^2) vanishes, Xavier shrinks
    by about 1/sqrt(2) per layer, He stays constant."""
    stds = _init_activation_stds()
    layers = np.arange(len(stds["he"]))
    fig, ax = plt.subplots(figsize=(8, 4.8))
    lines = [
        ("small", "(a) N(0, 0.01²)", VERMILION, "s", "-"),
        ("xavier", "(b) Xavier: Var$(w) = 2/(n_{in}+n_{out})$", BLUE, "o", "--"),
        ("he", "(c) He: Var$(w) = 2/n_{in}$", GREEN, "^", "-"),
    ]
    for key, label, colour, marker, ls in lines:
        ax.plot(layers, stds[key], color=colour, marker=marker, ms=6, ls=ls, label=label)
        ax.annotate(f"{stds[key][-1]:.2g}", xy=(layers[-1], stds[key][-1]),
                    xytext=(8, 0), textcoords="offset points", va="center",
                    size=10, color=colour)
    ax.set_yscale("log")
    ax.set_xlim(-0.3, layers[-1] + 1.2)
    ax.set_xticks(layers)
    ax.set_xlabel("layer (0 = input)")
    ax.set_ylabel("std of ReLU activations")
    ax.set_title("10-layer ReLU MLP, width 256, input N(0, 1), 1000 samples",
                 size=11)
    ax.legend(loc="lower left")
    fig.tight_layout()
    return fig


@figure("boltzmann-machine.svg")
def boltzmann_machine():
    """A general Boltzmann machine (every pair of units may be connected) next to a
    restricted one (bipartite: visible-hidden connections only), 4 visible + 3 hidden."""
    n_v, n_h = 4, 3
    vis = [(x, 0.0) for x in np.arange(n_v) - (n_v - 1) / 2]
    hid = [(x, 1.2) for x in np.arange(n_h) - (n_h - 1) / 2]

    def arc(p, q, bulge):
        """A quadratic Bezier curve from p to q through a point pushed `bulge` up/down."""
        t = np.linspace(0, 1, 30)[:, None]
        p, q = np.array(p), np.array(q)
        c = (p + q) / 2 + np.array([0.0, bulge * (0.35 + 0.25 * abs(q[0] - p[0]))])
        pts = (1 - t) ** 2 * p + 2 * (1 - t) * t * c + t ** 2 * q
        return list(pts[:, 0]) + [np.nan], list(pts[:, 1]) + [np.nan]

    fig, axes = plt.subplots(1, 2, figsize=(10, 4.3))
    for ax, restricted in ((axes[0], False), (axes[1], True)):
        ax.set_title("restricted Boltzmann machine (RBM)" if restricted
                     else "Boltzmann machine (general)")
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_xlim(-2.3, 2.3)
        ax.set_ylim(-1.15, 1.95)
        # visible-hidden connections: one NaN-separated path
        xs, ys = [], []
        for p in vis:
            for q in hid:
                xs += [p[0], q[0], np.nan]
                ys += [p[1], q[1], np.nan]
        ax.plot(xs, ys, color="#555555", lw=1.0, zorder=1)
        if not restricted:
            # within-layer connections, drawn as arcs outside the two rows
            xs, ys = [], []
            for layer, bulge in ((vis, -1.0), (hid, 1.0)):
                for i in range(len(layer)):
                    for j in range(i + 1, len(layer)):
                        ax_, ay_ = arc(layer[i], layer[j], bulge)
                        xs += ax_
                        ys += ay_
            ax.plot(xs, ys, color=VERMILION, lw=1.4, zorder=1)
        ax.plot(*zip(*vis), "o", ms=20, mfc="white", mec=TEXT, mew=1.5, zorder=3)
        ax.plot(*zip(*hid), "o", ms=20, mfc=SKY, mec=TEXT, mew=1.5, zorder=3)
        for k, (x, y) in enumerate(vis):
            ax.text(x, y, f"$v_{k + 1}$", ha="center", va="center", size=10, zorder=4)
        for k, (x, y) in enumerate(hid):
            ax.text(x, y, f"$h_{k + 1}$", ha="center", va="center", size=10, zorder=4)
        ax.text(-2.25, 0.0, "visible", ha="left", va="center", size=10, color="#333333")
        ax.text(-2.25, 1.2, "hidden", ha="left", va="center", size=10, color="#333333")
    axes[0].text(0, -1.1, "visible-visible and hidden-hidden weights (vermilion) allowed",
                 ha="center", size=9.5, color="#333333")
    axes[1].text(0, -1.1, "bipartite: units in one layer are independent given the other",
                 ha="center", size=9.5, color="#333333")
    fig.tight_layout()
    return fig


def relu_interpolant(f, lo, hi, n):
    """Exact one-hidden-layer ReLU interpolant of f at n+1 equally spaced knots.

    g(x) = f(t_0) + sum_{k=0}^{n-1} c_k ReLU(x - t_k) on [lo, hi], where
    c_0 = s_0 and c_k = s_k - s_{k-1} (s_k: slope of the k-th segment).
    Returns knots t_0..t_{n-1}, weights c_0..c_{n-1}, offset f(t_0), all knots.
    """
    knots = np.linspace(lo, hi, n + 1)
    y = f(knots)
    slopes = np.diff(y) / np.diff(knots)
    c = np.concatenate([[slopes[0]], np.diff(slopes)])
    return knots[:-1], c, y[0], knots


def relu_sum(x, t, c, c0):
    return c0 + (c[None, :] * np.maximum(0.0, x[:, None] - t[None, :])).sum(axis=1)


def relu_interp_max_error(n, num=20001):
    """Max |sin(x) - g(x)| on [0, 2*pi] for the n-piece ReLU interpolant (dense grid)."""
    x = np.linspace(0.0, 2 * np.pi, num)
    t, c, c0, _ = relu_interpolant(np.sin, 0.0, 2 * np.pi, n)
    return np.max(np.abs(np.sin(x) - relu_sum(x, t, c, c0)))


@figure("relu-pieces.svg")
def relu_pieces():
    """sin(x) on [0, 2*pi] as a sum of 7 scaled, shifted ReLUs (exact interpolation at
    8 equally spaced knots): the pieces on the left, their sum against sin on the right."""
    n = 7  # odd: with an even n the knot at pi would get weight 0 (sin is odd about pi)
    lo, hi = 0.0, 2 * np.pi
    t, c, c0, knots = relu_interpolant(np.sin, lo, hi, n)
    x = np.linspace(lo, hi, 701)
    g = relu_sum(x, t, c, c0)
    err = np.max(np.abs(np.sin(x) - g))

    fig, (ax_p, ax_s) = plt.subplots(1, 2, figsize=(12, 4.6))
    ticks = [0, np.pi / 2, np.pi, 3 * np.pi / 2, 2 * np.pi]
    labels = ["0", "π/2", "π", "3π/2", "2π"]
    for ax in (ax_p, ax_s):
        ax.axhline(0, color="#555555", lw=0.8, zorder=1)
        ax.set_xlim(lo, hi)
        ax.set_xticks(ticks, labels)
        ax.set_xlabel("$x$")

    # Left: each piece c_k ReLU(x - t_k); colour by the sign of c_k.
    ends = c * (hi - t)  # value of each piece at the right edge
    # Label positions: the end values, pushed apart so that no two labels overlap.
    order = np.argsort(ends)
    label_y = ends.copy()
    for a, b in zip(order[:-1], order[1:]):
        label_y[b] = max(label_y[b], label_y[a] + 0.35)
    for k, (tk, ck) in enumerate(zip(t, c)):
        colour = BLUE if ck > 0 else VERMILION
        ax_p.plot(x, ck * np.maximum(0.0, x - tk), color=colour, lw=1.2)
        ax_p.text(hi + 0.08, label_y[k], f"$c_{k}$={ck:+.2f}", va="center", size=9,
                  color=colour)
    ax_p.plot([], [], color=BLUE, lw=1.2, label="$c_k$ ReLU$(x-t_k)$, $c_k>0$")
    ax_p.plot([], [], color=VERMILION, lw=1.2, label="$c_k$ ReLU$(x-t_k)$, $c_k<0$")
    ax_p.plot(t, np.zeros_like(t), "o", color=TEXT, ms=4, label="kinks $t_k = 2\\pi k/7$")
    ax_p.set_title(f"the {n} pieces (one hidden ReLU unit each)")
    ax_p.legend(loc="lower left", fontsize=9)

    # Right: their sum against the target.
    ax_s.plot(x, np.sin(x), color=GREY, lw=4, alpha=0.6, label="target: sin $x$")
    ax_s.plot(x, g, color=BLUE, lw=1.8, label="sum of the 7 pieces")
    ax_s.plot(knots, np.sin(knots), "o", color=BLUE, ms=5, label="interpolation knots")
    ax_s.set_ylim(-1.3, 1.3)
    ax_s.set_title(f"sum vs. target (max error {err:.3f})")
    ax_s.legend(loc="lower left", fontsize=9)
    fig.tight_layout()
    return fig


def _saddle_runs(lr=0.1, steps=80, start=1.4, eps=1e-3, noise=0.01, box=1.5, seed=0):
    """Gradient descent on L(x, y) = x^2 - y^2 (gradient (2x, -2y)) from three starts:
    exactly on the stable manifold y = 0; with y0 = eps; and from y = 0 with Gaussian
    noise of std `noise` added to each gradient component (a stand-in for SGD).
    A run stops once |y| leaves the box (L is unbounded below)."""
    rng = np.random.default_rng(seed)
    runs = {}
    for key, y0, sigma in [("gd", 0.0, 0.0), ("perturbed", eps, 0.0), ("noisy", 0.0, noise)]:
        p = np.array([start, y0])
        path = [p.copy()]
        for _ in range(steps):
            g = np.array([2 * p[0], -2 * p[1]])
            if sigma:
                g = g + sigma * rng.standard_normal(2)
            p = p - lr * g
            path.append(p.copy())
            if abs(p[1]) > box:
                break
        runs[key] = np.array(path)
    return runs


@figure("saddle-point.svg")
def saddle_point():
    """Left: contours of L = x^2 - y^2 with three GD paths from (1.4, 0): plain GD on
    y = 0 stalls at the saddle (0, 0); y0 = 0.001 or gradient noise makes it escape.
    Right: the loss along each run; the escaping runs sit on a plateau near L = 0 first."""
    lr = 0.1
    runs = _saddle_runs(lr=lr)
    styles = {
        "gd": ("plain GD, start (1.4, 0): stalls at the saddle", VERMILION, "-", "o"),
        "perturbed": ("GD, start (1.4, 0.001): escapes", BLUE, "-", "s"),
        "noisy": ("GD + gradient noise (std 0.01), start (1.4, 0): escapes", GREEN, "--", "^"),
    }
    fig, (ax_c, ax_l) = plt.subplots(1, 2, figsize=(12, 5.0),
                                     gridspec_kw={"width_ratios": [1, 1.15]})

    g = np.linspace(-1.85, 1.85, 61)
    X, Y = np.meshgrid(g, g)
    Z = X**2 - Y**2
    levels = np.arange(-3.5, 3.51, 0.5)
    cs = ax_c.contour(X, Y, Z, levels=levels, colors="#777777", linewidths=0.7)
    ax_c.clabel(cs, levels=[-3, -2, -1, 0, 1, 2, 3], fontsize=8, fmt="%g")
    widths = {"gd": 6.0, "perturbed": 2.0, "noisy": 2.0}  # plain GD drawn wide, underneath
    for key, (label, colour, ls, marker) in styles.items():
        p = runs[key]
        ax_c.plot(p[:, 0], p[:, 1], color=colour, ls=ls, lw=widths[key], marker=marker,
                  ms=4 if key != "gd" else 7, markevery=4, alpha=0.55 if key == "gd" else 1.0,
                  solid_capstyle="butt", label=label)
    ax_c.plot([0], [0], "x", color=TEXT, ms=10, mew=2.5, zorder=5)
    ax_c.annotate("saddle (0, 0)\nH = diag(2, −2)", xy=(0, 0), xytext=(-1.7, 0.45), size=9,
                  bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="#cccccc"),
                  arrowprops=dict(arrowstyle="-", color="#555555", lw=0.8))
    ax_c.text(0.8, -0.3, "y = 0: GD stays on it", size=9, ha="center",
              bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="#cccccc"))
    ax_c.set_xlim(-1.85, 1.85)
    ax_c.set_ylim(-1.85, 1.85)
    ax_c.set_aspect("equal")
    ax_c.set_xlabel("$x$")
    ax_c.set_ylabel("$y$")
    ax_c.set_title("$L(x, y) = x^2 - y^2$: contours and paths")

    for key, (label, colour, ls, marker) in styles.items():
        p = runs[key]
        loss = p[:, 0] ** 2 - p[:, 1] ** 2
        ax_l.plot(np.arange(len(loss)), loss, color=colour, ls=ls, lw=2, marker=marker, ms=3.5,
                  markevery=4, label=label)
    ax_l.axhline(0, color="#555555", lw=0.8, zorder=1)
    ax_l.set_xlabel("step $t$ (learning rate 0.1)")
    ax_l.set_ylabel("loss $L(x_t, y_t)$")
    ax_l.set_ylim(-3.4, 2.2)
    ax_l.set_title("loss per step: plateau at the saddle, then escape")
    ax_l.legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    return fig


# f(x, y) = 0.5 * (x^2 + 100 y^2): a ravine whose curvature across it (y) is 100 times
# the curvature along it (x). Gradient descent needs lr < 2/100 to stay stable across
# the ravine, so along it it crawls: each step keeps a factor (1 - lr) of x.
_CURV = np.array([1.0, 100.0])
_START = np.array([-9.0, 1.2])
_STEPS = 40


def _ravine(p):
    return 0.5 * np.sum(_CURV * p ** 2, axis=-1)


def _ravine_grad(p):
    return _CURV * p


def _run_sgd(p0, steps, lr):
    """theta_{t+1} = theta_t - lr * g_t."""
    p, path = p0.copy(), [p0.copy()]
    for _ in range(steps):
        p = p - lr * _ravine_grad(p)
        path.append(p.copy())
    return np.array(path)


def _run_momentum(p0, steps, lr, mu):
    """Heavy ball: v_{t+1} = mu v_t - lr g_t, theta_{t+1} = theta_t + v_{t+1}, v_0 = 0."""
    p, v, path = p0.copy(), np.zeros_like(p0), [p0.copy()]
    for _ in range(steps):
        v = mu * v - lr * _ravine_grad(p)
        p = p + v
        path.append(p.copy())
    return np.array(path)


def _run_rmsprop(p0, steps, lr, rho, eps=1e-8):
    """v_t = rho v_{t-1} + (1 - rho) g_t^2, theta_{t+1} = theta_t - lr g_t / (sqrt(v_t) + eps)."""
    p, v, path = p0.copy(), np.zeros_like(p0), [p0.copy()]
    for _ in range(steps):
        g = _ravine_grad(p)
        v = rho * v + (1 - rho) * g ** 2
        p = p - lr * g / (np.sqrt(v) + eps)
        path.append(p.copy())
    return np.array(path)


def _run_adam(p0, steps, lr, beta1, beta2, eps=1e-8):
    """Adam with bias correction, as in Kingma & Ba (2015), Algorithm 1."""
    p, m, v, path = p0.copy(), np.zeros_like(p0), np.zeros_like(p0), [p0.copy()]
    for t in range(1, steps + 1):
        g = _ravine_grad(p)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g ** 2
        m_hat = m / (1 - beta1 ** t)
        v_hat = v / (1 - beta2 ** t)
        p = p - lr * m_hat / (np.sqrt(v_hat) + eps)
        path.append(p.copy())
    return np.array(path)


def optimizer_runs(steps=_STEPS):
    """(label, colour, path) of the four optimizers from the same start. Learning rates:
    SGD just below its stability limit 2/100; momentum with the usual mu = 0.9; RMSprop and
    Adam chosen by hand on a log grid (their step is about lr per coordinate, whatever
    the curvature); all gradients exact (no noise), so only the update rules differ."""
    p0 = _START
    return [
        ("SGD (η = 0.018)", GREY, _run_sgd(p0, steps, 0.018)),
        ("momentum (η = 0.005, μ = 0.9)", BLUE, _run_momentum(p0, steps, 0.005, 0.9)),
        ("RMSprop (η = 0.3, ρ = 0.9)", GREEN, _run_rmsprop(p0, steps, 0.3, 0.9)),
        ("Adam (η = 0.3, β₁ = 0.9, β₂ = 0.999)", VERMILION,
         _run_adam(p0, steps, 0.3, 0.9, 0.999)),
    ]


@figure("optimizer-paths.svg")
def optimizer_paths():
    """Paths of SGD, heavy-ball momentum, RMSprop and Adam on the same ill-conditioned
    quadratic f(x, y) = 0.5 (x^2 + 100 y^2), 40 steps from (-9, 1.2); right: f per step."""
    steps = _STEPS
    runs = optimizer_runs(steps)
    fig, (ax, ax_f) = plt.subplots(1, 2, figsize=(13, 4.8), gridspec_kw={"width_ratios": [1.7, 1]})

    xs, ys = np.meshgrid(np.linspace(-10, 4, 141), np.linspace(-1.6, 1.6, 81))
    zz = _ravine(np.stack([xs, ys], axis=-1))
    ax.contour(xs, ys, zz, levels=[0.5, 2, 5, 10, 20, 35, 55, 80, 110], colors="#bbbbbb",
               linewidths=0.8)
    for label, colour, path in runs:
        ax.plot(path[:, 0], path[:, 1], color=colour, lw=1.6, marker="o", ms=3, label=label)
    ax.plot(*_START, "s", color=TEXT, ms=7, zorder=5)
    ax.annotate("start", xy=_START, xytext=(_START[0] - 0.7, _START[1] + 0.2), size=10)
    ax.plot([0], [0], "*", color=TEXT, ms=12, zorder=5)
    ax.annotate("minimum", xy=(0, 0), xytext=(0.3, -0.45), size=10)
    ax.set_xlim(-10, 4)
    ax.set_ylim(-1.6, 1.6)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    ax.grid(False)
    ax.set_title(f"f(x, y) = (x² + 100 y²) / 2,  {steps} steps from the same start")
    ax.legend(loc="upper right", fontsize=9.5)

    for label, colour, path in runs:
        ax_f.semilogy(np.arange(steps + 1), _ravine(path), color=colour, lw=1.8)
    ax_f.set_xlabel("step $t$")
    ax_f.set_ylabel("$f(\\theta_t)$ (log scale)")
    ax_f.set_title("loss per step")
    fig.tight_layout()
    return fig


@figure("activation-derivatives.svg")
def activation_derivatives():
    """ReLU and its smooth successors (ELU, SiLU/Swish, GELU, Mish) on the left, with the
    negative minimum of the three non-monotonic ones marked; their derivatives on the
    right (all computed in closed form, the same formulas as the page)."""
    x = np.linspace(-4, 3, 351)
    s = sigmoid(x)
    Phi = 0.5 * (1.0 + np.vectorize(math.erf)(x / math.sqrt(2.0)))
    phi = np.exp(-x**2 / 2) / math.sqrt(2 * math.pi)
    t = np.tanh(softplus(x))
    # (label, f, f', colour, line style); ReLU's derivative is drawn in two pieces.
    curves = [
        ("ELU (α = 1)", elu(x), np.where(x > 0, 1.0, np.exp(np.minimum(x, 0.0))), SKY, "-"),
        ("SiLU / Swish", x * s, s * (1 + x * (1 - s)), GREEN, "--"),
        ("GELU", gelu(x), Phi + x * phi, BLUE, "-"),
        ("Mish", x * t, t + x * s * (1 - t**2), VERMILION, "-."),
    ]
    # Minima of the non-monotonic ones on a fine grid (step 1e-5), not the plotting grid.
    xf = np.linspace(-3, 0, 300001)
    minima = {}
    for label, f in (("SiLU / Swish", xf * sigmoid(xf)), ("GELU", gelu(xf)),
                     ("Mish", xf * np.tanh(softplus(xf)))):
        i = np.argmin(f)
        minima[label] = (xf[i], f[i])
    fig, (ax_f, ax_d) = plt.subplots(1, 2, figsize=(12, 4.8))
    for ax in (ax_f, ax_d):
        _zero_axes(ax)
        ax.set_xlim(-4, 3)
        ax.set_xlabel("$x$")

    ax_f.plot([-4, 0, 3], [0, 0, 3], color=GREY, lw=3, alpha=0.7, label="ReLU")
    for k, (label, f, _, c, ls) in enumerate(curves):
        if k == 0:
            label += ", = ReLU for x > 0"
        else:  # non-monotonic: mark the minimum (found on the grid) and give it in the legend
            xm, fm = minima[label]
            ax_f.plot([xm], [fm], "o", color=c, ms=6, zorder=5)
            label += f" (min {fm:.3f} at x = {xm:.2f})"
        ax_f.plot(x, f, color=c, ls=ls, label=label)
    ax_f.set_ylim(-1.1, 3.1)
    ax_f.set_title("function (dots: minimum below 0)")
    ax_f.legend(loc="upper left", fontsize=10)

    ax_d.plot([-4, 0, np.nan, 0, 3], [0, 0, np.nan, 1, 1], color=GREY, lw=3, alpha=0.7,
              label=f"ReLU{PRIME}")
    for label, _, df, c, ls in curves:
        ax_d.plot(x, df, color=c, ls=ls, label=f"{label.split(' (')[0]}{PRIME}")
    ax_d.axhline(1, color="#555555", lw=0.6, ls=":", zorder=1)
    ax_d.set_ylim(-0.25, 1.25)
    ax_d.set_yticks([0, 0.5, 1])
    ax_d.set_title("derivative (smooth ones dip below 0 and overshoot 1)")
    ax_d.legend(loc="upper left", fontsize=10)
    fig.tight_layout()
    return fig


# ----------------------------------------------------------------------------
# question 13: gradient descent

GD_CURVATURES = np.array([1.0, 10.0])  # L = (1*theta1^2 + 10*theta2^2) / 2, Hessian diag(1, 10)
GD_START = np.array([-4.5, 1.5])
GD_STEPS = 20


def gd_quadratic_path(eta, start=GD_START, curv=GD_CURVATURES, steps=GD_STEPS):
    """Iterates theta_{t+1} = theta_t - eta * grad L(theta_t) on L = sum(curv * theta^2) / 2,
    whose gradient is curv * theta. Returns the (steps+1, 2) path and the loss at each point."""
    path = [np.asarray(start, float)]
    for _ in range(steps):
        path.append(path[-1] - eta * curv * path[-1])
    path = np.array(path)
    return path, 0.5 * (curv * path ** 2).sum(axis=1)


@figure("gradient-descent-path.svg")
def gradient_descent_path():
    """Gradient descent on an elongated quadratic bowl (curvatures 1 and 10) from the same
    start, 20 steps each, for a small, a near-limit and a too-large learning rate
    (the stability limit is 2 / 10 = 0.2)."""
    g1, g2 = np.meshgrid(np.linspace(-5.5, 2.0, 151), np.linspace(-3.0, 3.0, 121))
    loss = 0.5 * (GD_CURVATURES[0] * g1 ** 2 + GD_CURVATURES[1] * g2 ** 2)
    levels = [0.25, 1, 2.5, 5, 10, 20, 35, 55]
    cases = [(0.02, BLUE, "small"), (0.18, GREEN, "large, still < 2/10"),
             (0.21, VERMILION, "too large, > 2/10")]
    fig, axes = plt.subplots(1, 3, figsize=(13, 4.6), sharey=True)
    for ax, (eta, colour, what) in zip(axes, cases):
        path, losses = gd_quadratic_path(eta)
        ax.contour(g1, g2, loss, levels=levels, colors=GREY, linewidths=0.8)
        ax.plot(path[:, 0], path[:, 1], "-o", color=colour, ms=3.5, lw=1.4)
        ax.plot([GD_START[0]], [GD_START[1]], "s", color=TEXT, ms=6)
        ax.plot([0], [0], "*", color=TEXT, ms=11)
        ax.set_xlim(-5.5, 2.0)
        ax.set_ylim(-3.0, 3.0)
        ax.set_aspect("equal")
        ax.grid(False)
        ax.set_xlabel("$\\theta_1$")
        ax.set_title(f"η = {eta} ({what})\nL: {losses[0]:.1f} → {losses[-1]:.3g} after {GD_STEPS} steps",
                     size=10.5)
    axes[0].set_ylabel("$\\theta_2$")
    axes[0].annotate("start", GD_START, xytext=(-5.2, 2.4), size=9, arrowprops=dict(
        arrowstyle="->", color=TEXT, lw=0.8))
    axes[0].annotate("minimum", (0, 0), xytext=(0.3, -2.3), size=9, arrowprops=dict(
        arrowstyle="->", color=TEXT, lw=0.8))
    fig.suptitle("gradient descent on $L(\\theta) = (\\theta_1^2 + 10\\,\\theta_2^2)/2$"
                 " (grey: contour lines of L)", size=11.5)
    fig.tight_layout()
    return fig


MB_N, MB_D, MB_BATCH, MB_LR, MB_STEPS, MB_FLIP = 1000, 5, 16, 0.1, 300, 0.1


def _logistic_loss(X, y, w, b):
    z = X @ w + b
    return np.mean(np.logaddexp(0.0, z) - y * z)  # binary cross-entropy, computed stably


def minibatch_sgd_run(seed=0):
    """Logistic regression on synthetic data with mini-batch SGD.
    Data: N = 1000 points in 5-D, x ~ N(0, I), label 1[w_true . x > 0], 10% of labels flipped.
    Mini-batches of 16 without replacement (reshuffled every epoch), learning rate 0.1,
    300 steps, starting at w = 0, b = 0. Returns the loss of each mini-batch at the moment
    it is used (before the step) and the full training-set loss before and after every step."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(MB_N, MB_D))
    w_true = rng.normal(size=MB_D)
    y = (X @ w_true > 0).astype(float)
    flip = rng.random(MB_N) < MB_FLIP
    y[flip] = 1.0 - y[flip]
    w, b = np.zeros(MB_D), 0.0
    batch_loss, full_loss = [], [_logistic_loss(X, y, w, b)]
    perm, pos = rng.permutation(MB_N), 0
    for _ in range(MB_STEPS):
        if pos + MB_BATCH > MB_N:
            perm, pos = rng.permutation(MB_N), 0
        idx = perm[pos:pos + MB_BATCH]
        pos += MB_BATCH
        Xb, yb = X[idx], y[idx]
        batch_loss.append(_logistic_loss(Xb, yb, w, b))
        err = 1.0 / (1.0 + np.exp(-(Xb @ w + b))) - yb  # dL/dz for each example
        w = w - MB_LR * Xb.T @ err / MB_BATCH
        b = b - MB_LR * err.mean()
        full_loss.append(_logistic_loss(X, y, w, b))
    return np.array(batch_loss), np.array(full_loss)


@figure("minibatch-loss.svg")
def minibatch_loss():
    """Per-mini-batch loss (noisy) against the full training-set loss during mini-batch SGD
    on a logistic regression; right: a zoom of the full-data loss, with the steps after
    which it went up marked."""
    batch_loss, full_loss = minibatch_sgd_run()
    steps = np.arange(MB_STEPS + 1)
    up = np.flatnonzero(np.diff(full_loss) > 0) + 1  # steps after which the full loss rose
    fig, (ax_l, ax_r) = plt.subplots(1, 2, figsize=(12.5, 4.6))
    ax_l.plot(steps[:-1], batch_loss, color=GREY, lw=0.9,
              label=f"loss of the mini-batch used at that step (B = {MB_BATCH})")
    ax_l.plot(steps, full_loss, color=BLUE, lw=2.2, label=f"loss on all {MB_N} training points")
    ax_l.set_xlim(0, MB_STEPS)
    ax_l.set_ylim(0.0, 1.2)  # room for the legend above the noisy curve
    ax_l.set_xlabel("step (one mini-batch update)")
    ax_l.set_ylabel("cross-entropy loss")
    ax_l.set_title(f"logistic regression, mini-batch SGD, learning rate {MB_LR}", size=11)
    ax_l.legend(loc="upper right", fontsize=9)

    lo, hi = 100, 200
    sel = (up >= lo) & (up <= hi)
    ax_r.plot(steps[lo:hi + 1], full_loss[lo:hi + 1], color=BLUE, lw=1.6,
              label="loss on all training points")
    ax_r.plot(up[sel], full_loss[up[sel]], "o", color=VERMILION, ms=4,
              label="steps after which it went up")
    ax_r.set_xlim(lo, hi)
    ax_r.set_xlabel("step")
    ax_r.set_ylabel("cross-entropy loss (all training points)")
    ax_r.set_title(f"zoom on steps {lo}–{hi}: the full training loss also rises "
                   f"({len(up)} of {MB_STEPS} steps)", size=10.5)
    ax_r.legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    return fig


def _constrained_minimum(boundary, w_star, H):
    """Minimizer of the quadratic loss 0.5 (w - w*)^T H (w - w*) over the points of
    `boundary` (w* lies outside the ball, so the constrained minimum is on its edge)."""
    d = boundary - w_star
    loss = 0.5 * np.einsum("ni,ij,nj->n", d, H, d)
    i = int(np.argmin(loss))
    return boundary[i], loss[i]


@figure("l1-l2-regularization.svg")
def l1_l2_regularization():
    """The same quadratic loss minimized inside an L2 ball (left) and an L1 ball (right)
    of radius 1. The lowest contour that touches the L2 disc touches it at a point with
    both weights non-zero; the one that touches the L1 diamond touches it at the corner
    (1, 0), so w2 is exactly 0: the geometric reason why L1 gives sparse weights."""
    H = np.array([[2.0, 0.5], [0.5, 1.0]])  # Hessian of the loss: elliptical contours
    w_star = np.array([1.7, 0.8])  # unregularized minimum
    # Dense parametrizations of the two unit spheres; the diamond includes its corners.
    theta = np.linspace(0.0, 2 * np.pi, 72000, endpoint=False)
    circle = np.stack([np.cos(theta), np.sin(theta)], axis=1)
    s = np.linspace(0.0, 1.0, 20001)
    diamond = np.concatenate([np.stack([1 - s, s], 1), np.stack([-s, 1 - s], 1),
                              np.stack([-(1 - s), -s], 1), np.stack([s, -(1 - s)], 1)])
    w_l2, loss_l2 = _constrained_minimum(circle, w_star, H)
    w_l1, loss_l1 = _constrained_minimum(diamond, w_star, H)
    # The figure is only honest if the computed solutions look as described.
    assert abs(w_l1[1]) < 1e-9 and abs(w_l1[0] - 1) < 1e-9, w_l1
    assert w_l2[0] > 0.5 and w_l2[1] > 0.2, w_l2

    g = np.linspace(-1.6, 2.6, 141)
    X, Y = np.meshgrid(g, g)
    DX, DY = X - w_star[0], Y - w_star[1]
    Z = 0.5 * (H[0, 0] * DX**2 + 2 * H[0, 1] * DX * DY + H[1, 1] * DY**2)

    # Drawn outlines: a few hundred points suffice (the dense ones are for the search).
    t_draw = np.linspace(0.0, 2 * np.pi, 361)
    circle_draw = np.stack([np.cos(t_draw), np.sin(t_draw)], axis=1)
    diamond_draw = np.array([[1, 0], [0, 1], [-1, 0], [0, -1], [1, 0]], dtype=float)

    fig, axes = plt.subplots(1, 2, figsize=(11, 5.2))
    panels = [
        (axes[0], circle_draw, w_l2, loss_l2, "L2: $w_1^2 + w_2^2 \\leq 1$",
         f"solution ({w_l2[0]:.2f}, {w_l2[1]:.2f}): both non-zero"),
        (axes[1], diamond_draw, w_l1, loss_l1, "L1: $|w_1| + |w_2| \\leq 1$",
         f"solution ({w_l1[0]:.0f}, {w_l1[1]:.0f}): $w_2$ is exactly 0"),
    ]
    for ax, edge, w_opt, loss_opt, title, note in panels:
        ax.fill(edge[:, 0], edge[:, 1], color=SKY, alpha=0.35, lw=0)
        ax.plot(edge[:, 0], edge[:, 1], color=BLUE, lw=1.8, label="allowed region (radius 1)")
        ax.contour(X, Y, Z, levels=[0.15, 0.5, 1.0, 1.8], colors=GREY,
                   linewidths=0.8)
        ax.contour(X, Y, Z, levels=[loss_opt], colors=VERMILION, linewidths=1.8)
        ax.plot([], [], color=GREY, lw=0.8, label="contours of the loss $L(w)$")
        ax.plot([], [], color=VERMILION, lw=1.8, label="lowest contour that touches it")
        ax.plot(*w_star, "o", color=TEXT, ms=6, label="unregularized minimum $w^*$")
        ax.plot(*w_opt, "o", color=VERMILION, ms=8, mec="white", mew=1.2,
                label="regularized solution")
        ax.axhline(0, color="#555555", lw=0.8, zorder=1)
        ax.axvline(0, color="#555555", lw=0.8, zorder=1)
        ax.set_xlim(-1.6, 2.6)
        ax.set_ylim(-1.6, 2.2)
        ax.set_xticks([-1, 0, 1, 2])
        ax.set_yticks([-1, 0, 1, 2])
        ax.set_aspect("equal")
        ax.set_xlabel("$w_1$")
        ax.set_ylabel("$w_2$")
        ax.set_title(f"{title}\n{note}", size=11)
        ax.legend(loc="lower right", fontsize=8.5)
    fig.tight_layout()
    return fig


@figure("scaling-gd.svg")
def scaling_gd():
    """Loss contours of a two-feature linear regression (no intercept, zero-mean data)
    in weight space, with 20 gradient-descent steps at lr = 1/lambda_max from w = 0:
    raw features (scales 1 and 5) against standardized features."""
    rng = np.random.default_rng(0)
    n, scale, steps = 200, 5.0, 20
    x1 = rng.normal(size=n)
    x2 = scale * rng.normal(size=n)
    y = 2 * x1 + 2 * x2 / scale + 0.5 * rng.normal(size=n)
    raw = np.column_stack([x1, x2])
    raw = raw - raw.mean(axis=0)  # zero mean: only the scales differ
    std = raw / raw.std(axis=0)
    y = y - y.mean()

    fig, axes = plt.subplots(1, 2, figsize=(12, 5.0))
    for ax, X, title in [(axes[0], raw, "raw features (scales 1 and 5)"),
                         (axes[1], std, "standardized features")]:
        H = X.T @ X / n
        eig = np.linalg.eigvalsh(H)
        lr = 1.0 / eig[-1]
        w_star = np.linalg.lstsq(X, y, rcond=None)[0]
        path = [np.zeros(2)]
        for _ in range(steps):
            w = path[-1]
            path.append(w - lr * X.T @ (X @ w - y) / n)
        path = np.array(path)
        # Equal-aspect window around the start (0, 0) and the optimum.
        lo = min(-0.3, w_star.min() - 0.6)
        hi = max(w_star.max() + 0.6, 0.3)
        g = np.linspace(lo, hi, 241)
        W1, W2 = np.meshgrid(g, g)
        Wf = np.stack([W1.ravel(), W2.ravel()], axis=1)
        gap = 0.5 * np.einsum("ij,jk,ik->i", Wf - w_star, H, Wf - w_star).reshape(W1.shape)
        levels = 0.5 * eig[0] * np.array([0.02, 0.1, 0.3, 0.6, 1.0, 1.6, 2.4, 3.4]) ** 2 * 4
        ax.contour(W1, W2, gap, levels=levels, colors=GREY, linewidths=0.9)
        ax.plot(path[:, 0], path[:, 1], "-o", color=VERMILION, ms=3.5, lw=1.4,
                label=f"gradient descent, {steps} steps")
        ax.plot(*w_star, "*", color=BLUE, ms=14, label="minimum $w^*$")
        ax.plot(0, 0, "s", color=TEXT, ms=6, label="start $w = 0$")
        k = np.argmax(np.linalg.norm(path - w_star, axis=1) < 1e-3 * np.linalg.norm(w_star))
        reached = f"within 0.1% of $w^*$ after {k} steps" if k > 0 else \
            f"after {steps} steps: {np.linalg.norm(path[-1] - w_star) / np.linalg.norm(w_star):.0%} of $\\|w^*\\|$ away"
        ax.set_title(f"{title}\ncondition number {eig[-1] / eig[0]:.1f}, lr = 1/λmax\n{reached}",
                     fontsize=11)
        ax.set_xlim(lo, hi)
        ax.set_ylim(lo, hi)
        ax.set_aspect("equal")
        ax.set_xlabel("$w_1$ (weight of feature 1)")
        ax.set_ylabel("$w_2$ (weight of feature 2)")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=3, fontsize=10)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    return fig


def generate(out: Path, names: list[str]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names:
        with plt.rc_context(STYLE):
            fig = FIGURES[name]()
            save(fig, out / name)
        written.append(out / name)
    return written


def check(out: Path, names: list[str]) -> list[str]:
    """Names whose file in `out` is missing or differs from a fresh drawing."""
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), names)
        stale = []
        for name in names:
            target = out / name
            if not target.is_file() or target.read_bytes() != (Path(tmp) / name).read_bytes():
                stale.append(name)
    return stale


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description="Draw every figure of the interview site from code, as deterministic "
                    "SVG files (white background, text kept as text). With --check, draw "
                    "them into a temporary directory instead and compare byte for byte "
                    "with the files in --out, writing nothing; exit 1 if any is missing "
                    "or differs.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"output directory (default: {DEFAULT_OUT.relative_to(ROOT)} "
                             "in the repository)")
    parser.add_argument("--check", action="store_true",
                        help="compare with the files in --out instead of writing")
    parser.add_argument("--only", metavar="NAME", choices=sorted(FIGURES),
                        help="only this figure (file name, e.g. sigmoid.svg)")
    args = parser.parse_args(argv)
    names = [args.only] if args.only else list(FIGURES)

    if args.check:
        stale = check(args.out, names)
        for name in stale:
            state = "missing" if not (args.out / name).is_file() else "differs"
            print(f"{name}: {state}")
        if stale:
            print(f"{len(stale)} figure(s) out of date; run scripts/figures.py", file=sys.stderr)
            return 1
        print(f"{len(names)} figure(s) up to date")
        return 0

    for path in generate(args.out, names):
        print(f"{path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
