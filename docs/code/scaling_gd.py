# Gradient descent on linear regression: raw features vs standardized features.
# Data: n = 200 points, seed 0. x1 ~ mean + N(0, 1), x2 ~ scale * N(0, 1),
# y = 3 + 2*(x1 - mean) + 2*x2/scale + N(0, 0.5^2): both features matter equally.
# Model y_hat = w0 + w1*x1 + w2*x2, loss J(w) = ||Xw - y||^2 / (2n), Hessian H = X^T X / n.
# Gradient descent is stable only for lr < 2 / lambda_max(H);
# both runs use lr = 1 / lambda_max(H) of their own H.
# Stop when the loss gap J(w) - J(w*) is at most tol times its value at w = 0.
# Run: python docs/code/scaling_gd.py
import math

import numpy as np


def make_data(scale, mean=0.0, n=200, seed=0):
    rng = np.random.default_rng(seed)
    x1 = mean + rng.normal(size=n)
    x2 = scale * rng.normal(size=n)
    y = 3 + 2 * (x1 - mean) + 2 * x2 / scale + 0.5 * rng.normal(size=n)
    return np.column_stack([x1, x2]), y


def standardize(F):
    """z = (x - mu) / sigma per column; mu and sigma would come from the training set."""
    return (F - F.mean(axis=0)) / F.std(axis=0)


def design(F):
    return np.column_stack([np.ones(len(F)), F])  # intercept column first


def condition_number(F):
    X = design(F)
    eig = np.linalg.eigvalsh(X.T @ X / len(X))  # eigenvalues of the Hessian, ascending
    return eig[-1] / eig[0]


def gd_iterations(F, y, tol=1e-6, max_iter=100_000):
    """Full-batch gradient descent steps until the loss gap <= tol * initial gap."""
    X, n = design(F), len(y)
    lr = 1.0 / np.linalg.eigvalsh(X.T @ X / n)[-1]
    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    best = np.sum((X @ w_star - y) ** 2) / (2 * n)
    w = np.zeros(X.shape[1])
    gap0 = np.sum(y ** 2) / (2 * n) - best  # the gap at w = 0
    for k in range(max_iter + 1):
        r = X @ w - y
        if r @ r / (2 * n) - best <= tol * gap0:
            return k
        w -= lr * (X.T @ r) / n  # the gradient of J is X^T (Xw - y) / n
    return None  # not reached within max_iter


def bound(kappa, tol=1e-6):
    """Steps that suffice: with lr = 1/lambda_max each step multiplies the gap
    by at most (1 - 1/kappa)^2."""
    return 0 if kappa == 1 else math.ceil(math.log(tol) / (2 * math.log1p(-1 / kappa)))


if __name__ == "__main__":
    max_iter = 100_000
    print(f"{'scale':>5} {'mean':>4} | {'cond raw':>9} {'iters raw':>10} {'bound':>9}"
          f" | {'cond std':>8} {'iters std':>9}")
    for scale, mean in [(1, 0), (10, 0), (100, 0), (1000, 0), (1, 5)]:
        F, y = make_data(scale, mean)
        Z = standardize(F)
        k_raw = gd_iterations(F, y, max_iter=max_iter)
        k_std = gd_iterations(Z, y, max_iter=max_iter)
        raw = f">{max_iter}" if k_raw is None else str(k_raw)
        c_raw, c_std = condition_number(F), condition_number(Z)
        print(f"{scale:>5} {mean:>4} | {c_raw:9.3g} {raw:>10} {bound(c_raw):>9}"
              f" | {c_std:8.3g} {k_std:>9}")
