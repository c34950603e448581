"""Answer code of questions 7 and 10 does what its pages say (the toy loss bound, the update ratio).

Kept apart from test_code.py; its helpers (run, need_torch, the docs/code path) are reused.
"""
import math
import re

import numpy as np
import pytest

from test_code import CODE, EN, KO, code_on_path, module, need_torch, run  # noqa: F401  (fixture)

Q7 = "07-hyperparameters.md"
Q10 = "10-debugging.md"


# --- 7: how much the "unimportant" hyperparameter moves the toy loss --------------------

def test_dropout_moves_the_toy_loss_by_what_the_code_and_pages_say():
    rs = module("random_search")
    v = np.linspace(*rs.V_RANGE, 100001)
    spread = rs.val_loss(rs.U_BEST, v).max() - rs.val_loss(rs.U_BEST, v).min()
    assert spread == pytest.approx(0.0009)  # 0.01 * (0 - 0.3)**2, at v = 0
    stated = re.search(r"v changes the loss by at most ([0-9]+(?:\.[0-9]+)?)", rs.val_loss.__doc__)
    assert stated and float(stated[1]) == pytest.approx(spread), rs.val_loss.__doc__
    assert "최대 0.0009" in (KO / Q7).read_text(encoding="utf-8")
    assert "at most 0.0009" in (EN / Q7).read_text(encoding="utf-8")
    for page in (KO / Q7, EN / Q7):
        assert "0.0004" not in page.read_text(encoding="utf-8"), page


# --- 10: the update-to-weight ratio with biases that start at zero ---------------------

def test_update_ratio_is_undefined_not_infinite_for_zero_biases():
    torch = need_torch()
    ts = module("training_stats")
    model = ts.make_model()
    assert all(float(p.detach().norm()) == 0 for n, p in model.named_parameters() if n.endswith("bias"))
    torch.manual_seed(1)
    xb, yb = torch.rand(8, 64), torch.arange(8) % 10
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    grads, ratios = ts.step(model, optimizer, xb, yb)
    for name, ratio in ratios.items():
        if name.endswith("bias"):
            assert ratio is None, (name, ratio)  # ||W|| was 0: no ratio, and no division by 0
        else:
            # SGD: the change is lr * gradient, so the ratio is lr * ||g|| / ||W||
            assert math.isfinite(ratio) and 0 < ratio < 0.1, (name, ratio)
    grads, ratios = ts.step(model, optimizer, xb, yb)  # biases are no longer 0
    assert all(r is not None and math.isfinite(r) for r in ratios.values()), ratios


def test_training_stats_program_prints_what_the_pages_quote():
    need_torch()
    out = "\n".join(run("training_stats"))
    assert not re.search(r"\b(inf|nan)\b", out, re.I), out
    assert out.count("undefined (all zeros before the step)") == 2  # the two biases, step 1
    ratios = [float(r) for r in re.findall(r"weight\s+[0-9.]+\s+([0-9.e+-]+)", out)]
    assert len(ratios) == 4 and all(1e-4 < r < 1e-1 for r in ratios), out
    for page in (KO / Q10, EN / Q10):
        text = page.read_text(encoding="utf-8")
        assert '--8<-- "code/training_stats.py"' in text, page
        quoted = re.search(r"```text\n(step 1:.*?)```", text, re.S)
        assert quoted and quoted[1].strip() == out.strip(), page
