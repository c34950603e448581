# Nearest-prototype few-shot classification (the decision rule of Prototypical
# Networks, without training a network) on scikit-learn's digits: no downloads.
# Digits 0-4 are the "base" classes an embedding may be fitted on; the episodes
# use only digits 5-9, which no embedding has seen.
# Run: python docs/code/prototypes.py
import numpy as np
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA
from sklearn.neighbors import NeighborhoodComponentsAnalysis

BASE, NOVEL = (0, 1, 2, 3, 4), (5, 6, 7, 8, 9)


def sample_episode(X, y, classes, n_way, k_shot, n_query, rng):
    """One N-way K-shot episode: support and query sets, labels renamed 0..N-1."""
    chosen = rng.choice(classes, size=n_way, replace=False)
    support, query = [], []
    for c in chosen:
        idx = rng.permutation(np.flatnonzero(y == c))
        support.append(idx[:k_shot])
        query.append(idx[k_shot:k_shot + n_query])
    y_query = np.repeat(np.arange(n_way), n_query)
    return X[np.concatenate(support)], X[np.concatenate(query)], y_query


def prototypes(z_support, n_way, k_shot):
    """c_k: the mean embedding of the K support examples of class k."""
    return z_support.reshape(n_way, k_shot, -1).mean(axis=1)


def classify(z_query, protos):
    """Nearest prototype in squared Euclidean distance (= argmax of the softmax over -d)."""
    d = ((z_query[:, None, :] - protos[None, :, :]) ** 2).sum(axis=2)
    return d.argmin(axis=1)


def episode_accuracy(X, y, embed, k_shot, n_way=5, n_query=15, episodes=200, seed=0):
    """Mean query accuracy over random episodes on NOVEL, with a 95% interval."""
    rng = np.random.default_rng(seed)  # same seed: every embedding sees the same episodes
    accs = []
    for _ in range(episodes):
        xs, xq, yq = sample_episode(X, y, NOVEL, n_way, k_shot, n_query, rng)
        pred = classify(embed(xq), prototypes(embed(xs), n_way, k_shot))
        accs.append(np.mean(pred == yq))
    accs = np.array(accs)
    return accs.mean(), 1.96 * accs.std(ddof=1) / np.sqrt(episodes)


def embeddings(X, y, dims=16):
    """Raw pixels, and two 16-dim embeddings fitted on the base classes only."""
    base = np.isin(y, BASE)
    pca = PCA(n_components=dims, random_state=0).fit(X[base])  # no labels
    nca = NeighborhoodComponentsAnalysis(n_components=dims, random_state=0)
    nca.fit(X[base], y[base])  # a metric learned from the base-class labels
    return {
        "raw pixels (64 dims)": lambda Z: Z,
        f"PCA on digits 0-4 ({dims} dims)": pca.transform,
        f"NCA on digits 0-4 ({dims} dims)": nca.transform,
    }


if __name__ == "__main__":
    X, y = load_digits(return_X_y=True)  # 1,797 images of 8x8 pixels, values 0..16
    X = X / 16.0
    print("5-way episodes on digits 5-9, 15 queries per class, 200 episodes, seed 0")
    print(f"{'embedding':32s}{'1-shot':>16s}{'5-shot':>16s}")
    for name, embed in embeddings(X, y).items():
        cells = [episode_accuracy(X, y, embed, k) for k in (1, 5)]
        print(f"{name:32s}" + "".join(f"   {m:.3f} ± {h:.3f}" for m, h in cells))
    print("chance: 0.200")
