"""Question 9 (Boltzmann machine): the network's graph."""
import matplotlib.pyplot as plt
import numpy as np

from .style import SKY, TEXT, VERMILION


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


FIGURES = {
    "boltzmann-machine.svg": boltzmann_machine,
}
