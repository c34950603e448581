# Back-propagation by hand on the smallest network, checked by finite differences.
#   network: z1 = w1*x + b1,  a1 = sigmoid(z1),  z2 = w2*a1 + b2,  L = 0.5*(z2 - y)^2
#   numbers: x = 2, y = 0.5, w1 = 0.5, b1 = -1, w2 = 2, b2 = 0.5 (chosen so z1 = 0)
# The backward pass goes from the loss to the input, reusing dL/dz2 and dL/dz1.
# Then one gradient-descent step with learning rate 0.1. No randomness, numpy only.
# Run: python docs/code/backprop_by_hand.py
import numpy as np

X, Y = 2.0, 0.5
PARAMS = {"w1": 0.5, "b1": -1.0, "w2": 2.0, "b2": 0.5}
LR = 0.1


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def forward(p, x=X, y=Y):
    z1 = p["w1"] * x + p["b1"]
    a1 = sigmoid(z1)
    z2 = p["w2"] * a1 + p["b2"]
    loss = 0.5 * (z2 - y) ** 2
    return loss, (z1, a1, z2)


def backward(p, cache, x=X, y=Y):
    z1, a1, z2 = cache
    dz2 = z2 - y                          # dL/dz2
    grads = {"w2": dz2 * a1, "b2": dz2}   # dz2/dw2 = a1, dz2/db2 = 1
    da1 = dz2 * p["w2"]                   # dL/da1, reuses dz2
    dz1 = da1 * a1 * (1.0 - a1)           # sigmoid'(z1) = a1 * (1 - a1)
    grads["w1"] = dz1 * x                 # reuses dz1
    grads["b1"] = dz1
    return grads


def numeric_gradient(p, name, h=1e-6):
    """Central difference (L(p + h) - L(p - h)) / 2h in one parameter."""
    plus, minus = dict(p), dict(p)
    plus[name] += h
    minus[name] -= h
    return (forward(plus)[0] - forward(minus)[0]) / (2 * h)


def main():
    loss, cache = forward(PARAMS)
    z1, a1, z2 = cache
    print(f"forward:  z1 = {z1:.4f}, a1 = {a1:.4f}, z2 = {z2:.4f}, L = {loss:.4f}")
    grads = backward(PARAMS, cache)
    print(f"{'param':>5} {'analytic':>10} {'numeric':>12} {'rel. error':>11}")
    worst = 0.0
    for name in ("w2", "b2", "w1", "b1"):
        num = numeric_gradient(PARAMS, name)
        rel = abs(grads[name] - num) / max(abs(grads[name]), abs(num), 1e-12)
        worst = max(worst, rel)
        print(f"{name:>5} {grads[name]:10.6f} {num:12.8f} {rel:11.1e}")
    print(f"max relative error: {worst:.1e}")
    new = {k: v - LR * grads[k] for k, v in PARAMS.items()}
    print("after one step (lr 0.1): "
          + ", ".join(f"{k} = {v:g}" for k, v in new.items())
          + f", L = {forward(new)[0]:.4f}")


if __name__ == "__main__":
    main()
