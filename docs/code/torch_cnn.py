# A small CNN on the same digits data and split as torch_mlp.py, to compare an MLP
# with a CNN. Input images are 8x8, so the network is tiny.
# The learning rate is 0.01, not torch_mlp.py's 0.1: with 0.1 and momentum 0.9 this
# CNN (no normalization layers) trains on the edge of instability, and its test
# accuracy then depended on the thread count and the CPU's instruction set
# (0.947 to 0.992 measured). One thread and deterministic algorithms fix the order
# of floating-point sums, so a run repeats exactly on the same machine.
# Run: python docs/code/torch_cnn.py  (the last line printed is the test accuracy)
import numpy as np
import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.set_num_threads(1)  # a tiny model: one thread is as fast, and sums in one order
torch.use_deterministic_algorithms(True)
torch.manual_seed(0)
X, y = load_digits(return_X_y=True)
order = np.random.default_rng(0).permutation(len(X))  # the split of numpy_mlp.py
test, train = order[:len(X) // 5], order[len(X) // 5:]
X = torch.tensor(X / 16.0, dtype=torch.float32).reshape(-1, 1, 8, 8)  # (N, channels, H, W)
y = torch.tensor(y)
loader = DataLoader(TensorDataset(X[train], y[train]), batch_size=32, shuffle=True)

model = nn.Sequential(
    nn.Conv2d(1, 16, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),  # 16 x 4 x 4
    nn.Conv2d(16, 32, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),  # 32 x 2 x 2
    nn.Flatten(), nn.Linear(32 * 2 * 2, 10),  # logits
)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)

for epoch in range(20):
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
print(f"parameters: {sum(p.numel() for p in model.parameters())}")
print(f"test accuracy: {accuracy:.4f}")
