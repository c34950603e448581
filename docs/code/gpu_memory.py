# How much GPU memory does training need? A back-of-the-envelope calculator.
#   total = parameters + gradients + optimizer states + activations (+ buffers, overhead)
# The first three scale with the number of parameters, the activations with the batch.
# Run: python docs/code/gpu_memory.py  (prints the worked examples of the page)

# bytes per parameter for (weights, gradients, optimizer states)
BYTES_PER_PARAM = {
    # plain fp32 training: 4-byte weights and gradients, 4 bytes per optimizer state
    ("sgd", "fp32"): (4, 4, 0),
    ("momentum", "fp32"): (4, 4, 4),  # one velocity per parameter
    ("adam", "fp32"): (4, 4, 8),  # first and second moment
    # mixed precision as counted in the ZeRO paper: fp16 weights and gradients, and
    # an fp32 master copy of the weights kept with the optimizer states (K = 12 for Adam)
    ("sgd", "mixed"): (2, 2, 4),
    ("momentum", "mixed"): (2, 2, 8),
    ("adam", "mixed"): (2, 2, 12),
}


def model_state_bytes(n_params, optimizer="adam", precision="fp32"):
    """Bytes for weights + gradients + optimizer states, as a dict and a total."""
    w, g, o = BYTES_PER_PARAM[(optimizer, precision)]
    parts = {"weights": w * n_params, "gradients": g * n_params, "optimizer": o * n_params}
    return parts, sum(parts.values())


def mlp_param_count(widths):
    """Weights and biases of fully connected layers widths[0] -> widths[1] -> ..."""
    return sum(a * b + b for a, b in zip(widths[:-1], widths[1:]))


def mlp_activation_bytes(batch_size, widths, bytes_per_value=4):
    """Activations kept for the backward pass of an MLP, roughly: every layer's
    input and output, batch_size * sum(widths) values (frameworks differ in details)."""
    return batch_size * sum(widths) * bytes_per_value


def transformer_activation_bytes(seq_len, batch_size, hidden, heads, layers):
    """Korthikanti et al. (2023, MLSys; arXiv:2205.05198, 2022), eq. 1:
    s*b*h*(34 + 5*a*s/h) bytes per layer, 16-bit activations, no tensor/sequence
    parallelism, no recomputation."""
    return layers * seq_len * batch_size * hidden * (34 + 5 * heads * seq_len / hidden)


def training_memory_bytes(n_params, optimizer="adam", precision="fp32", activation_bytes=0):
    """Lower bound: model states plus activations; buffers, the CUDA context and
    allocator fragmentation come on top."""
    return model_state_bytes(n_params, optimizer, precision)[1] + activation_bytes


def gib(n_bytes):
    return n_bytes / 2**30


if __name__ == "__main__":
    widths = [64, 64, 10]  # the digits MLP of numpy_mlp.py / torch_mlp.py
    n = mlp_param_count(widths)
    print(f"digits MLP: {n} parameters, Adam fp32 model states "
          f"{model_state_bytes(n, 'adam', 'fp32')[1]} bytes, activations at batch 32 "
          f"{mlp_activation_bytes(32, widths)} bytes")
    n = 1.5e9  # the GPT-2 example of the ZeRO paper
    print(f"1.5B parameters, mixed-precision Adam: {model_state_bytes(n, 'adam', 'mixed')[1] / 1e9:.0f} GB")
    n = 7e9
    for precision in ("fp32", "mixed"):
        total = model_state_bytes(n, "adam", precision)[1]
        print(f"7B parameters, Adam {precision}: {total / 1e9:.0f} GB = {gib(total):.1f} GiB")
    act = transformer_activation_bytes(seq_len=2048, batch_size=1, hidden=4096, heads=32, layers=32)
    print(f"activations, 32 layers, s=2048, b=1, h=4096, a=32: {act / 1e9:.1f} GB")
