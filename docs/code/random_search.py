# Grid search vs random search with the same budget (Bergstra & Bengio, 2012).
# A synthetic "validation loss" of two hyperparameters, only one of which matters:
#   u = log10(learning rate), searched in [-5, -1]   (important)
#   v = dropout rate,         searched in [0, 0.5]   (almost no effect)
# Numpy only, no training: the point is where the trials land, not the model.
# Run: python docs/code/random_search.py
import numpy as np

U_RANGE = (-5.0, -1.0)
V_RANGE = (0.0, 0.5)
U_BEST = -2.6  # the best learning rate is 10**-2.6, about 2.5e-3


def val_loss(u, v, u_best=U_BEST):
    """A bowl in u; v changes the loss by at most 0.0009 (0.01 * 0.3**2, at v = 0)."""
    return 0.1 + 0.2 * (u - u_best) ** 2 + 0.01 * (v - 0.3) ** 2


def grid_trials(n_per_axis=3):
    """Every combination of n_per_axis evenly spaced values per hyperparameter."""
    uu, vv = np.meshgrid(np.linspace(*U_RANGE, n_per_axis), np.linspace(*V_RANGE, n_per_axis))
    return uu.ravel(), vv.ravel()


def random_trials(n, rng):
    """n independent draws; the learning rate is uniform on the log scale."""
    return rng.uniform(*U_RANGE, n), rng.uniform(*V_RANGE, n)


def best_trial(u, v, u_best=U_BEST):
    """(loss, u, v) of the trial with the lowest validation loss."""
    losses = val_loss(u, v, u_best)
    i = int(np.argmin(losses))
    return losses[i], u[i], v[i]


def compare(repeats=1000, budget=9, seed=1):
    """Share of repeats in which random search beats the grid, on problems whose
    best learning rate is itself drawn at random (log-uniform in U_RANGE)."""
    rng = np.random.default_rng(seed)
    gu, gv = grid_trials(int(round(budget ** 0.5)))
    wins = 0
    for _ in range(repeats):
        u_best = rng.uniform(*U_RANGE)
        ru, rv = random_trials(budget, rng)
        wins += best_trial(ru, rv, u_best)[0] < best_trial(gu, gv, u_best)[0]
    return wins / repeats


if __name__ == "__main__":
    budget = 9
    searches = {"grid  ": grid_trials(3), "random": random_trials(budget, np.random.default_rng(0))}
    for name, (u, v) in searches.items():
        loss, bu, bv = best_trial(u, v)
        print(f"{name}: {len(u)} trials, {len(np.unique(u))} distinct learning rates, "
              f"best lr {10 ** bu:.1e} (dropout {bv:.2f}), val loss {loss:.4f}")
    print(f"optimum: lr {10 ** U_BEST:.1e}, val loss {val_loss(U_BEST, 0.3):.4f}")
    print(f"random beats grid in {compare(budget=budget):.1%} of 1000 random problems")
