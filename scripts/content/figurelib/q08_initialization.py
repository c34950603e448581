"""Question 8 (weight initialization): activation scale through depth."""
import matplotlib.pyplot as plt
import numpy as np

from .style import BLUE, GREEN, VERMILION


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


FIGURES = {
    "init-activations.svg": init_activations,
}
