# A two-layer MLP (ReLU hidden layer, softmax output) that classifies handwritten
# digits, written with numpy only. scikit-learn is used only to load the data:
# its bundled 8x8 digits (1,797 images), so nothing is downloaded.
# For MNIST (28x28, 70,000 images; fetch_openml downloads it on first use) replace
#   X, y = load_digits(return_X_y=True); X = X / 16.0
# with (after `from sklearn.datasets import fetch_openml`)
#   X, y = fetch_openml("mnist_784", version=1, return_X_y=True, as_frame=False)
#   X, y = X / 255.0, y.astype(int)
# Run: python docs/code/numpy_mlp.py  (the last line printed is the test accuracy)
import numpy as np
from sklearn.datasets import load_digits


def load_data(seed=0, test_fraction=0.2):
    X, y = load_digits(return_X_y=True)
    X = X / 16.0  # pixel values 0..16 -> 0..1
    order = np.random.default_rng(seed).permutation(len(X))
    n_test = int(len(X) * test_fraction)
    test, train = order[:n_test], order[n_test:]
    return X[train], y[train], X[test], y[test]


def init_params(n_in, n_hidden, n_out, rng):
    # He initialization for the ReLU layer, small weights for the output layer
    W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, n_hidden))
    W2 = rng.normal(0.0, np.sqrt(1.0 / n_hidden), (n_hidden, n_out))
    return {"W1": W1, "b1": np.zeros(n_hidden), "W2": W2, "b2": np.zeros(n_out)}


# --8<-- [start:forward]
def forward(params, X):
    h = X @ params["W1"] + params["b1"]  # pre-activation, (batch, hidden)
    a = np.maximum(h, 0.0)  # ReLU
    logits = a @ params["W2"] + params["b2"]  # (batch, classes)
    z = logits - logits.max(axis=1, keepdims=True)  # stable softmax
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    return h, a, p
# --8<-- [end:forward]


def cross_entropy(p, y):
    return -np.mean(np.log(p[np.arange(len(y)), y] + 1e-12))


# --8<-- [start:backward]
def backward(params, X, y, h, a, p):
    dlogits = p.copy()
    dlogits[np.arange(len(y)), y] -= 1.0  # d(mean CE)/d(logits) = (p - onehot) / B
    dlogits /= len(y)
    dW2 = a.T @ dlogits
    db2 = dlogits.sum(axis=0)
    dh = (dlogits @ params["W2"].T) * (h > 0)  # back through W2, then ReLU
    dW1 = X.T @ dh
    db1 = dh.sum(axis=0)
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
# --8<-- [end:backward]


def train(X, y, n_hidden=64, epochs=30, batch_size=32, lr=0.1, momentum=0.9, seed=0):
    rng = np.random.default_rng(seed)
    params = init_params(X.shape[1], n_hidden, 10, rng)
    velocity = {k: np.zeros_like(v) for k, v in params.items()}
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            idx = order[start:start + batch_size]
            h, a, p = forward(params, X[idx])
            grads = backward(params, X[idx], y[idx], h, a, p)
            for k in params:  # SGD with momentum
                velocity[k] = momentum * velocity[k] - lr * grads[k]
                params[k] += velocity[k]
        if epoch % 10 == 9:
            print(f"epoch {epoch + 1}: train loss {cross_entropy(forward(params, X)[2], y):.4f}")
    return params


def accuracy(params, X, y):
    return np.mean(forward(params, X)[2].argmax(axis=1) == y)


if __name__ == "__main__":
    X_train, y_train, X_test, y_test = load_data()
    params = train(X_train, y_train)
    print(f"test accuracy: {accuracy(params, X_test, y_test):.4f}")
