"""Question 15 (train/validation/test, regularization): L1 against L2."""
import matplotlib.pyplot as plt
import numpy as np

from .style import BLUE, GREY, SKY, TEXT, VERMILION


def _constrained_minimum(boundary, w_star, H):
    """Minimizer of the quadratic loss 0.5 (w - w*)^T H (w - w*) over the points of
    `boundary` (w* lies outside the ball, so the constrained minimum is on its edge)."""
    d = boundary - w_star
    loss = 0.5 * np.einsum("ni,ij,nj->n", d, H, d)
    i = int(np.argmin(loss))
    return boundary[i], loss[i]


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


FIGURES = {
    "l1-l2-regularization.svg": l1_l2_regularization,
}
