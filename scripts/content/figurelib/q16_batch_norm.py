"""Question 16 (batch normalization): what it does to a batch."""
import matplotlib.pyplot as plt
import numpy as np

from .style import BLUE, GREEN, TEXT, VERMILION


def batch_normalization(phone=False):
    """Histograms of three units' pre-activations in one mini-batch, before and
    after batch normalization (gamma = 1, beta = 0). On a phone the panels are
    stacked, each legend under its panel."""
    rng = np.random.default_rng(0)
    batch, eps = 256, 1e-5
    params = [(4, 2), (-3, 0.5), (0.5, 5)]
    X = np.column_stack([rng.normal(m, s, batch) for m, s in params])
    mu, var = X.mean(0), X.var(0)  # batch statistics, biased variance as in BN
    X_hat = (X - mu) / np.sqrt(var + eps)

    colors = [BLUE, VERMILION, GREEN]
    styles = ["-", "--", ":"]
    fig, axes = plt.subplots(*((2, 1) if phone else (1, 2)), figsize=(3.2, 8.4) if phone else (12, 4.6))
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
    axes[0].set_title("before: pre-activations $x$" + ("\n" if phone else " ") + "(batch of 256)")
    # A plain "√" character: mathtext's \sqrt bar is drawn apart from the glyph and
    # drifts when the browser, not matplotlib, lays out the text.
    axes[1].set_title("after: $\\hat{x} = (x - \\mu_B)\\,/\\,$√$(\\sigma_B^2 + \\epsilon)$,"
                      + ("\n" if phone else "  ") + "$\\gamma$ = 1, $\\beta$ = 0")
    axes[0].set_xlim(-16, 16)
    axes[1].set_xlim(-4, 4)
    axes[1].set_ylim(0, 0.62)
    for ax in axes:
        ax.set_xlabel("activation value")
        ax.set_ylabel("density")
        if phone:
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), fontsize=11)
        else:
            ax.legend(loc="upper left", fontsize=9)
    axes[0].set_ylim(0, 1.05)
    fig.tight_layout()
    return fig


FIGURES = {
    "batch-normalization.svg": batch_normalization,
}
