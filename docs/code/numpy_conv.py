# A 2D convolution layer (stride 1, zero padding) in numpy, forward and backward,
# written with im2col: every receptive field becomes one row of a matrix, so the
# convolution is one matrix multiply, exactly like a fully connected layer.
# Shapes: x (N, C, H, W), weights (F, C, KH, KW), bias (F,), output (N, F, H_out, W_out).
# Run: python docs/code/numpy_conv.py  (checks the gradients against central differences)
import numpy as np


# --8<-- [start:layer]
def im2col(x, kh, kw, pad):
    N, C, H, W = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho, Wo = H + 2 * pad - kh + 1, W + 2 * pad - kw + 1
    cols = np.empty((N, C, kh, kw, Ho, Wo))
    for i in range(kh):  # one shifted copy of the image per kernel position
        for j in range(kw):
            cols[:, :, i, j] = xp[:, :, i:i + Ho, j:j + Wo]
    return cols.transpose(0, 4, 5, 1, 2, 3).reshape(N * Ho * Wo, C * kh * kw)


def col2im(cols, x_shape, kh, kw, pad):
    N, C, H, W = x_shape
    Ho, Wo = H + 2 * pad - kh + 1, W + 2 * pad - kw + 1
    cols = cols.reshape(N, Ho, Wo, C, kh, kw).transpose(0, 3, 4, 5, 1, 2)
    xp = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    for i in range(kh):  # overlapping receptive fields: gradients add up
        for j in range(kw):
            xp[:, :, i:i + Ho, j:j + Wo] += cols[:, :, i, j]
    return xp[:, :, pad:pad + H, pad:pad + W]


def conv_forward(x, w, b, pad=1):
    F, C, kh, kw = w.shape
    N, _, H, W = x.shape
    cols = im2col(x, kh, kw, pad)  # (N*Ho*Wo, C*kh*kw)
    out = cols @ w.reshape(F, -1).T + b  # (N*Ho*Wo, F)
    Ho, Wo = H + 2 * pad - kh + 1, W + 2 * pad - kw + 1
    return out.reshape(N, Ho, Wo, F).transpose(0, 3, 1, 2), (x.shape, cols)


# --8<-- [start:backward]
def conv_backward(dout, w, cache, pad=1):
    x_shape, cols = cache
    F, C, kh, kw = w.shape
    dout = dout.transpose(0, 2, 3, 1).reshape(-1, F)  # (N*Ho*Wo, F)
    dw = (dout.T @ cols).reshape(w.shape)
    db = dout.sum(axis=0)
    dx = col2im(dout @ w.reshape(F, -1), x_shape, kh, kw, pad)
    return dx, dw, db
# --8<-- [end:backward]
# --8<-- [end:layer]


def numerical_gradient(f, x, eps=1e-5):
    """Central differences: (f(x + eps) - f(x - eps)) / (2 eps), one entry at a time."""
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        plus = f()
        x[i] = old - eps
        minus = f()
        x[i] = old
        grad[i] = (plus - minus) / (2 * eps)
    return grad


def relative_error(a, b):
    return np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x, w, b = rng.normal(size=(2, 3, 5, 5)), rng.normal(size=(4, 3, 3, 3)), rng.normal(size=4)
    g = rng.normal(size=(2, 4, 5, 5))  # loss = sum(out * g), so dloss/dout = g

    def loss():
        return np.sum(conv_forward(x, w, b)[0] * g)

    out, cache = conv_forward(x, w, b)
    dx, dw, db = conv_backward(g, w, cache)
    errors = [relative_error(dx, numerical_gradient(loss, x)),
              relative_error(dw, numerical_gradient(loss, w)),
              relative_error(db, numerical_gradient(loss, b))]
    print(f"output shape: {out.shape}")
    print(f"max relative error (dx, dw, db): {max(errors):.2e}")
