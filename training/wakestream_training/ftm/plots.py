"""The ROC plot of a published model: false triggers accepted against true triggers accepted, every system."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from .metrics import roc  # noqa: E402


def write_roc(path, systems, labels, title):
    figure, axis = plt.subplots(figsize=(6.5, 5))
    for name, scores in systems.items():
        fpr, tpr = roc(scores, labels)
        axis.plot(fpr, tpr, label=name, linewidth=1.4)
    axis.axhline(0.99, color="grey", linestyle=":", linewidth=1)
    axis.set_xlabel("false triggers accepted (share)")
    axis.set_ylabel("true triggers accepted (share)")
    axis.set_ylim(0.8, 1.001)
    axis.set_title(title, fontsize=9)
    axis.legend(fontsize=7, loc="lower right")
    axis.grid(alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
