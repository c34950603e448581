"""Gradient descent from many random starts on a 1-D non-convex function.

f(x) = x^4 - 3x^2 + x has two local minima; only the left one is global.
Plain gradient descent ends in whichever basin it starts in, so the global
minimum is found only from some starts; restarts raise the chance of finding it.
"""
import numpy as np


def f(x):
    return x**4 - 3 * x**2 + x


def df(x):
    return 4 * x**3 - 6 * x + 1


def d2f(x):
    return 12 * x**2 - 6


def gradient_descent(x, lr=0.01, steps=1000):
    for _ in range(steps):
        x = x - lr * df(x)
    return x


# Critical points: the real roots of f'(x) = 4x^3 - 6x + 1, sorted.
crit = np.sort(np.roots([4, 0, -6, 1]).real)
minima = [c for c in crit if d2f(c) > 0]
x_glob = min(minima, key=f)
print("critical points:", ", ".join(f"x={c:+.4f} (f={f(c):+.4f}, f''={d2f(c):+.2f})" for c in crit))
print(f"global minimum: x={x_glob:+.4f}, f={f(x_glob):+.4f}")
# With a small step, GD never crosses the local maximum crit[1]: starts left of it
# end in the left minimum. Share of the start interval [-2, 2] on that side:
print(f"basin of the global minimum in [-2, 2]: x < {crit[1]:+.4f}, {(crit[1] + 2) / 4:.1%} of the interval\n")

rng = np.random.default_rng(0)
starts = rng.uniform(-2.0, 2.0, size=1000)
ends = gradient_descent(starts)  # vectorized: 1000 independent runs
is_global = np.abs(ends - x_glob) < 1e-6

print("  start ->    end   f(end)  |f'(end)|  f''(end)  global?")
for s, e, g in zip(starts[:8], ends[:8], is_global[:8]):
    print(f"{s:+7.3f} -> {e:+7.4f}  {f(e):+7.4f}  {abs(df(e)):.6f}  {d2f(e):+6.2f}   {'yes' if g else 'no'}")

print(f"\nruns that reach the global minimum: {is_global.sum()} / {len(starts)}"
      f" ({is_global.mean():.1%})")
for m in minima:
    hit = np.abs(ends - m) < 1e-6
    print(f"  ended at x={m:+.4f} (f={f(m):+.4f}): {hit.sum()} runs")

# Best of k restarts: split the 1000 runs into groups of k and keep the lowest f.
for k in (1, 2, 5, 10):
    groups = f(ends).reshape(-1, k)
    found = np.abs(groups.min(axis=1) - f(x_glob)) < 1e-9
    print(f"best of {k:2d} runs finds the global minimum in {found.mean():.1%} of {len(groups)} trials")
