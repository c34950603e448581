"""The answer code under docs/code/ runs and does what its pages claim.

Standalone programs run in a subprocess (sys.executable) and report on their last
line; functions are imported and checked against hand-computed values and numerical
gradients. PyTorch code is skipped, with the reason, where PyTorch is not installed.
"""
import importlib
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
CODE = ROOT / "docs" / "code"
KO = ROOT / "docs" / "ko" / "questions"
EN = ROOT / "docs" / "en" / "questions"
NO_TORCH = "PyTorch is not installed: the PyTorch answer code is not run"


def need_torch():
    """PyTorch; without it a skip on a developer's machine, a failure in CI."""
    try:
        import torch
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail(NO_TORCH + " (CI installs requirements-test.txt, which pins it)")
        pytest.skip(NO_TORCH)
    return torch


@pytest.fixture(scope="module", autouse=True)
def code_on_path():
    # also how the processes that ddp_example spawns find the module; and no
    # __pycache__ under docs/, which mkdocs would publish
    saved = sys.dont_write_bytecode, os.environ.get("PYTHONDONTWRITEBYTECODE")
    sys.dont_write_bytecode = True
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    sys.path.insert(0, str(CODE))
    yield
    sys.path.remove(str(CODE))
    sys.dont_write_bytecode = saved[0]
    if saved[1] is None:
        del os.environ["PYTHONDONTWRITEBYTECODE"]


def module(name):
    return importlib.import_module(name)


def run(name, timeout=600, env=None):
    """Run docs/code/<name>.py as a program; return its stdout lines.

    env: variables to set for the program (None as a value removes one). The timeout
    leaves room for a loaded 2-core machine, where these programs ran 5 to 30 times
    slower than on a quiet one."""
    environ = dict(os.environ)
    for key, value in (env or {}).items():
        if value is None:
            environ.pop(key, None)
        else:
            environ[key] = value
    r = subprocess.run([sys.executable, str(CODE / f"{name}.py")], cwd=ROOT, env=environ,
                       capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout.strip().splitlines()


# Every PyTorch program must print what its page quotes whatever CPU kernels and thread
# count run it. ATEN_CPU_CAPABILITY picks PyTorch's vectorized kernels ("default" = no
# SIMD; unset = the best this CPU has, e.g. AVX-512); OMP_NUM_THREADS its thread count.
# The two settings differ in both, so sums are rounded in different orders.
TORCH_SETTINGS = [
    pytest.param({"ATEN_CPU_CAPABILITY": "default", "OMP_NUM_THREADS": "1"}, id="default-kernels-1-thread"),
    pytest.param({"ATEN_CPU_CAPABILITY": None, "OMP_NUM_THREADS": "2"}, id="best-kernels-2-threads"),
]

NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
ONE_TEST_IMAGE = 1 / 359 + 5e-5  # the digits split has 359 test images; + rounding of 4 digits


def quoted_output(page, name):
    """The ```text block that follows the inclusion of docs/code/<name>.py on the page,
    the same in both languages."""
    blocks = []
    for d in (KO, EN):
        text = (d / page).read_text(encoding="utf-8")
        after = text.split(f'--8<-- "code/{name}.py"', 1)[1]
        m = re.search(r"^```text\n(.*?)^```", after, re.S | re.M)
        assert m, f"{d.parent.name}/{page}: no output block after {name}.py"
        blocks.append(m[1].strip().splitlines())
    assert blocks[0] == blocks[1], f"{page}: the two languages quote different output of {name}.py"
    return blocks[0]


def assert_prints_what_the_page_quotes(name, page, printed, rel=0.0, absolute=0.0, labels=()):
    """Same lines and text as the page's block; each number within the absolute
    tolerance of the first (regex, tolerance) in labels whose regex matches the text
    just before it, and otherwise within max(rel * |quoted|, absolute)."""
    quoted = quoted_output(page, name)
    assert len(printed) == len(quoted), (printed, quoted)
    for want, got in zip(quoted, printed):
        assert NUMBER.split(want) == NUMBER.split(got), (want, got)  # the text around the numbers
        for m, n in zip(NUMBER.finditer(want), NUMBER.findall(got)):
            before = want[:m.start()]
            allowed = next((t for rx, t in labels if re.search(rx + "$", before)),
                           max(absolute, rel * abs(float(m[0]))))
            assert abs(float(n) - float(m[0])) <= allowed, f"{name}: page says {want!r}, program printed {got!r}"


def last_number(lines, label):
    m = re.fullmatch(rf"{label}:? ([0-9.eE+-]+)", lines[-1])
    assert m, f"unexpected last line: {lines[-1]!r}"
    return float(m[1])


# --- line counts stated in the pages ------------------------------------------------

def code_lines(lines):
    """What the pages count: lines that are neither blank nor only a comment."""
    return [line for line in lines if line.strip() and not line.strip().startswith("#")]


def section(path, name):
    """The lines between `# --8<-- [start:name]` and `# --8<-- [end:name]`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = [i for i, line in enumerate(lines) if line.strip() == f"# --8<-- [start:{name}]"]
    end = [i for i, line in enumerate(lines) if line.strip() == f"# --8<-- [end:{name}]"]
    assert len(start) == 1 and len(end) == 1 and start[0] < end[0], f"{path.name}: section {name}"
    return lines[start[0] + 1:end[0]]


LINE_COUNTS = [
    # (file, section or None for the whole file, count, page that states it)
    ("numpy_mlp.py", None, 54, "18-numpy-mnist-mlp.md"),
    ("numpy_mlp.py", "forward", 7, "18-numpy-mnist-mlp.md"),
    ("numpy_mlp.py", "backward", 10, "18-numpy-mnist-mlp.md"),
    ("numpy_conv.py", "layer", 33, "18-numpy-mnist-mlp.md"),
    ("numpy_conv.py", "backward", 8, "18-numpy-mnist-mlp.md"),
    ("torch_mlp.py", None, 28, "19-framework-mnist.md"),
    ("keras_mlp.py", None, 17, "19-framework-mnist.md"),
]


@pytest.mark.parametrize("name, part, count, page", LINE_COUNTS)
def test_line_counts_are_what_the_pages_say(name, part, count, page):
    path = CODE / name
    lines = section(path, part) if part else path.read_text(encoding="utf-8").splitlines()
    assert len(code_lines(lines)) == count
    assert f"**{count}줄**" in (KO / page).read_text(encoding="utf-8")
    assert f"**{count} lines**" in (EN / page).read_text(encoding="utf-8")


def test_pages_include_the_code_instead_of_copying_it():
    for page, files in [("18-numpy-mnist-mlp.md", ["numpy_mlp.py", "numpy_mlp.py:backward", "numpy_conv.py"]),
                        ("19-framework-mnist.md", ["torch_mlp.py", "torch_cnn.py", "last_layer.py", "bce_mse.py", "keras_mlp.py"]),
                        ("20-gpus.md", ["ddp_example.py", "gpu_memory.py", "token_accumulation.py"])]:
        for d in (KO, EN):
            text = (d / page).read_text(encoding="utf-8")
            for f in files:
                assert f'--8<-- "code/{f}"' in text, f"{d.parent.name}/{page} does not include {f}"


# --- 18: numpy MLP and convolution -----------------------------------------------------

def test_numpy_mlp_reaches_95_percent_on_digits():
    lines = run("numpy_mlp")
    assert last_number(lines, "test accuracy") >= 0.95


def relative_error(a, b):
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300)


def central_difference(f, x, eps=1e-6):
    # The test's own oracle, written independently of numpy_conv.numerical_gradient
    # on purpose: a check must not share the code it checks.
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


def test_numpy_mlp_backward_matches_numerical_gradient():
    mlp = module("numpy_mlp")
    rng = np.random.default_rng(1)
    params = mlp.init_params(6, 5, 3, rng)
    params = {k: v + rng.normal(0, 0.1, v.shape) for k, v in params.items()}  # non-zero biases too
    X, y = rng.normal(size=(7, 6)), rng.integers(0, 3, 7)
    h, a, p = mlp.forward(params, X)
    grads = mlp.backward(params, X, y, h, a, p)
    assert set(grads) == set(params)
    for k in params:
        numeric = central_difference(lambda: mlp.cross_entropy(mlp.forward(params, X)[2], y), params[k])
        assert grads[k].shape == params[k].shape
        assert relative_error(grads[k], numeric) < 1e-6, k


def direct_convolution(x, w, b, pad):
    """Cross-correlation with zero padding and stride 1, written as plain loops."""
    N, C, H, W = x.shape
    F, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.zeros((N, F, H + 2 * pad - kh + 1, W + 2 * pad - kw + 1))
    for n, f, i, j in np.ndindex(out.shape):
        out[n, f, i, j] = np.sum(xp[n, :, i:i + kh, j:j + kw] * w[f]) + b[f]
    return out


CONV_CASES = [((2, 3, 5, 5), (4, 3, 3, 3), 1), ((1, 2, 4, 6), (3, 2, 2, 3), 0), ((3, 1, 8, 8), (2, 1, 3, 3), 1)]


@pytest.mark.parametrize("x_shape, w_shape, pad", CONV_CASES)
def test_conv_forward_is_a_convolution(x_shape, w_shape, pad):
    conv = module("numpy_conv")
    rng = np.random.default_rng(2)
    x, w, b = rng.normal(size=x_shape), rng.normal(size=w_shape), rng.normal(size=w_shape[0])
    out, _ = conv.conv_forward(x, w, b, pad)
    np.testing.assert_allclose(out, direct_convolution(x, w, b, pad), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("x_shape, w_shape, pad", CONV_CASES)
def test_conv_backward_matches_central_differences(x_shape, w_shape, pad):
    conv = module("numpy_conv")
    rng = np.random.default_rng(3)
    x, w, b = rng.normal(size=x_shape), rng.normal(size=w_shape), rng.normal(size=w_shape[0])

    def loss():  # not linear in (x, w, b) jointly, so dloss/dout depends on the output
        return 0.5 * np.sum(conv.conv_forward(x, w, b, pad)[0] ** 2)

    out, cache = conv.conv_forward(x, w, b, pad)
    dx, dw, db = conv.conv_backward(out, w, cache, pad)  # dloss/dout = out
    for analytic, param in ((dx, x), (dw, w), (db, b)):
        assert analytic.shape == param.shape
        assert relative_error(analytic, central_difference(loss, param)) < 1e-7


def test_numpy_conv_program_checks_its_gradients():
    lines = run("numpy_conv")
    assert last_number(lines, r"max relative error \(dx, dw, db\)") < 1e-7


# --- 19: PyTorch ----------------------------------------------------------------------

@pytest.mark.parametrize("setting", TORCH_SETTINGS)
@pytest.mark.parametrize("name", ["torch_mlp", "torch_cnn"])
def test_torch_programs_print_the_quoted_accuracy_under_any_kernels(name, setting):
    need_torch()
    out = run(name, env=setting)
    assert last_number(out, "test accuracy") >= 0.95
    # losses within 10%, accuracy within one test image of the page, in both settings
    assert_prints_what_the_page_quotes(name, "19-framework-mnist.md", out, rel=0.1,
                                       labels=[(r"test accuracy: ", ONE_TEST_IMAGE), (r"parameters: ", 0)])


def test_keras_version_trains_the_same_mlp():
    # Keras 3 on the PyTorch backend (requirements-test.txt pins it); like a missing
    # PyTorch, a missing Keras fails in CI and skips on a developer's machine.
    need_torch()
    if importlib.util.find_spec("keras") is None:  # not imported here: that needs its backend chosen
        if os.environ.get("CI") == "true":
            pytest.fail("Keras is not installed (CI installs requirements-test.txt, which pins it)")
        pytest.skip("Keras is not installed: keras_mlp.py is not run")
    out = run("keras_mlp", env={"KERAS_BACKEND": "torch"})
    assert last_number(out, "test accuracy") >= 0.95
    quoted = re.search(r"`test accuracy: ([0-9.]+)`", (KO / "19-framework-mnist.md").read_text(encoding="utf-8"))
    assert abs(last_number(out, "test accuracy") - float(quoted[1])) <= ONE_TEST_IMAGE


def test_which_loss_expects_what():
    torch = need_torch()
    last = module("last_layer")
    ce, nll = last.multiclass()
    assert ce == pytest.approx(nll, abs=1e-6)  # CrossEntropyLoss = NLLLoss after log-softmax
    wrong, right, bound = last.double_softmax(k=10)
    assert right < 1e-6 and wrong == pytest.approx(bound, abs=1e-5) and bound == pytest.approx(1.4612, abs=1e-4)
    a, b = last.binary(torch.tensor([-1.0, 0.5, 3.0]), torch.tensor([0.0, 1.0, 1.0]))
    assert a == pytest.approx(b, abs=1e-6)
    a, b = last.binary(torch.tensor([40.0]), torch.tensor([0.0]))
    assert a == pytest.approx(40.0, abs=1e-4) and b == pytest.approx(100.0)  # BCELoss clamps log at -100


@pytest.mark.parametrize("setting", TORCH_SETTINGS)
def test_last_layer_program_prints_what_the_page_quotes(setting):
    need_torch()
    out = run("last_layer", env=setting)
    assert "BCELoss(sigmoid) 100.0" in out[-1]
    assert_prints_what_the_page_quotes("last_layer", "19-framework-mnist.md", out)  # digit for digit


def test_bce_training_with_mse_logged_on_the_side():
    torch = need_torch()
    bce_mse = module("bce_mse")

    # the logged MSE is the MSE of the probabilities, outside the graph
    logits = torch.tensor([-2.0, 0.0, 3.0], requires_grad=True)
    y = torch.tensor([0.0, 1.0, 1.0])
    mse = bce_mse.mse_of_probabilities(logits, y)
    assert not mse.requires_grad and mse.grad_fn is None
    assert mse.item() == pytest.approx(((torch.sigmoid(logits.detach()) - y) ** 2).mean().item())

    # watching the MSE does not change training: same parameters with and without it
    watched, history = bce_mse.train(epochs=4, watch_mse=True)
    unwatched, _ = bce_mse.train(epochs=4, watch_mse=False)
    for p, q in zip(watched.parameters(), unwatched.parameters()):
        assert torch.equal(p, q)
    assert history[-1]["train_mse"] < history[0]["train_mse"]
    assert history[-1]["test_mse"] < history[0]["test_mse"]


@pytest.mark.parametrize("setting", TORCH_SETTINGS)
def test_bce_mse_program_reports_test_metrics(setting):
    need_torch()
    out = run("bce_mse", env=setting)
    m = re.fullmatch(r"test bce ([0-9.]+) mse ([0-9.]+) accuracy ([0-9.]+)", out[-1])
    assert m, out[-1]
    bce, mse, acc = map(float, m.groups())
    assert acc >= 0.95 and mse < 0.05 and mse < bce
    assert_prints_what_the_page_quotes("bce_mse", "19-framework-mnist.md", out, rel=0.1,
                                       labels=[(r"accuracy ", ONE_TEST_IMAGE)])


# --- 20: DistributedDataParallel and memory ------------------------------------------

def test_ddp_two_processes_equal_one_process_on_the_whole_batch():
    need_torch()
    ddp = module("ddp_example")
    ranks = ddp.ddp_train(world_size=2, steps=3)  # two processes, gloo, on the CPU
    whole = ddp.single_process_train(steps=3)
    assert ddp.max_difference(ranks[0], ranks[1]) == 0.0  # replicas stay identical
    assert ddp.max_difference(ranks[0], whole) < 1e-6  # = one process on the concatenated batch
    # not vacuous: training on one rank's half alone, or not at all, gives something else
    assert ddp.max_difference(ranks[0], ddp.single_process_train(steps=3, rows=slice(0, 8))) > 1e-3
    assert ddp.max_difference(ranks[0], ddp.make_model().state_dict()) > 1e-3


@pytest.mark.parametrize("setting", TORCH_SETTINGS)
def test_ddp_program_prints_what_the_page_quotes(setting):
    need_torch()
    out = run("ddp_example", env=setting)
    assert_prints_what_the_page_quotes("ddp_example", "20-gpus.md", out, absolute=1e-6)  # rounding errors


@pytest.mark.parametrize("setting", TORCH_SETTINGS)
def test_token_accumulation_program_prints_what_the_page_quotes(setting):
    need_torch()
    out = run("token_accumulation", env=setting)
    # the exact recipe differs from the large batch by float64 rounding alone
    assert_prints_what_the_page_quotes("token_accumulation", "20-gpus.md", out, rel=0.05,
                                       labels=[(r"sum / all tokens: .*= ", 1e-12)])


def test_token_accumulation_recipes_agree_only_when_token_counts_do():
    need_torch()
    acc = module("token_accumulation")
    batches = acc.make_micro_batches()
    full = acc.large_batch_gradient(batches)
    assert acc.relative_difference(acc.accumulated_gradient(batches, "sum / all tokens"), full) < 1e-12
    assert acc.relative_difference(acc.accumulated_gradient(batches, "mean / k"), full) > 0.1
    saved = acc.LENGTHS
    try:  # equal token counts in every micro-batch: mean / k is exact too
        acc.LENGTHS = [[6, 4]] * 4
        batches = acc.make_micro_batches()
        full = acc.large_batch_gradient(batches)
        assert acc.relative_difference(acc.accumulated_gradient(batches, "mean / k"), full) < 1e-12
    finally:
        acc.LENGTHS = saved


def test_gpu_memory_by_hand():
    mem = module("gpu_memory")
    parts, total = mem.model_state_bytes(1000, "adam", "fp32")
    assert parts == {"weights": 4000, "gradients": 4000, "optimizer": 8000} and total == 16000
    assert mem.model_state_bytes(1000, "adam", "mixed")[1] == 16000  # 2 + 2 + 12 bytes
    assert mem.model_state_bytes(1000, "sgd", "fp32")[1] == 8000
    assert mem.model_state_bytes(1000, "momentum", "fp32")[1] == 12000
    assert mem.model_state_bytes(1.5e9, "adam", "mixed")[1] == pytest.approx(24e9)  # ZeRO's GPT-2 example
    assert mem.model_state_bytes(7e9, "adam", "fp32")[1] == pytest.approx(112e9)
    assert mem.gib(112e9) == pytest.approx(104.31, abs=0.01)
    assert mem.mlp_param_count([64, 64, 10]) == 64 * 64 + 64 + 64 * 10 + 10 == 4810
    assert mem.mlp_activation_bytes(32, [64, 64, 10]) == 32 * (64 + 64 + 10) * 4 == 17664
    assert mem.training_memory_bytes(4810, "adam", "fp32", activation_bytes=17664) == 16 * 4810 + 17664
    # Korthikanti et al. eq. 1 for one layer: s*b*h*(34 + 5*a*s/h)
    assert mem.transformer_activation_bytes(2048, 1, 4096, 32, 1) == 2048 * 4096 * (34 + 80)
    assert mem.transformer_activation_bytes(2048, 1, 4096, 32, 32) / 1e9 == pytest.approx(30.6, abs=0.05)


def test_gpu_memory_program_prints_the_worked_examples():
    out = "\n".join(run("gpu_memory"))
    for s in ["4810 parameters", "76960 bytes", "17664 bytes", "mixed-precision Adam: 24 GB",
              "Adam fp32: 112 GB = 104.3 GiB", "Adam mixed: 112 GB = 104.3 GiB", "30.6 GB"]:
        assert s in out


def test_mlp_parameter_count_matches_pytorch():
    torch = need_torch()
    mem = module("gpu_memory")
    model = torch.nn.Sequential(torch.nn.Linear(64, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))
    assert sum(p.numel() for p in model.parameters()) == mem.mlp_param_count([64, 64, 10])


# --- 7: grid vs random search ----------------------------------------------------------

def test_random_search_beats_grid_when_one_hyperparameter_matters():
    lines = run("random_search")
    grid = re.search(r"grid\s*: 9 trials, 3 distinct learning rates.*val loss ([0-9.]+)", lines[0])
    rand = re.search(r"random: 9 trials, 9 distinct learning rates.*val loss ([0-9.]+)", lines[1])
    assert grid and rand, lines
    assert float(rand[1]) < float(grid[1])
    share = float(re.search(r"random beats grid in ([0-9.]+)% of 1000", lines[-1])[1])
    assert 50 < share < 100  # usually, not always: the page says when the grid wins


# --- 9: RBM trained with CD-1 ----------------------------------------------------------

def test_rbm_cd1_raises_the_exact_log_likelihood():
    lines = run("rbm_cd1")
    before = float(re.search(r"before training: (-[0-9.]+)", lines[0])[1])
    after = last_number(lines, "exact log-likelihood after training")
    source = float(re.search(r"sampled from: (-[0-9.]+)", lines[-2])[1])
    assert before == pytest.approx(-6 * np.log(2), abs=0.01)  # near uniform at the start
    assert after > before + 1.5 and abs(after - source) < 0.1
    errors = [float(m[1]) for m in (re.search(r"reconstruction error ([0-9.]+)", s) for s in lines) if m]
    assert errors[-1] < errors[0] / 2


# --- 10: debugging checks -------------------------------------------------------------

@pytest.mark.parametrize("setting", TORCH_SETTINGS)
def test_debug_checks_show_what_the_page_says(setting):
    need_torch()
    lines = run("debug_checks", env=setting)
    assert_prints_what_the_page_quotes("debug_checks", "10-debugging.md", lines, rel=0.05,
                                       labels=[(r"Adam steps: loss ", 1e-4), (r"batch accuracy ", 1 / 32)])
    out = "\n".join(lines)
    init = float(re.search(r"initial loss ([0-9.]+), ln\(10\)", out)[1])
    assert abs(init - np.log(10)) < 0.05
    assert float(re.search(r"300 Adam steps: loss ([0-9.]+)", out)[1]) < 0.01
    assert "gradcheck: float64 True, float32 False" in out
    bug = float(re.search(r"cross_entropy, same 300 steps: loss ([0-9.]+)", out)[1])
    assert bug >= np.log(np.e + 9) - 1 - 1e-6  # the floor the page derives


# --- 11: prototypes on unseen digit classes ----------------------------------------------

def test_prototype_classifier_beats_chance_and_improves_with_shots():
    out = run("prototypes")
    rows = {}
    for line in out:
        m = re.match(r"(raw pixels|PCA|NCA).*?([0-9.]+) ± [0-9.]+\s+([0-9.]+) ±", line)
        if m:
            rows[m[1]] = (float(m[2]), float(m[3]))
    assert set(rows) == {"raw pixels", "PCA", "NCA"}
    for one, five in rows.values():
        assert 0.5 < one < five  # far above chance (0.2); 5-shot beats 1-shot


# --- 14: restarts on a non-convex function ------------------------------------------------

def test_restarts_find_the_global_minimum_more_often_with_more_runs():
    out = run("restarts")
    text = "\n".join(out)
    assert "global minimum: x=-1.3008, f=-3.5139" in text
    runs = int(re.search(r"reach the global minimum: (\d+) / 1000", text)[1])
    assert 300 < runs < 700  # one run is a coin flip between the two basins
    shares = [float(m) for m in re.findall(r"best of +\d+ runs finds the global minimum in ([0-9.]+)%", text)]
    assert shares == sorted(shares) and shares[-1] == 100.0
    ends = re.findall(r"-> ([+-][0-9.]+) +[+-][0-9.]+ +([0-9.]+) +([+-][0-9.]+)", text)
    assert ends and all(float(g) < 1e-6 and float(h) > 0 for _, g, h in ends)  # every run ends at a minimum


# --- 16: batch normalization after training ------------------------------------------------

@pytest.mark.parametrize("setting", TORCH_SETTINGS)
def test_bn_uses_batch_statistics_in_training_and_running_ones_in_eval(setting):
    need_torch()
    lines = run("bn_inference", env=setting)
    # float32 rounding errors (order 1e-7) change with the kernels: within 2e-6 of the page
    assert_prints_what_the_page_quotes("bn_inference", "16-batch-normalization.md", lines, rel=0.05,
                                       absolute=2e-6, labels=[(r"accuracy ", 0.01)])
    out = "\n".join(lines)

    def diff(label):
        return float(re.search(re.escape(label) + r".*?max \|[a-z ]+\|(?: over \d+ inputs)? ([0-9.e+-]+)", out)[1])

    assert float(re.search(r"accuracy ([0-9.]+)", out)[1]) > 0.8
    assert diff("train mode: same sample in two batches") > 0.1  # depends on its batch-mates
    assert diff("eval mode: same sample in two batches") <= 1e-6
    assert diff("eval mode: batch of 1 vs batch of 8") <= 1e-5
    assert "train mode, batch of 1: ValueError" in out
    assert diff("BN folded into the Linear") <= 1e-5
    assert diff("fuse_linear_bn_eval") <= 1e-6


# --- 5: activation functions and their derivatives --------------------------------------

@pytest.mark.parametrize("setting", TORCH_SETTINGS)
def test_activation_derivative_formulas_match_autograd(setting):
    need_torch()
    lines = run("activation_derivatives", env=setting)
    # float64 rounding errors (order 1e-16) change with the kernels; every other number digit for digit
    assert_prints_what_the_page_quotes("activation_derivatives", "05-activation-functions.md", lines,
                                       absolute=1e-15)
    out = "\n".join(lines)
    errors = re.findall(r"^\s+(?:sigmoid|tanh|ReLU|Leaky ReLU|ELU|SiLU|GELU|Mish)\s+([0-9.e+-]+)$", out, re.M)
    assert len(errors) == 8 and all(float(e) < 1e-12 for e in errors)
    jac, rows = re.search(r"max \|formula - autograd\| ([0-9.e+-]+), max \|row sum\| ([0-9.e+-]+)", out).groups()
    assert float(jac) < 1e-12 and float(rows) < 1e-12
    assert "sigma'(0) = 0.2500" in out and "ReLU'(0) in PyTorch autograd: 0.0" in out
    gelu = float(re.search(r"GELU tanh approximation: max \|error\| ([0-9.e+-]+)", out)[1])
    assert abs(gelu - 4.73e-4) < 1e-5
    for name, value in [("SiLU", -0.2785), ("GELU", -0.1700), ("Mish", -0.3088)]:
        assert f"{name}: minimum {value:.4f}" in out


# --- 13: back-propagation by hand -----------------------------------------------------------

def test_backprop_by_hand_matches_finite_differences():
    out = run("backprop_by_hand")
    text = "\n".join(out)
    assert "z1 = 0.0000, a1 = 0.5000, z2 = 1.5000, L = 0.5000" in text
    grads = {m[0]: (float(m[1]), float(m[2]), float(m[3]))
             for m in re.findall(r"^\s+(w2|b2|w1|b1)\s+([0-9.-]+)\s+([0-9.-]+)\s+([0-9.e+-]+)$", text, re.M)}
    assert {k: v[0] for k, v in grads.items()} == {"w2": 0.5, "b2": 1.0, "w1": 1.0, "b1": 0.5}
    assert all(rel < 1e-6 for _, _, rel in grads.values())
    assert last_number(out, r"after one step \(lr 0\.1\): .*L =") < 0.5


# --- 15: selection bias and leakage -----------------------------------------------------------

def test_selection_on_validation_data_is_optimistic():
    text = "\n".join(run("selection_bias", timeout=180))
    num = lambda pattern: float(re.search(pattern, text)[1])  # noqa: E731
    assert num(r"train acc ([0-9.]+)") == 1.0 and abs(num(r"test acc ([0-9.]+)") - 0.5) < 0.03
    best_val, fresh = num(r"best validation acc: mean ([0-9.]+)"), num(r"fresh test points: mean ([0-9.]+)")
    assert best_val >= 0.6 and best_val - fresh > 0.1 and abs(fresh - 0.5) < 0.03
    best_cv, nested = num(r"best CV score \(mean\): ([0-9.]+)"), num(r"nested CV score \(mean\): ([0-9.]+)")
    assert best_cv - nested > 0.07 and abs(nested - 0.5) < 0.05
    assert num(r"before CV \(mean\): ([0-9.]+)") > 0.75 and num(r"inside a Pipeline \(mean\):\s+([0-9.]+)") < 0.6


# --- 4: feature scale and gradient descent ----------------------------------------------------

def test_standardizing_fixes_the_condition_number():
    out = run("scaling_gd")
    rows = [line.split() for line in out if re.match(r"\s*\d+\s+\d+\s+\|", line)]
    assert len(rows) == 5
    raw_iters = []
    for scale, mean, _, cond_raw, iters_raw, bound, _, cond_std, iters_std in rows:
        assert float(cond_std) < 1.5 and int(iters_std) <= 10
        if mean == "0":
            raw_iters.append(iters_raw)
        if not iters_raw.startswith(">"):
            assert int(iters_raw) <= float(bound)
    assert raw_iters[-1] == ">100000"
    assert [int(i) for i in raw_iters[:-1]] == sorted(int(i) for i in raw_iters[:-1])
    assert float(rows[4][3]) > 100  # a shifted mean alone makes it ill-conditioned
