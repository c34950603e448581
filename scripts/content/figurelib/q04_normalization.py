"""Question 4 (data normalization): feature scales, and what they do to gradient descent."""
import matplotlib.pyplot as plt
import numpy as np

from .style import BLUE, GREY, TEXT, VERMILION


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


FIGURES = {
    "normalization.svg": normalization,
    "scaling-gd.svg": scaling_gd,
}
