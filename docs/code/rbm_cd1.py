# A restricted Boltzmann machine (binary visible and hidden units) trained with
# contrastive divergence CD-1, written with numpy only.
# Data: 6-pixel binary patterns, generated here (nothing is downloaded): three
# prototypes, each pixel flipped with probability 0.05, 300 samples.
# The model is tiny (6 visible + 3 hidden units = 2**9 = 512 joint states), so the
# partition function Z, and with it the exact log-likelihood, is computed by brute
# force: summing exp(-E(v, h)) over every (v, h). That is what is intractable for
# real models, and why they are trained with CD or PCD instead.
# Run: python docs/code/rbm_cd1.py  (the last line printed is the exact mean
# log-likelihood of the training data after training)
import itertools

import numpy as np

PROTOTYPES = np.array([[1, 1, 1, 0, 0, 0],
                       [0, 0, 0, 1, 1, 1],
                       [1, 0, 1, 0, 1, 0]], dtype=float)


def make_data(n=300, flip=0.05, seed=0):
    rng = np.random.default_rng(seed)
    v = PROTOTYPES[rng.integers(0, len(PROTOTYPES), n)]
    return np.abs(v - (rng.random(v.shape) < flip))  # flip each pixel with probability `flip`


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def energy(v, h, a, b, W):
    """E(v, h) = -a.v - b.h - v W h, for rows of v and h."""
    return -v @ a - h @ b - np.sum((v @ W) * h, axis=1)


def exact_log_likelihood(V, a, b, W):
    """Mean log p(v) over the rows of V, with Z summed over all 2**(n_v + n_h) states."""
    n_v, n_h = W.shape
    vs = np.array(list(itertools.product([0, 1], repeat=n_v)), dtype=float)
    hs = np.array(list(itertools.product([0, 1], repeat=n_h)), dtype=float)
    pairs_v, pairs_h = np.repeat(vs, len(hs), axis=0), np.tile(hs, (len(vs), 1))
    neg_E = -energy(pairs_v, pairs_h, a, b, W).reshape(len(vs), len(hs))
    log_Z = np.logaddexp.reduce(neg_E.ravel())
    log_unnorm_p_v = np.logaddexp.reduce(neg_E, axis=1)  # log sum_h exp(-E(v, h)), one per v
    index = (V @ (2 ** np.arange(n_v - 1, -1, -1))).astype(int)  # row of each v in `vs`
    return np.mean(log_unnorm_p_v[index]) - log_Z


def cd1_step(v0, a, b, W, lr, rng):
    """One CD-1 update on a mini-batch v0; returns the reconstruction error."""
    ph0 = sigmoid(b + v0 @ W)                       # p(h=1 | v0), data phase
    h0 = (rng.random(ph0.shape) < ph0).astype(float)
    pv1 = sigmoid(a + h0 @ W.T)                     # p(v=1 | h0)
    v1 = (rng.random(pv1.shape) < pv1).astype(float)
    ph1 = sigmoid(b + v1 @ W)                       # p(h=1 | v1), "model" phase
    n = len(v0)
    W += lr * (v0.T @ ph0 - v1.T @ ph1) / n         # <v h>_data - <v h>_1 step
    a += lr * np.mean(v0 - v1, axis=0)
    b += lr * np.mean(ph0 - ph1, axis=0)
    return np.mean((v0 - pv1) ** 2)


def init_params(n_visible, n_hidden, rng):
    return np.zeros(n_visible), np.zeros(n_hidden), rng.normal(0, 0.01, (n_visible, n_hidden))


def train(V, a, b, W, epochs=100, batch_size=20, lr=0.2, rng=None):
    """CD-1 on V, updating a, b, W in place; returns [(epoch, reconstruction error)]."""
    rng = rng if rng is not None else np.random.default_rng(0)
    history = []
    for epoch in range(1, epochs + 1):
        order = rng.permutation(len(V))
        errors = [cd1_step(V[order[i:i + batch_size]], a, b, W, lr, rng)
                  for i in range(0, len(V), batch_size)]
        history.append((epoch, np.mean(errors)))
    return history


def true_log_likelihood(V, flip=0.05):
    """Mean log p(v) under the distribution make_data samples from, for comparison."""
    agree = V[:, None, :] == PROTOTYPES[None, :, :]  # (sample, prototype, pixel)
    p = np.mean(np.prod(np.where(agree, 1 - flip, flip), axis=2), axis=1)
    return np.mean(np.log(p))


if __name__ == "__main__":
    V = make_data()
    rng = np.random.default_rng(0)
    a, b, W = init_params(6, 3, rng)
    print(f"exact log-likelihood before training: {exact_log_likelihood(V, a, b, W):.3f}"
          f"  (uniform over 2^6 patterns: {-6 * np.log(2):.3f})")
    for epoch, err in train(V, a, b, W, rng=rng):
        if epoch in (1, 5, 10, 20, 50, 100):
            print(f"epoch {epoch:3d}  reconstruction error {err:.4f}")
    print(f"distribution the data was sampled from: {true_log_likelihood(V):.3f}")
    print(f"exact log-likelihood after training: {exact_log_likelihood(V, a, b, W):.3f}")
