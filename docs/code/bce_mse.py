# Train with binary cross-entropy, watch the mean squared error.
# Task: is a digit >= 5? (scikit-learn's bundled digits, about half positives).
# The model outputs one logit; nn.BCEWithLogitsLoss (sigmoid + BCE in one stable
# step) is the training loss. The MSE between the predicted probability
# sigmoid(logit) and the 0/1 target (the Brier score) is only logged: it is
# computed under torch.no_grad(), so it never enters the graph or the gradients.
# Run: python docs/code/bce_mse.py  (the last line printed holds the test metrics)
import numpy as np
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from torch import nn


def load_data(seed=0):
    X, digit = load_digits(return_X_y=True)
    order = np.random.default_rng(seed).permutation(len(X))  # the split of numpy_mlp.py
    test, train = order[:len(X) // 5], order[len(X) // 5:]
    X = torch.tensor(X / 16.0, dtype=torch.float32)
    y = torch.tensor(digit >= 5, dtype=torch.float32)  # BCE targets are floats in [0, 1]
    return X[train], y[train], X[test], y[test]


@torch.no_grad()
def mse_of_probabilities(logits, y):
    return F.mse_loss(torch.sigmoid(logits), y)  # on probabilities, not on logits


def train(epochs=20, batch_size=32, lr=0.1, watch_mse=True, seed=0):
    X_train, y_train, X_test, y_test = load_data()
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
    bce = nn.BCEWithLogitsLoss()  # expects logits
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    history = []
    for epoch in range(epochs):
        model.train()
        total_bce = total_mse = 0.0
        for idx in torch.randperm(len(X_train)).split(batch_size):
            logits = model(X_train[idx]).squeeze(1)
            loss = bce(logits, y_train[idx])  # the only thing back-propagated
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total_bce += loss.item() * len(idx)
            if watch_mse:
                total_mse += mse_of_probabilities(logits, y_train[idx]).item() * len(idx)
        model.eval()
        with torch.no_grad():
            test_logits = model(X_test).squeeze(1)
            test_bce = bce(test_logits, y_test).item()
        test_mse = mse_of_probabilities(test_logits, y_test).item()
        test_acc = ((test_logits > 0).float() == y_test).float().mean().item()
        history.append({"train_bce": total_bce / len(X_train), "train_mse": total_mse / len(X_train),
                        "test_bce": test_bce, "test_mse": test_mse, "test_accuracy": test_acc})
    return model, history


if __name__ == "__main__":
    model, history = train()
    for epoch, h in enumerate(history, 1):
        if epoch == 1 or epoch % 5 == 0:
            print(f"epoch {epoch}: train bce {h['train_bce']:.4f} mse {h['train_mse']:.4f}")
    h = history[-1]
    print(f"test bce {h['test_bce']:.4f} mse {h['test_mse']:.4f} accuracy {h['test_accuracy']:.4f}")
