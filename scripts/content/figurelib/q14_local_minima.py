"""Question 14 (local minima): a saddle point."""
import matplotlib.pyplot as plt
import numpy as np

from .style import BLUE, GREEN, TEXT, VERMILION, box


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


FIGURES = {
    "saddle-point.svg": saddle_point,
}
