# The derivatives written on the activation-functions page, checked against
# PyTorch's own functions and autograd, plus the numbers the page quotes.
# Run: python docs/code/activation_derivatives.py   (CPU, float64, a few seconds)
import math

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)


def sigmoid(x):
    return 1 / (1 + torch.exp(-x))


def Phi(x):  # standard normal CDF
    return 0.5 * (1 + torch.erf(x / math.sqrt(2)))


def phi(x):  # standard normal density
    return torch.exp(-x**2 / 2) / math.sqrt(2 * math.pi)


def softplus(x):
    return torch.logaddexp(torch.zeros_like(x), x)


ALPHA_LEAKY, ALPHA_ELU = 0.01, 1.0

# name: (PyTorch's function, derivative as written on the page)
CASES = {
    "sigmoid": (torch.sigmoid, lambda x: sigmoid(x) * (1 - sigmoid(x))),
    "tanh": (torch.tanh, lambda x: 1 - torch.tanh(x) ** 2),
    "ReLU": (F.relu, lambda x: (x > 0).double()),
    "Leaky ReLU": (lambda x: F.leaky_relu(x, ALPHA_LEAKY),
                   lambda x: torch.where(x > 0, 1.0, ALPHA_LEAKY)),
    "ELU": (lambda x: F.elu(x, ALPHA_ELU),
            lambda x: torch.where(x > 0, 1.0, ALPHA_ELU * torch.exp(x))),
    "SiLU": (F.silu, lambda x: sigmoid(x) * (1 + x * (1 - sigmoid(x)))),
    "GELU": (F.gelu, lambda x: Phi(x) + x * phi(x)),
    "Mish": (F.mish, lambda x: torch.tanh(softplus(x))
             + x * sigmoid(x) * (1 - torch.tanh(softplus(x)) ** 2)),
}


def autograd_derivative(f, x):
    x = x.clone().requires_grad_(True)
    f(x).sum().backward()  # elementwise f: the gradient of the sum is f'(x)
    return x.grad


x = torch.linspace(-6, 6, 1200)  # an even count: 0, where ReLU-type kinks are, is not on it
assert (x != 0).all()
print("derivative on [-6, 6]: max |page formula - autograd|")
for name, (f, df) in CASES.items():
    err = (df(x) - autograd_derivative(f, x)).abs().max().item()
    print(f"  {name:<11s} {err:.1e}")

# Softmax Jacobian: J_ij = s_i (delta_ij - s_j) = diag(s) - s s^T
z = torch.tensor([2.0, 1.0, 0.1, -1.0])
s = torch.softmax(z, dim=0)
J_formula = torch.diag(s) - torch.outer(s, s)
J_autograd = torch.autograd.functional.jacobian(lambda v: torch.softmax(v, dim=0), z)
print(f"softmax Jacobian, z = {z.tolist()}: max |formula - autograd| "
      f"{(J_formula - J_autograd).abs().max().item():.1e}, max |row sum| "
      f"{J_formula.sum(dim=1).abs().max().item():.0e}")

# Numbers quoted on the page.
print(f"sigma'(0) = {CASES['sigmoid'][1](torch.tensor(0.0)).item():.4f}, "
      f"sigma'(5) = {CASES['sigmoid'][1](torch.tensor(5.0)).item():.4f}")
print(f"ReLU'(0) in PyTorch autograd: {autograd_derivative(F.relu, torch.tensor([0.0])).item()}")

grid = torch.linspace(-10, 10, 2_000_001)
gap = (F.gelu(grid, approximate="tanh") - F.gelu(grid)).abs()
i = gap.argmax()
print(f"GELU tanh approximation: max |error| {gap[i].item():.2e} "
      f"at |x| = {grid[i].abs().item():.2f}")
gap = (grid * sigmoid(1.702 * grid) - F.gelu(grid)).abs()
i = gap.argmax()
print(f"GELU ~ x*sigmoid(1.702x): max |error| {gap[i].item():.3f} "
      f"at |x| = {grid[i].abs().item():.2f}")

neg = torch.linspace(-4, 0, 400_001)
for name in ("SiLU", "GELU", "Mish"):
    y = CASES[name][0](neg)
    i = y.argmin()
    d = CASES[name][1](grid)
    print(f"{name}: minimum {y[i].item():.4f} at x = {neg[i].item():.4f}; "
          f"derivative between {d.min().item():.3f} and {d.max().item():.3f}")
