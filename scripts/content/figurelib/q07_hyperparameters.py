"""Question 7 (hyperparameters): grid against random search."""
import matplotlib.pyplot as plt
import numpy as np

from .style import BLUE, GREY, TEXT, VERMILION


def grid_vs_random_search():
    """Bergstra & Bengio (2012), Figure 1, with real numbers: nine trials of grid
    search and of random search on a loss that depends on the learning rate only.
    Top: the loss along the important hyperparameter; right: along the other one."""
    u_lo, u_hi, v_lo, v_hi, u_best = -5.0, -1.0, 0.0, 0.5, -2.6

    def loss(u, v):  # = random_search.val_loss
        return 0.1 + 0.2 * (u - u_best) ** 2 + 0.01 * (v - 0.3) ** 2

    gu, gv = (a.ravel() for a in np.meshgrid(np.linspace(u_lo, u_hi, 3), np.linspace(v_lo, v_hi, 3)))
    rng = np.random.default_rng(0)  # = random_search.random_trials(9, default_rng(0))
    ru, rv = rng.uniform(u_lo, u_hi, 9), rng.uniform(v_lo, v_hi, 9)

    fig = plt.figure(figsize=(11, 5.4))
    gs = fig.add_gridspec(2, 5, width_ratios=[4, 1, 0.55, 4, 1], height_ratios=[1.3, 3],
                          hspace=0.08, wspace=0.08)
    uu = np.linspace(u_lo, u_hi, 200)
    vv = np.linspace(v_lo, v_hi, 50)
    ytop = loss(u_lo, 0.3) * 1.08
    panels = [(0, "grid search", gu, gv, VERMILION), (3, "random search", ru, rv, BLUE)]
    for col, name, u, v, c in panels:
        main = fig.add_subplot(gs[1, col])
        top = fig.add_subplot(gs[0, col], sharex=main)
        side = fig.add_subplot(gs[1, col + 1], sharey=main)
        i = int(np.argmin(loss(u, v)))
        # main: where the nine trials land
        main.scatter(u, v, s=55, color=c, zorder=3)
        main.scatter([u[i]], [v[i]], s=170, facecolors="none", edgecolors=TEXT, lw=1.6, zorder=4)
        main.axvline(u_best, color=GREY, ls="--", lw=1.2, zorder=1)
        main.set_xlim(u_lo - 0.2, u_hi + 0.2)
        main.set_ylim(v_lo - 0.03, v_hi + 0.03)
        main.set_xticks([-5, -4, -3, -2, -1], ["1e-5", "1e-4", "1e-3", "1e-2", "1e-1"])
        main.set_xlabel("learning rate (important, log scale)")
        main.set_ylabel("dropout rate (unimportant)")
        # top: the loss along the learning rate, and the values actually tried
        top.plot(uu, loss(uu, 0.3), color=GREY, lw=1.5)
        top.scatter(u, loss(u, v), s=30, color=c, zorder=3)
        for x in np.unique(u):
            top.axvline(x, color=c, lw=0.8, alpha=0.5, zorder=1)
        top.axvline(u_best, color=GREY, ls="--", lw=1.2)
        top.set_ylim(0, ytop)
        top.set_ylabel("val. loss")
        top.tick_params(labelbottom=False)
        top.set_title(f"{name}: {len(np.unique(u))} distinct learning rates, "
                      f"best loss {loss(u[i], v[i]):.3f}", size=11)
        # side: the loss along the dropout rate, at the best learning rate (flat)
        side.plot(loss(u_best, vv), vv, color=GREY, lw=1.5)
        side.set_xlim(0, ytop)
        side.set_xlabel("val. loss")
        side.tick_params(labelleft=False)
        side.set_xticks([0, 1])
        side.text(0.55 * ytop, (v_lo + v_hi) / 2, "almost flat", rotation=90, ha="center",
                  va="center", size=10, color="#333333")
    fig.text(0.5, -0.04, "validation loss = 0.1 + 0.2 (log10 lr + 2.6)² + 0.01 (dropout − 0.3)²;"
             " 9 trials each; circled: best trial; dashed: optimum",
             ha="center", size=10, color="#333333")
    return fig


FIGURES = {
    "grid-vs-random-search.svg": grid_vs_random_search,
}
