"""Question 2 (cost and activation functions): what a label is."""
import matplotlib.pyplot as plt

from .style import BLUE, GREEN, GREY, arrow, box


def cats_label_vs_ground_truth():
    """An ambiguous input (actor in cat make-up) whose ground truth is chosen by us,
    next to an unambiguous input whose label is simply the obvious answer."""
    fig, ax = plt.subplots(figsize=(9.5, 4.6))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 5.6)
    ax.axis("off")

    # Row 1: ambiguous image, two plausible answers, one chosen as ground truth.
    ax.text(0.05, 5.35, "ambiguous input", size=12, weight="bold", va="center")
    box(ax, (0.1, 3.2), 2.6, 1.3, "image:\nactor in cat make-up\n(film \"Cats\")",
         fc="#f2f2f2")
    box(ax, (3.7, 4.15), 1.5, 0.7, "cat?", ls="--")
    box(ax, (3.7, 2.85), 1.5, 0.7, "person?", ls="--", color="#555555", ec=GREY)
    arrow(ax, (2.75, 4.0), (3.65, 4.45))
    arrow(ax, (2.75, 3.7), (3.65, 3.2), color=GREY)
    box(ax, (6.2, 3.65), 3.6, 1.3, "ground truth (chosen):\ncat", fc="#d9ecf7", ec=BLUE,
         lw=2.5, weight="bold", size=12)
    arrow(ax, (5.25, 4.45), (6.15, 4.3), color=BLUE)
    ax.text(8.0, 3.35, "what we decide the model\nshould predict", ha="center", va="top",
            size=10, color="#333333")

    ax.plot([0.05, 9.95], [2.05, 2.05], color="#cccccc", lw=1)

    # Row 2: unambiguous image, the label is the answer everybody agrees on.
    ax.text(0.05, 1.75, "unambiguous input", size=12, weight="bold", va="center")
    box(ax, (0.1, 0.2), 2.6, 1.1, "image:\nphoto of a dog", fc="#f2f2f2")
    box(ax, (6.2, 0.2), 3.6, 1.1, "label: dog", fc="#e0f3ec", ec=GREEN, lw=2.5,
         weight="bold", size=12)
    arrow(ax, (2.75, 0.75), (6.15, 0.75), color=GREEN)
    ax.text(4.45, 0.9, "one clear answer", ha="center", va="bottom", size=10, color="#333333")
    return fig


FIGURES = {
    "cats-label-vs-ground-truth.svg": cats_label_vs_ground_truth,
}
