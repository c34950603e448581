"""Question 12 (ReLU against sigmoid): a curve from ReLU pieces."""
import matplotlib.pyplot as plt
import numpy as np

from .style import BLUE, GREY, TEXT, VERMILION


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


FIGURES = {
    "relu-pieces.svg": relu_pieces,
}
