# Gradient accumulation with per-token losses: four micro-batches of sequences of
# different lengths (padding marked -100, ignored by the loss) give the gradient of
# one large batch only if the token losses are summed and divided by the number of
# tokens of the whole accumulation; averaging each micro-batch and dividing by k
# weighs the tokens of short micro-batches more. float64, so that the exact recipe
# differs from the large batch by rounding alone.
# Run: python docs/code/token_accumulation.py
import torch
import torch.nn.functional as F
from torch import nn

VOCAB, PAD = 50, -100
LENGTHS = [[12, 9], [3, 2], [7, 7], [15, 1]]  # real tokens of the 2 sequences in each micro-batch


def make_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Embedding(VOCAB, 16), nn.Linear(16, VOCAB)).double()


def make_micro_batches():
    """(inputs, targets) per micro-batch, each padded to its longest sequence."""
    g = torch.Generator().manual_seed(1)
    batches = []
    for lengths in LENGTHS:
        width = max(lengths)
        x = torch.randint(0, VOCAB, (len(lengths), width), generator=g)
        y = torch.randint(0, VOCAB, (len(lengths), width), generator=g)
        for row, n in enumerate(lengths):
            y[row, n:] = PAD
        batches.append((x, y))
    return batches


def token_losses(model, x, y, reduction):
    logits = model(x)
    return F.cross_entropy(logits.reshape(-1, VOCAB), y.reshape(-1), ignore_index=PAD, reduction=reduction)


def gradient(model):
    return torch.cat([p.grad.reshape(-1) for p in model.parameters()])


def large_batch_gradient(batches):
    """One batch of all the tokens, mean over the real ones."""
    model = make_model()
    logits = torch.cat([model(x).reshape(-1, VOCAB) for x, _ in batches])
    targets = torch.cat([y.reshape(-1) for _, y in batches])
    F.cross_entropy(logits, targets, ignore_index=PAD).backward()
    return gradient(model)


def accumulated_gradient(batches, recipe):
    model = make_model()
    total = sum(int((y != PAD).sum()) for _, y in batches)  # counted before accumulating
    for x, y in batches:
        if recipe == "mean / k":
            loss = token_losses(model, x, y, "mean") / len(batches)
        else:  # "sum / all tokens"
            loss = token_losses(model, x, y, "sum") / total
        loss.backward()  # adds into .grad
    return gradient(model)


def relative_difference(g, reference):
    return float((g - reference).norm() / reference.norm())


if __name__ == "__main__":
    batches = make_micro_batches()
    full = large_batch_gradient(batches)
    print("tokens per micro-batch:", [int((y != PAD).sum()) for _, y in batches])
    for recipe in ["mean / k", "sum / all tokens"]:
        diff = relative_difference(accumulated_gradient(batches, recipe), full)
        print(f"{recipe:>16}: |g - g_large| / |g_large| = {diff:.1e}")
