"""Question 6 (overfitting): dropout, early stopping, label smoothing, noise injection."""
import matplotlib.pyplot as plt
import numpy as np

from .style import BLUE, GREY, SKY, TEXT, VERMILION


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


FIGURES = {
    "dropout.svg": dropout_figure,
    "early-stopping.svg": early_stopping,
    "label-smoothing.svg": label_smoothing,
    "noise-injection.svg": noise_injection,
}
