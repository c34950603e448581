"""The site's figures: one module per question (qNN_topic.py), each with a
FIGURES dict (SVG file name -> function returning a matplotlib Figure), and
style.py for what they share. FIGURES below is the registry that
scripts/content/figures.py draws and tests/test_figures.py checks.

A function that takes `phone` also draws the figure's phone layout
(style.py: phone variants), listed in PHONE.

A new figure: a function in its question's module (or a new module, added to
MODULES), listed in that module's FIGURES.
"""
import inspect

from . import style  # noqa: F401  (first: selects the Agg backend)
from . import (q02_labels, q04_normalization, q05_activations, q06_overfitting, q07_hyperparameters,
               q08_initialization, q09_boltzmann, q12_relu, q13_gradient_descent, q14_local_minima,
               q15_regularization, q16_batch_norm, q17_optimizers)

MODULES = (q02_labels, q04_normalization, q05_activations, q06_overfitting, q07_hyperparameters,
           q08_initialization, q09_boltzmann, q12_relu, q13_gradient_descent, q14_local_minima,
           q15_regularization, q16_batch_norm, q17_optimizers)

FIGURES = {}
for _module in MODULES:
    for _name, _draw in _module.FIGURES.items():
        if _name in FIGURES:
            raise ValueError(f"{_module.__name__}: figure {_name} is already drawn by another module")
        FIGURES[_name] = _draw

PHONE = sorted(name for name, draw in FIGURES.items() if "phone" in inspect.signature(draw).parameters)
