# The same two-layer MLP as numpy_mlp.py, in PyTorch: autograd writes the backward
# pass and torch.optim the update. Same data, same split, same hyperparameters.
# For MNIST, load it as in numpy_mlp.py (fetch_openml) or with torchvision.datasets.MNIST.
# Run: python docs/code/torch_mlp.py  (the last line printed is the test accuracy)
import numpy as np
import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X, y = load_digits(return_X_y=True)
order = np.random.default_rng(0).permutation(len(X))  # the split of numpy_mlp.py
test, train = order[:len(X) // 5], order[len(X) // 5:]
X = torch.tensor(X / 16.0, dtype=torch.float32)
y = torch.tensor(y)
loader = DataLoader(TensorDataset(X[train], y[train]), batch_size=32, shuffle=True)

model = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10))  # outputs logits
loss_fn = nn.CrossEntropyLoss()  # log-softmax + negative log-likelihood, on logits
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)

for epoch in range(30):
    model.train()
    for xb, yb in loader:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    if epoch % 10 == 9:
        print(f"epoch {epoch + 1}: last batch loss {loss.item():.4f}")

model.eval()
with torch.no_grad():
    accuracy = (model(X[test]).argmax(dim=1) == y[test]).float().mean().item()
print(f"test accuracy: {accuracy:.4f}")
