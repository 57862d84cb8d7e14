"""The decision policy (io.wakestream.ftm.core.DecisionPolicy's parameters): for each set of present stages, a
logistic regression over the logits of their scores, fitted on the validation voices' detections, with a
threshold chosen on them too (the product's operating point: the lowest FRR at <= 0.5 false accepts per hour of
the validation streams; see train.py)."""
import itertools

import numpy as np
import torch

from .metrics import TPR, threshold_at_tpr

EPS = 1e-4  # = DecisionPolicy.EPS: scores are clipped before the logit
STAGES = ("wakeword", "kws", "ftm")


def logit(p):
    p = np.clip(np.asarray(p, np.float64), EPS, 1 - EPS)
    return np.log(p / (1 - p))


def presence_sets():
    """Every set of present stages a decision can meet: wakeword with any of the others, in stage order."""
    return [("wakeword",) + tuple(s for s, on in zip(("kws", "ftm"), flags) if on)
            for flags in itertools.product((False, True), repeat=2)]


def fit_logistic(x, y, l2=1e-2, steps=500):
    """(bias, weights) of an L2-regularised logistic regression, by L-BFGS on the mean log loss."""
    x, y = torch.tensor(x, dtype=torch.float64), torch.tensor(y, dtype=torch.float64)
    w = torch.zeros(x.shape[1] + 1, dtype=torch.float64, requires_grad=True)
    optimiser = torch.optim.LBFGS([w], max_iter=steps, line_search_fn="strong_wolfe")

    def closure():
        optimiser.zero_grad()
        z = w[0] + x @ w[1:]
        loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y) + l2 * (w[1:] ** 2).sum()
        loss.backward()
        return loss

    optimiser.step(closure)
    values = w.detach().numpy()
    return float(values[0]), values[1:].tolist()


def combine(combination, scores):
    """Combined probabilities of {stage: scores} under one combination {"bias", "weights"}."""
    z = combination["bias"] + sum(weight * logit(scores[stage]) for stage, weight in combination["weights"].items())
    return 1 / (1 + np.exp(-z))


def fit(scores, labels, threshold_of=None):
    """The manifest's architecture.policy from validation {stage: scores} and labels; threshold_of(combined scores)
    gives each combination's threshold (default: the one that keeps 99 % of the true triggers)."""
    threshold_of = threshold_of or (lambda combined: threshold_at_tpr(combined[labels == 1], TPR))
    policy = {}
    for stages in presence_sets():
        x = np.stack([logit(scores[s]) for s in stages], axis=1)
        bias, weights = fit_logistic(x, labels)
        combination = {"bias": round(bias, 6), "weights": {s: round(w, 6) for s, w in zip(stages, weights)}}
        combined = combine(combination, scores)
        combination["threshold"] = round(min(1.0, max(0.0, threshold_of(combined) - 1e-9)), 9)
        policy["+".join(stages)] = combination
    return policy
