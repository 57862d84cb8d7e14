"""Interpolated modified Kneser-Ney n-gram estimation (Chen & Goodman, 1998), written for this project.

Notation (order N, an n-gram g = h + (w,) of k words, h its history, h' = h[1:]):

- Counts come from sentences padded as <s> w1 ... wn </s>; every window of length k <= N is an
  n-gram of order k (so an order-k n-gram may start with <s>, and </s> ends sentences).
- Adjusted counts a(g): the raw count c(g) at the highest order and for n-grams that start with
  <s> (nothing can stand left of <s>); otherwise the continuation count N1+(. g), the number of
  distinct words x with c(x + g) > 0 (Kneser & Ney's idea: a lower order answers "how many
  contexts does g follow", not "how often").
- Discounts per order from the counts of counts n_j of the adjusted counts of that order:
  Y = n1 / (n1 + 2 n2), D1 = 1 - 2 Y n2/n1, D2 = 2 - 3 Y n3/n2, D3+ = 3 - 4 Y n4/n3, each kept
  within [0, j] (defaults 0.5, 1.0, 1.5 where a count of counts is zero, as in toy corpora).
- p_k(w | h) = max(a(hw) - D(a(hw)), 0) / T(h) + gamma(h) p_{k-1}(w | h'),
  T(h) = sum_w a(hw), gamma(h) = (D1 N1(h.) + D2 N2(h.) + D3+ N3+(h.)) / T(h), where Nj(h.) counts
  the words w with a(hw) = j (3+: >= 3). A history never seen (T = 0) backs off entirely:
  p_k(w | h) = p_{k-1}(w | h'). The recursion ends in the uniform distribution over the
  vocabulary V (every word but <s>): p_1(w) = max(a(w) - D, 0) / T + gamma / |V|.

The back-off (ARPA) form lists, per order, the seen n-grams with p_k, and for each listed history
its back-off weight bow(h) = (1 - sum_{hw listed} p(w|h)) / (1 - sum_{hw listed} P(w|h')), with P
the back-off model of the lower orders. Without pruning bow(h) = gamma(h) exactly; with pruning
(dropping highest-order singletons) the formula keeps every distribution summing to one.
"""
import collections
import math

BOS, EOS, UNK = "<s>", "</s>", "<unk>"
DEFAULT_DISCOUNTS = (0.5, 1.0, 1.5)


def padded(words):
    return (BOS, *words, EOS)


def raw_counts(sentences, order):
    """[Counter per order 1..N] of the n-grams of the padded sentences (tuples of words)."""
    counts = [collections.Counter() for _ in range(order)]
    for words in sentences:
        tokens = padded(words)
        for k in range(1, order + 1):
            table = counts[k - 1]
            for i in range(len(tokens) - k + 1):
                table[tokens[i:i + k]] += 1
    return counts


def adjusted_counts(raw):
    """[dict per order] of Kneser-Ney adjusted counts (see the module's notes)."""
    order = len(raw)
    adjusted = [None] * order
    adjusted[order - 1] = dict(raw[order - 1])
    for k in range(order - 1, 0, -1):
        continuation = collections.Counter(gram[1:] for gram in raw[k])
        adjusted[k - 1] = {gram: (count if gram[0] == BOS else continuation[gram]) for gram, count in raw[k - 1].items()}
    return adjusted


def discounts(adjusted_order):
    """(D1, D2, D3+) from the counts of counts of one order's adjusted counts (<s> alone left out)."""
    n = collections.Counter(min(c, 5) for gram, c in adjusted_order.items() if gram != (BOS,) and c > 0)
    n1, n2, n3, n4 = n[1], n[2], n[3], n[4]
    if not (n1 and n2 and n3 and n4):
        return DEFAULT_DISCOUNTS
    y = n1 / (n1 + 2 * n2)
    values = (1 - 2 * y * n2 / n1, 2 - 3 * y * n3 / n2, 3 - 4 * y * n4 / n3)
    return tuple(min(max(d, 0.0), float(j)) for j, d in zip((1, 2, 3), values))


def _discount(d, count):
    return d[min(count, 3) - 1] if count > 0 else 0.0


class KneserNey:
    """The interpolated model over a vocabulary; `prob(w, history)` is p_N(w | last N-1 words)."""

    def __init__(self, sentences, order=3, vocabulary=(), fixed_discounts=None):
        """sentences: word lists (already mapped to the vocabulary, OOVs as <unk>); vocabulary: further words
        that get a probability without being seen (<unk> and </s> always do); fixed_discounts: one (D1, D2, D3+)
        for every order instead of the estimates (tests)."""
        if order < 1:
            raise ValueError("order must be at least 1")
        self.order = order
        self.raw = raw_counts(sentences, order)
        self.adjusted = adjusted_counts(self.raw)
        words = {g[0] for g in self.raw[0]} | set(vocabulary) | {EOS, UNK}
        words.discard(BOS)
        self.vocabulary = sorted(words)  # V: what can be predicted
        self.discounts = [tuple(fixed_discounts) if fixed_discounts else discounts(a) for a in self.adjusted]
        # per order k and history h: T(h), and gamma(h)
        self.totals, self.gammas = [], []
        for k, table in enumerate(self.adjusted, start=1):
            total = collections.Counter()
            buckets = collections.defaultdict(lambda: [0, 0, 0])
            for gram, count in table.items():
                if k == 1 and gram == (BOS,):
                    continue
                total[gram[:-1]] += count
                if count > 0:
                    buckets[gram[:-1]][min(count, 3) - 1] += 1
            d = self.discounts[k - 1]
            self.totals.append(total)
            self.gammas.append({h: sum(di * ni for di, ni in zip(d, buckets[h])) / t for h, t in total.items() if t > 0})

    def prob(self, word, history=()):
        """p(word | history): the interpolated estimate of the highest order the history allows."""
        history = tuple(history)[-(self.order - 1):] if self.order > 1 else ()
        return self._prob(word, history)

    def _prob(self, word, history):
        k = len(history) + 1
        if k == 1:
            lower = 1.0 / len(self.vocabulary)
        else:
            lower = self._prob(word, history[1:])
        total = self.totals[k - 1].get(history, 0)
        if total == 0:
            return lower
        count = self.adjusted[k - 1].get(history + (word,), 0)
        d = self.discounts[k - 1]
        return max(count - _discount(d, count), 0.0) / total + self.gammas[k - 1][history] * lower

    def listed(self, prune_singletons=False):
        """[{gram: p}] per order: the n-grams an ARPA file lists with their interpolated probabilities.

        Every vocabulary word at order 1 (<s> too, which is never predicted: probability 0), the seen
        n-grams at higher orders; prune_singletons drops highest-order n-grams seen once (order > 1).
        """
        result = [{(w,): self._prob(w, ()) for w in self.vocabulary}]
        result[0][(BOS,)] = 0.0
        for k in range(2, self.order + 1):
            table = self.raw[k - 1]
            prune = prune_singletons and k == self.order
            result.append({gram: self._prob(gram[-1], gram[:-1]) for gram in table
                           if not (prune and table[gram] == 1)})
        return result


def backoff_weights(listed):
    """[{history: bow}] per order 1..N-1 for a listed model, so each back-off distribution sums to one.

    bow(h) = (1 - sum_{hw listed} p(hw)) / (1 - sum_{hw listed} P(w | h')) for every listed h that is
    the history of a listed n-gram; other listed n-grams get bow 1.
    """
    order = len(listed)
    bows = [dict.fromkeys(table, 1.0) for table in listed[:-1]]
    for k in range(2, order + 1):
        followers = collections.defaultdict(list)
        for gram in listed[k - 1]:
            followers[gram[:-1]].append(gram)
        for history, grams in followers.items():
            numerator = 1.0 - sum(listed[k - 1][g] for g in grams)
            denominator = 1.0 - sum(backoff_prob(listed, bows, g[-1], history[1:]) for g in grams)
            if history not in bows[k - 2]:
                raise ValueError(f"n-gram {grams[0]} is listed but its history {history} is not")
            bows[k - 2][history] = numerator / denominator if denominator > 1e-12 and numerator > 0 else 1.0
    return bows


def backoff_prob(listed, bows, word, history):
    """P(word | history) of the back-off model: the longest listed n-gram, times the skipped histories' bows."""
    history = tuple(history)
    weight = 1.0
    while True:
        gram = history + (word,)
        p = listed[len(gram) - 1].get(gram)
        if p is not None:
            return weight * p
        if not history:
            return 0.0
        weight *= bows[len(history) - 1].get(history, 1.0)
        history = history[1:]
