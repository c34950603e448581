# Batch normalization after training, in PyTorch (CPU, a few seconds at most).
#   1. train a tiny classifier Linear(4,16) -> BatchNorm1d(16) -> ReLU -> Linear(16,3)
#      on synthetic data (600 points, 3 classes, seed 0), 300 SGD steps, batch 32;
#   2. train mode: one sample's output changes with the other samples in its batch;
#      eval mode: it does not, and a batch of one sample works;
#   3. fold BN into the preceding Linear (W' = s W, b' = s (b - mean) + beta with
#      s = gamma / sqrt(running_var + eps)) and compare with the eval-mode model
#      and with PyTorch's own torch.nn.utils.fusion.fuse_linear_bn_eval.
# Run: python docs/code/bn_inference.py
import copy

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils.fusion import fuse_linear_bn_eval


def make_data(n=600, seed=0):
    g = torch.Generator().manual_seed(seed)
    y = torch.randint(0, 3, (n,), generator=g)
    centers = torch.tensor([[2.0, 0, 0, 0], [0, 2.0, 0, 0], [0, 0, 2.0, 0]])
    x = 5.0 + 3.0 * (centers[y] + torch.randn(n, 4, generator=g))  # far from mean 0, var 1
    return x, y


def train(steps=300, batch=32, seed=0):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(4, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 3))
    x, y = make_data()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    g = torch.Generator().manual_seed(seed + 1)
    model.train()
    for _ in range(steps):
        idx = torch.randint(0, len(x), (batch,), generator=g)
        loss = F.cross_entropy(model(x[idx]), y[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model, x, y


def output_of_first(model, batch):
    """Output for row 0 of `batch`, on a copy so the running statistics stay untouched."""
    with torch.no_grad():
        return copy.deepcopy(model)(batch)[0]


def fold_bn(linear, bn):
    """A single Linear equal to linear followed by bn in eval mode."""
    scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)  # gamma / sqrt(var + eps)
    folded = nn.Linear(linear.in_features, linear.out_features)
    with torch.no_grad():
        folded.weight.copy_(scale[:, None] * linear.weight)
        folded.bias.copy_(scale * (linear.bias - bn.running_mean) + bn.bias)
    return folded


def main():
    # The differences printed below are float32 rounding errors; their size depends on
    # how sums are split across threads, so use one thread (enough for this tiny model).
    torch.set_num_threads(1)
    model, x, y = train()
    model.eval()
    with torch.no_grad():
        accuracy = (model(x).argmax(1) == y).float().mean().item()
    print(f"after training: accuracy {accuracy:.3f} (eval mode, training data)")

    sample, others_a, others_b = x[:1], x[1:8], x[100:107]
    batch_a, batch_b = torch.cat([sample, others_a]), torch.cat([sample, others_b])
    for mode in ("train", "eval"):
        model.train(mode == "train")
        diff = (output_of_first(model, batch_a) - output_of_first(model, batch_b)).abs().max()
        print(f"{mode:>5} mode: same sample in two batches of 8, max |output difference| {diff:.2e}")
    model.eval()
    alone = output_of_first(model, sample)  # batch of one: fine in eval mode
    diff = (alone - output_of_first(model, batch_a)).abs().max()
    print(f" eval mode: batch of 1 vs batch of 8, max |output difference| {diff:.2e}")
    model.train()
    try:
        output_of_first(model, sample)
    except ValueError as error:
        print(f"train mode, batch of 1: ValueError: {error}")

    model.eval()
    linear, bn = model[0], model[1]
    folded = nn.Sequential(fold_bn(linear, bn), nn.ReLU(), model[3])
    with torch.no_grad():
        diff = (model(x) - folded(x)).abs().max()
    print(f"BN folded into the Linear: max |output difference| over {len(x)} inputs {diff:.2e}")
    reference = fuse_linear_bn_eval(linear, bn)  # PyTorch's own folding
    diff = (reference.weight - folded[0].weight).abs().max()
    print(f"fold_bn vs torch.nn.utils.fusion.fuse_linear_bn_eval: max |weight difference| {diff:.2e}")


if __name__ == "__main__":
    main()
