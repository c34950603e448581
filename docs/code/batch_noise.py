# How noisy is a mini-batch gradient? Variance of the mini-batch gradient for
# batch sizes 1, 4, 16, 64, 256 on one fixed linear-regression problem.
#   data:   N = 4096 examples, d = 10 features, y = X w_true + noise (seed 0)
#   loss:   l_i(theta) = 0.5 * (x_i . theta - y_i)^2, gradient evaluated at theta = 0
#   batch:  B indices drawn uniformly with replacement, 4000 batches per size
# Theory: E[g_B] = full gradient, E||g_B - full||^2 = tr(Sigma) / B, where Sigma is
# the covariance of the per-example gradients. Numpy only, under a second.
# Run: python docs/code/batch_noise.py
import numpy as np

N, D = 4096, 10
BATCH_SIZES = (1, 4, 16, 64, 256)
REPEATS = 4000


def make_problem(seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(N, D))
    w_true = rng.normal(size=D)
    y = X @ w_true + 0.5 * rng.normal(size=N)
    return X, y


def per_example_gradients(X, y, theta):
    """Row i is the gradient of 0.5 * (x_i . theta - y_i)^2 with respect to theta."""
    residual = X @ theta - y
    return residual[:, None] * X


def batch_gradient_stats(G, B, repeats, rng):
    """Draw `repeats` mini-batches of size B (with replacement); return the mean
    squared distance of their gradients from the full gradient, and the distance
    of their average from the full gradient (a check that g_B is unbiased)."""
    full = G.mean(axis=0)
    idx = rng.integers(0, len(G), size=(repeats, B))
    g = G[idx].mean(axis=1)  # one mini-batch gradient per row
    variance = np.mean(np.sum((g - full) ** 2, axis=1))
    bias = np.linalg.norm(g.mean(axis=0) - full)
    return variance, bias


def main():
    X, y = make_problem()
    theta = np.zeros(D)
    G = per_example_gradients(X, y, theta)
    full = G.mean(axis=0)
    trace_sigma = np.mean(np.sum((G - full) ** 2, axis=1))  # tr(Sigma)
    rng = np.random.default_rng(1)
    print(f"|full gradient| = {np.linalg.norm(full):.3f}, tr(Sigma) = {trace_sigma:.2f}")
    print(f"{'B':>4} {'measured var':>13} {'tr(Sigma)/B':>12} {'B * var':>9}"
          f" {'|mean - full|':>14} {'sqrt(var/R)':>12}")
    for B in BATCH_SIZES:
        var, bias = batch_gradient_stats(G, B, REPEATS, rng)
        # |mean - full| should be of the order of the standard error sqrt(var / REPEATS).
        print(f"{B:>4} {var:>13.4f} {trace_sigma / B:>12.4f} {B * var:>9.2f}"
              f" {bias:>14.4f} {np.sqrt(var / REPEATS):>12.4f}")


if __name__ == "__main__":
    main()
