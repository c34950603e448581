# What to watch while training (question 10, section 7), on scikit-learn's bundled
# digits (nothing is downloaded), on the CPU: ReLU activation statistics recorded by
# forward hooks, each parameter's gradient norm, and the update-to-weight ratio
# ||dW|| / ||W|| of one optimizer step, measured as the change of the parameters.
# The biases start at 0, as question 8 recommends: before the first step their
# norm is 0, so their ratio is undefined and is reported as such, not divided by 0.
# Run: python docs/code/training_stats.py
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from torch import nn


def make_model(seed=0):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10))
    for m in model:
        if isinstance(m, nn.Linear):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")  # He initialization
            nn.init.zeros_(m.bias)
    return model


def record_activations(model, stats):
    """Forward hooks that store (mean, std, share of units that are 0 for the whole batch)."""
    def record(name):
        def hook(module, inputs, output):
            stats[name] = (output.mean().item(), output.std().item(),
                           (output == 0).all(dim=0).float().mean().item())
        return hook
    return [m.register_forward_hook(record(name))
            for name, m in model.named_modules() if isinstance(m, nn.ReLU)]


def update_ratios(model, before):
    """||p - p_before|| / ||p_before|| per parameter; None where p_before is all zeros."""
    ratios = {}
    for name, p in model.named_parameters():
        norm = before[name].norm()
        ratios[name] = ((p.detach() - before[name]).norm() / norm).item() if norm > 0 else None
    return ratios


def step(model, optimizer, xb, yb):
    """One training step; returns the gradient norms and the update ratios."""
    loss = F.cross_entropy(model(xb), yb)
    optimizer.zero_grad()
    loss.backward()
    grads = {name: p.grad.norm().item() for name, p in model.named_parameters()}
    before = {name: p.detach().clone() for name, p in model.named_parameters()}
    optimizer.step()
    return grads, update_ratios(model, before)


if __name__ == "__main__":
    X, y = load_digits(return_X_y=True)
    xb, yb = torch.tensor(X[:32] / 16.0, dtype=torch.float32), torch.tensor(y[:32])
    model = make_model()
    stats = {}
    record_activations(model, stats)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for t in (1, 2):
        grads, ratios = step(model, optimizer, xb, yb)
        print(f"step {t}: parameter, gradient norm, update/weight")
        for name, ratio in ratios.items():
            shown = f"{ratio:.1e}" if ratio is not None else "undefined (all zeros before the step)"
            print(f"  {name:9s} {grads[name]:.4f}  {shown}")
    for name, (mean, std, dead) in stats.items():
        print(f"ReLU {name}: mean {mean:.3f}, std {std:.3f}, units zero for the whole batch {dead:.0%}")
