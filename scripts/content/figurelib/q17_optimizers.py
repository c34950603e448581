"""Question 17 (optimizers): paths on a ravine."""
import matplotlib.pyplot as plt
import numpy as np

from .style import BLUE, GREEN, GREY, TEXT, VERMILION


# f(x, y) = 0.5 * (x^2 + 100 y^2): a ravine whose curvature across it (y) is 100 times
# the curvature along it (x). Gradient descent needs lr < 2/100 to stay stable across
# the ravine, so along it it crawls: each step keeps a factor (1 - lr) of x.
_CURV = np.array([1.0, 100.0])
_START = np.array([-9.0, 1.2])
_STEPS = 40


def _ravine(p):
    return 0.5 * np.sum(_CURV * p ** 2, axis=-1)


def _ravine_grad(p):
    return _CURV * p


def _run_sgd(p0, steps, lr):
    """theta_{t+1} = theta_t - lr * g_t."""
    p, path = p0.copy(), [p0.copy()]
    for _ in range(steps):
        p = p - lr * _ravine_grad(p)
        path.append(p.copy())
    return np.array(path)


def _run_momentum(p0, steps, lr, mu):
    """Heavy ball: v_{t+1} = mu v_t - lr g_t, theta_{t+1} = theta_t + v_{t+1}, v_0 = 0."""
    p, v, path = p0.copy(), np.zeros_like(p0), [p0.copy()]
    for _ in range(steps):
        v = mu * v - lr * _ravine_grad(p)
        p = p + v
        path.append(p.copy())
    return np.array(path)


def _run_rmsprop(p0, steps, lr, rho, eps=1e-8):
    """v_t = rho v_{t-1} + (1 - rho) g_t^2, theta_{t+1} = theta_t - lr g_t / (sqrt(v_t) + eps)."""
    p, v, path = p0.copy(), np.zeros_like(p0), [p0.copy()]
    for _ in range(steps):
        g = _ravine_grad(p)
        v = rho * v + (1 - rho) * g ** 2
        p = p - lr * g / (np.sqrt(v) + eps)
        path.append(p.copy())
    return np.array(path)


def _run_adam(p0, steps, lr, beta1, beta2, eps=1e-8):
    """Adam with bias correction, as in Kingma & Ba (2015), Algorithm 1."""
    p, m, v, path = p0.copy(), np.zeros_like(p0), np.zeros_like(p0), [p0.copy()]
    for t in range(1, steps + 1):
        g = _ravine_grad(p)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g ** 2
        m_hat = m / (1 - beta1 ** t)
        v_hat = v / (1 - beta2 ** t)
        p = p - lr * m_hat / (np.sqrt(v_hat) + eps)
        path.append(p.copy())
    return np.array(path)


def optimizer_runs(steps=_STEPS):
    """(label, colour, path) of the four optimizers from the same start. Learning rates:
    SGD just below its stability limit 2/100; momentum with the usual mu = 0.9; RMSprop and
    Adam chosen by hand on a log grid (their step is about lr per coordinate, whatever
    the curvature); all gradients exact (no noise), so only the update rules differ."""
    p0 = _START
    return [
        ("SGD (η = 0.018)", GREY, _run_sgd(p0, steps, 0.018)),
        ("momentum (η = 0.005, μ = 0.9)", BLUE, _run_momentum(p0, steps, 0.005, 0.9)),
        ("RMSprop (η = 0.3, ρ = 0.9)", GREEN, _run_rmsprop(p0, steps, 0.3, 0.9)),
        ("Adam (η = 0.3, β₁ = 0.9, β₂ = 0.999)", VERMILION,
         _run_adam(p0, steps, 0.3, 0.9, 0.999)),
    ]


def optimizer_paths():
    """Paths of SGD, heavy-ball momentum, RMSprop and Adam on the same ill-conditioned
    quadratic f(x, y) = 0.5 (x^2 + 100 y^2), 40 steps from (-9, 1.2); right: f per step."""
    steps = _STEPS
    runs = optimizer_runs(steps)
    fig, (ax, ax_f) = plt.subplots(1, 2, figsize=(13, 4.8), gridspec_kw={"width_ratios": [1.7, 1]})

    xs, ys = np.meshgrid(np.linspace(-10, 4, 141), np.linspace(-1.6, 1.6, 81))
    zz = _ravine(np.stack([xs, ys], axis=-1))
    ax.contour(xs, ys, zz, levels=[0.5, 2, 5, 10, 20, 35, 55, 80, 110], colors="#bbbbbb",
               linewidths=0.8)
    for label, colour, path in runs:
        ax.plot(path[:, 0], path[:, 1], color=colour, lw=1.6, marker="o", ms=3, label=label)
    ax.plot(*_START, "s", color=TEXT, ms=7, zorder=5)
    ax.annotate("start", xy=_START, xytext=(_START[0] - 0.7, _START[1] + 0.2), size=10)
    ax.plot([0], [0], "*", color=TEXT, ms=12, zorder=5)
    ax.annotate("minimum", xy=(0, 0), xytext=(0.3, -0.45), size=10)
    ax.set_xlim(-10, 4)
    ax.set_ylim(-1.6, 1.6)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    ax.grid(False)
    ax.set_title(f"f(x, y) = (x² + 100 y²) / 2,  {steps} steps from the same start")
    ax.legend(loc="upper right", fontsize=9.5)

    for label, colour, path in runs:
        ax_f.semilogy(np.arange(steps + 1), _ravine(path), color=colour, lw=1.8)
    ax_f.set_xlabel("step $t$")
    ax_f.set_ylabel("$f(\\theta_t)$ (log scale)")
    ax_f.set_title("loss per step")
    fig.tight_layout()
    return fig


FIGURES = {
    "optimizer-paths.svg": optimizer_paths,
}
