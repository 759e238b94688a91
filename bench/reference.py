"""Python timings for `npm run bench`: the same tasks, with NumPy and scikit-learn.

Reads one JSON task description on stdin, prints {"name": median_ms, ...} on stdout.
Needs Debian's python3-numpy and python3-sklearn; the bench skips this column without them.
"""
import json
import sys
import time

import numpy as np


def median_ms(fn, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2]


def knn_plain(train_x, train_y, queries, k):
    out = []
    for q in queries:
        dists = sorted(
            (sum((a - b) ** 2 for a, b in zip(p, q)) ** 0.5, label) for p, label in zip(train_x, train_y)
        )
        labels = [label for _, label in dists[:k]]
        out.append(max(set(labels), key=labels.count))
    return out


task = json.load(sys.stdin)
kind = task["kind"]
result = {}
if kind == "knn":
    from sklearn.neighbors import KNeighborsClassifier

    X = np.array(task["train_x"])
    y = np.array(task["train_y"])
    Q = np.array(task["queries"])
    k = task["k"]
    for name, algorithm in (("scikit-learn brute", "brute"), ("scikit-learn k-d tree", "kd_tree")):
        def run(algorithm=algorithm):
            KNeighborsClassifier(n_neighbors=k, algorithm=algorithm).fit(X, y).predict(Q)
        run()
        result[name] = median_ms(run, task["repeats"])
    if task.get("plain_python"):
        tx, ty, q = X.tolist(), y.tolist(), Q.tolist()[: task["plain_python"]]
        scale = len(Q) / len(q)
        result["plain Python"] = median_ms(lambda: knn_plain(tx, ty, q, k), 1) * scale
elif kind == "line":
    x = np.array(task["xs"])
    y = np.array(task["ys"])
    from sklearn.linear_model import LinearRegression

    result["numpy.polyfit"] = median_ms(lambda: np.polyfit(x, y, 1), task["repeats"])
    result["scikit-learn"] = median_ms(lambda: LinearRegression().fit(x.reshape(-1, 1), y), task["repeats"])
elif kind == "network":
    X = np.array(task["inputs"])
    T = np.array(task["targets"])
    sizes = task["layers"]
    epochs = task["epochs"]
    lr = task["learning_rate"]

    def train():
        rng = np.random.default_rng(1)
        W1 = rng.uniform(-1, 1, (sizes[0], sizes[1]))
        b1 = np.zeros(sizes[1])
        W2 = rng.uniform(-1, 1, (sizes[1], sizes[2]))
        b2 = np.zeros(sizes[2])
        n = len(X)
        for _ in range(epochs):
            h = np.tanh(X @ W1 + b1)
            o = 1 / (1 + np.exp(-(h @ W2 + b2)))
            d_o = 2 * (o - T) / (n * sizes[2]) * o * (1 - o)
            d_h = (d_o @ W2.T) * (1 - h * h)
            W2 -= lr * h.T @ d_o
            b2 -= lr * d_o.sum(0)
            W1 -= lr * X.T @ d_h
            b1 -= lr * d_h.sum(0)

    result["NumPy (vectorised)"] = median_ms(train, task["repeats"])
print(json.dumps(result))
