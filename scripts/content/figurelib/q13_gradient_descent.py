"""Question 13 (gradient descent): step size on a quadratic, mini-batch noise."""
import matplotlib.pyplot as plt
import numpy as np

from .style import BLUE, GREEN, GREY, TEXT, VERMILION


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


FIGURES = {
    "gradient-descent-path.svg": gradient_descent_path,
    "minibatch-loss.svg": minibatch_loss,
}
