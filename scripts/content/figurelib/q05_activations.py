"""Question 5 (activation functions): the functions and their derivatives.

The activation functions are defined here once and drawn by every figure of them."""
import math

import matplotlib.pyplot as plt
import numpy as np

from .style import BLUE, GREEN, GREY, PRIME, SKY, VERMILION, zero_axes


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
        zero_axes(ax)
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


def _function_and_derivative(f, df, lo, hi, name, dname, peak_text, ylim, dsym):
    """Plot f and f' with shaded saturation where f' < 0.01 and the peak of f'."""
    x = np.linspace(lo, hi, 321)
    y, dy = f(x), df(x)
    fig, ax = plt.subplots(figsize=(8, 4.6))
    zero_axes(ax)
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


def sigmoid_figure():
    """Sigmoid and its derivative on [-8, 8], saturated regions shaded, peak 0.25 at 0."""
    return _function_and_derivative(
        sigmoid, lambda x: sigmoid(x) * (1 - sigmoid(x)), -8, 8,
        "$\\sigma(x) = 1/(1+e^{-x})$", f"$\\sigma{PRIME}(x) = \\sigma(x)(1-\\sigma(x))$",
        f"max $\\sigma{PRIME}(0) = 0.25$", (-0.15, 1.15), f"$\\sigma{PRIME}$")


def tanh_figure():
    """tanh and its derivative on [-5, 5], saturated regions shaded, peak 1 at 0."""
    return _function_and_derivative(
        np.tanh, lambda x: 1 - np.tanh(x) ** 2, -5, 5,
        "$\\tanh(x)$", f"$\\tanh{PRIME}(x) = 1 - \\tanh^2(x)$",
        f"max $\\tanh{PRIME}(0) = 1$", (-1.3, 1.45), f"$\\tanh{PRIME}$")


def relu_figure():
    """ReLU and Leaky ReLU (dashed) on the left, their derivatives on the right;
    ReLU's derivative is a step, undefined at 0."""
    x = np.array([-4.0, 0.0, 4.0])  # piecewise linear: the kinks are all we need
    # Two panels, because for x < 0 ReLU and its derivative are both 0 and would hide each other.
    fig, (ax_f, ax_d) = plt.subplots(1, 2, figsize=(11, 4.4))
    for ax in (ax_f, ax_d):
        zero_axes(ax)
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
        zero_axes(ax)
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


FIGURES = {
    "activation-functions.svg": activation_functions,
    "sigmoid.svg": sigmoid_figure,
    "tanh.svg": tanh_figure,
    "relu.svg": relu_figure,
    "activation-derivatives.svg": activation_derivatives,
}
