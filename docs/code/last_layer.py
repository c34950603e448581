# The last layer outputs logits; each PyTorch loss expects something specific:
#   nn.CrossEntropyLoss   logits (applies log-softmax itself)
#   nn.NLLLoss            log-probabilities (put nn.LogSoftmax before it)
#   nn.BCEWithLogitsLoss  logits (applies the sigmoid itself, stably)
#   nn.BCELoss            probabilities in [0, 1] (put a sigmoid before it)
# Run: python docs/code/last_layer.py
import math

import torch
import torch.nn.functional as F
from torch import nn


def multiclass():
    logits = torch.tensor([[2.0, 1.0, -1.0], [0.5, 2.5, 0.0]])  # 2 samples, 3 classes
    target = torch.tensor([0, 1])  # class indices
    ce = nn.CrossEntropyLoss()(logits, target)
    nll = nn.NLLLoss()(F.log_softmax(logits, dim=1), target)
    return ce.item(), nll.item()


def double_softmax(k=10):
    """Softmax before CrossEntropyLoss: even a perfect prediction keeps a large loss."""
    logits = torch.zeros(1, k)
    logits[0, 3] = 30.0  # all but certain of class 3, which is right
    wrong = nn.CrossEntropyLoss()(F.softmax(logits, dim=1), torch.tensor([3]))
    right = nn.CrossEntropyLoss()(logits, torch.tensor([3]))
    return wrong.item(), right.item(), math.log(1 + (k - 1) / math.e)


def binary(z, y):
    with_logits = nn.BCEWithLogitsLoss()(z, y)
    on_probabilities = nn.BCELoss()(torch.sigmoid(z), y)
    return with_logits.item(), on_probabilities.item()


if __name__ == "__main__":
    ce, nll = multiclass()
    print(f"CrossEntropyLoss(logits) {ce:.4f} = NLLLoss(log_softmax(logits)) {nll:.4f}")
    wrong, right, bound = double_softmax()
    print(f"perfect prediction, 10 classes: CrossEntropyLoss(logits) {right:.4f}, "
          f"CrossEntropyLoss(softmax(logits)) {wrong:.4f} (never below log(1 + 9/e) = {bound:.4f})")
    a, b = binary(torch.tensor([-1.0, 0.5, 3.0]), torch.tensor([0.0, 1.0, 1.0]))
    print(f"moderate logits: BCEWithLogitsLoss {a:.4f} = BCELoss(sigmoid) {b:.4f}")
    a, b = binary(torch.tensor([40.0]), torch.tensor([0.0]))  # sigmoid(40) is 1.0 in float32
    print(f"logit 40, target 0 (exact loss 40.0): BCEWithLogitsLoss {a:.1f}, BCELoss(sigmoid) {b:.1f}")
