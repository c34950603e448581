# Four sanity checks to run before a long training job, on scikit-learn's bundled
# digits (8x8 images, 10 classes; nothing is downloaded), on the CPU:
#   1. the loss at initialization is close to ln(10), the loss of a uniform guess;
#   2. the model can overfit one batch of 32 to a loss near 0;
#   3. autograd's gradient agrees with finite differences (gradcheck, float64);
#   4. a classic bug, softmax before nn.CrossEntropyLoss, leaves the loss far above
#      the correct version after the same 300 steps from the same initial weights.
# Run: python docs/code/debug_checks.py  (a few seconds, most of it importing torch)
import math
import warnings

import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from torch import nn

torch.use_deterministic_algorithms(True)  # raise an error on ops with no deterministic version


def one_batch(size=32):
    X, y = load_digits(return_X_y=True)
    X = torch.tensor(X / 16.0, dtype=torch.float32)  # pixels 0..16 scaled to [0, 1]
    y = torch.tensor(y)
    # check what the model will actually receive: shapes, dtypes, value range, labels
    assert X.shape == (1797, 64) and X.dtype == torch.float32 and 0 <= X.min() <= X.max() <= 1
    assert y.shape == (1797,) and y.dtype == torch.int64 and set(y.tolist()) == set(range(10))
    return X[:size], y[:size]


def make_model(seed=0):
    torch.manual_seed(seed)  # the same initial weights every time
    return nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10))  # outputs logits


def loss_fn(model, xb, yb, softmax_bug=False):
    out = model(xb)
    if softmax_bug:
        out = out.softmax(dim=1)  # BUG: cross_entropy applies log-softmax itself
    return F.cross_entropy(out, yb)


def grad_norm(model, xb, yb, softmax_bug=False):
    model.zero_grad()
    loss_fn(model, xb, yb, softmax_bug).backward()
    return torch.sqrt(sum((p.grad ** 2).sum() for p in model.parameters())).item()


def overfit(model, xb, yb, steps=300, softmax_bug=False):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(steps):
        loss = loss_fn(model, xb, yb, softmax_bug)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    accuracy = (model(xb).argmax(dim=1) == yb).float().mean().item()
    return loss.item(), accuracy


def gradcheck(dtype):
    torch.manual_seed(0)
    x = torch.randn(4, 6, dtype=dtype)
    W = torch.randn(6, 3, dtype=dtype, requires_grad=True)
    f = lambda W: F.cross_entropy(torch.tanh(x @ W), torch.tensor([0, 2, 1, 2]))
    with warnings.catch_warnings():  # gradcheck warns that float32 inputs are not double
        warnings.simplefilter("ignore")
        return torch.autograd.gradcheck(f, (W,), raise_exception=False)


if __name__ == "__main__":
    xb, yb = one_batch()

    with torch.no_grad():
        loss0 = F.cross_entropy(make_model()(xb), yb).item()
    print(f"1. initial loss {loss0:.4f}, ln(10) = {math.log(10):.4f}")

    loss, accuracy = overfit(make_model(), xb, yb)
    print(f"2. one batch of 32, 300 Adam steps: loss {loss:.5f}, batch accuracy {accuracy:.3f}")

    # central differences with eps=1e-6: float32 rounding swamps them, float64 does not
    print(f"3. gradcheck: float64 {gradcheck(torch.float64)}, float32 {gradcheck(torch.float32)}")

    loss, accuracy = overfit(make_model(), xb, yb, softmax_bug=True)
    print(f"4. BUG softmax before cross_entropy, same 300 steps: loss {loss:.5f}, "
          f"batch accuracy {accuracy:.3f}")
    print(f"   lowest loss the bug allows: ln(e+9)-1 = {math.log(math.e + 9) - 1:.4f}")
    print(f"   gradient norm at init: correct {grad_norm(make_model(), xb, yb):.4f}, "
          f"softmax first {grad_norm(make_model(), xb, yb, softmax_bug=True):.4f}")
