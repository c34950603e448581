# Why the data used to choose a model cannot also grade it.
# Every label below is random and independent of the features, so no model can do
# better than 50% accuracy on new data. Yet:
#   1. a lookup table (1-nearest neighbour) scores 100% on its own training data;
#   2. the best of 200 models chosen on a small validation set looks far better than
#      50%, while a fresh test set shows chance;
#   3. the best cross-validation score among many candidates is optimistic too, and
#      nested cross-validation is not;
#   4. choosing features on all the data before cross-validation leaks the held-out
#      folds into training; doing it inside a Pipeline does not.
# numpy + scikit-learn, generated data only, fixed seeds, a few seconds.
# Run: python docs/code/selection_bias.py
import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline

N_FEATURES = 50  # features per point
K = 5  # each candidate model uses K randomly chosen features


def noise_data(n, rng, d=N_FEATURES):
    """n points with d standard normal features and random labels that do not depend
    on them. Both classes are equally frequent, so chance accuracy is 50%."""
    X = rng.standard_normal((n, d))
    y = rng.permutation(np.arange(n) % 2)  # half 0, half 1, in random order
    return X, y


def fit_predict(X_fit, y_fit, X_eval):
    """Least-squares linear classifier: fit w to targets -1/+1, predict sign(x.w + b)."""
    A = np.c_[X_fit, np.ones(len(X_fit))]
    w = np.linalg.solve(A.T @ A, A.T @ (2.0 * y_fit - 1.0))  # normal equations
    return (np.c_[X_eval, np.ones(len(X_eval))] @ w > 0).astype(int)


def accuracy(cols, X_fit, y_fit, X_eval, y_eval):
    """Fit a candidate (a set of feature columns) and return its accuracy on X_eval."""
    return np.mean(fit_predict(X_fit[:, cols], y_fit, X_eval[:, cols]) == y_eval)


def memorization(rng, n_train=200, n_test=10_000):
    """Training and test accuracy of 1-nearest neighbour, a pure lookup table."""
    X_tr, y_tr = noise_data(n_train, rng)
    X_te, y_te = noise_data(n_test, rng)
    knn = KNeighborsClassifier(n_neighbors=1, algorithm="brute").fit(X_tr, y_tr)
    return knn.score(X_tr, y_tr), knn.score(X_te, y_te)


def select_on_validation(rng, n_models=200, n_train=100, n_val=50, n_test=10_000):
    """Train n_models candidates (each on K random features), keep the one with the best
    validation accuracy. Returns (its validation accuracy, its test accuracy)."""
    X_tr, y_tr = noise_data(n_train, rng)
    X_va, y_va = noise_data(n_val, rng)
    X_te, y_te = noise_data(n_test, rng)
    candidates = [rng.choice(N_FEATURES, K, replace=False) for _ in range(n_models)]
    val = [accuracy(c, X_tr, y_tr, X_va, y_va) for c in candidates]
    best = candidates[int(np.argmax(val))]
    return max(val), accuracy(best, X_tr, y_tr, X_te, y_te)


def cv_folds(y, seed, k=5):
    """k stratified folds as a list of (training indices, held-out indices)."""
    return list(StratifiedKFold(k, shuffle=True, random_state=seed).split(np.zeros(len(y)), y))


def cv_score(cols, X, y, folds):
    """Cross-validation accuracy of one candidate: mean over the held-out folds."""
    return np.mean([accuracy(cols, X[tr], y[tr], X[te], y[te]) for tr, te in folds])


def best_by_cv(candidates, X, y, seed):
    """Model selection by 5-fold CV: the candidate with the highest CV score, and that score."""
    folds = cv_folds(y, seed)
    scores = [cv_score(c, X, y, folds) for c in candidates]
    i = int(np.argmax(scores))
    return candidates[i], scores[i]


def nested_cv(candidates, X, y, seed):
    """Outer 5-fold CV around the whole selection procedure: in every outer fold the
    selection (with its own inner CV) sees only the outer training part, and the outer
    held-out fold, never used to choose, grades the chosen candidate."""
    accs = []
    for tr, te in cv_folds(y, seed + 1000):
        chosen, _ = best_by_cv(candidates, X[tr], y[tr], seed)
        accs.append(accuracy(chosen, X[tr], y[tr], X[te], y[te]))
    return np.mean(accs)


def screening_leak(seed, n=50, d=2000, k=20):
    """5-fold CV accuracy of 1-NN on the k features that best separate the two classes
    (largest ANOVA F statistic), screened (a) once on all n points before CV, which
    looks at the labels of the held-out folds, or (b) inside each training fold."""
    X, y = noise_data(n, np.random.default_rng(seed), d)
    folds = StratifiedKFold(5, shuffle=True, random_state=seed)
    knn = KNeighborsClassifier(n_neighbors=1, algorithm="brute")
    X_screened = SelectKBest(f_classif, k=k).fit_transform(X, y)  # sees every label
    wrong = cross_val_score(knn, X_screened, y, cv=folds).mean()
    pipe = make_pipeline(SelectKBest(f_classif, k=k), knn)  # refitted on each training fold
    right = cross_val_score(pipe, X, y, cv=folds).mean()
    return wrong, right


def main():
    rng = np.random.default_rng(0)
    print("labels are random: no model can beat 50% on new data")
    train_acc, test_acc = memorization(rng)
    print(f"1. lookup table (1-NN), 200 training points: train acc {train_acc:.3f}, "
          f"test acc {test_acc:.3f}")

    val, test = np.array([select_on_validation(rng) for _ in range(20)]).T
    print("2. best of 200 candidates chosen on 50 validation points (20 repetitions)")
    print(f"   best validation acc: mean {val.mean():.3f} "
          f"(min {val.min():.3f}, max {val.max():.3f})")
    print(f"   same models on 10,000 fresh test points: mean {test.mean():.3f}")

    best_cv, nested = [], []
    for seed in range(20):
        X, y = noise_data(100, rng)
        candidates = [rng.choice(N_FEATURES, K, replace=False) for _ in range(50)]
        best_cv.append(best_by_cv(candidates, X, y, seed)[1])
        nested.append(nested_cv(candidates, X, y, seed))
    print("3. best of 50 candidates by 5-fold CV on 100 points (20 data sets)")
    print(f"   best CV score (mean): {np.mean(best_cv):.3f}")
    print(f"   nested CV score (mean): {np.mean(nested):.3f}")

    wrong, right = np.array([screening_leak(seed) for seed in range(10)]).T
    print("4. pick 20 of 2,000 features, then 1-NN, 50 points, 5-fold CV (10 data sets)")
    print(f"   features picked on all data before CV (mean): {wrong.mean():.3f}")
    print(f"   features picked inside a Pipeline (mean):     {right.mean():.3f}")


if __name__ == "__main__":
    main()
