#!/usr/bin/env python3
"""Independent pure-Python reference for the autoencoder tests (no numpy, no Keras needed).

Re-implements, straight from the formulas, what DenseAutoencoder documents:
  * .NET's seeded System.Random (the legacy Knuth subtractive generator behind `new Random(seed)`),
  * Glorot-uniform kernels ((2u - 1) * sqrt(6 / (fan_in + fan_out)), layer by layer, row-major), zero biases,
  * per-epoch Fisher-Yates shuffles (j = Next(i + 1) for i = n-1 .. 1) of the running permutation,
  * mini-batches, MSE loss, back-propagation in plain loops (no fused multiply-add, other summation order),
  * Keras 3's Adam, and Keras's epoch loss (batch losses weighted by batch size).
Run from the repository root:  python3 tests/SmartPulse.Analysis.Tests/Autoencoder/make_autoencoder_reference.py
It prints the values pasted into ReferenceTrainingTests.cs.
"""
import csv
import math
import struct

MBIG = 2147483647
MSEED = 161803398


class DotNetRandom:
    """System.Random(seed) (Net5CompatSeedImpl): Sample() = InternalSample() / int.MaxValue."""

    def __init__(self, seed):
        self.seed_array = [0] * 56
        subtraction = MBIG if seed == -2147483648 else abs(seed)
        mj = MSEED - subtraction
        self.seed_array[55] = mj
        mk = 1
        ii = 0
        for i in range(1, 55):
            ii += 21
            if ii >= 55:
                ii -= 55
            self.seed_array[ii] = mk
            mk = mj - mk
            if mk < 0:
                mk += MBIG
            mj = self.seed_array[ii]
        for _ in range(1, 5):
            for i in range(1, 56):
                n = i + 30
                if n >= 55:
                    n -= 55
                self.seed_array[i] -= self.seed_array[1 + n]
                if self.seed_array[i] < 0:
                    self.seed_array[i] += MBIG
        self.inext = 0
        self.inextp = 21

    def internal_sample(self):
        loc_inext = self.inext + 1
        if loc_inext >= 56:
            loc_inext = 1
        loc_inextp = self.inextp + 1
        if loc_inextp >= 56:
            loc_inextp = 1
        ret = self.seed_array[loc_inext] - self.seed_array[loc_inextp]
        if ret == MBIG:
            ret -= 1
        if ret < 0:
            ret += MBIG
        self.seed_array[loc_inext] = ret
        self.inext = loc_inext
        self.inextp = loc_inextp
        return ret

    def next_double(self):
        return self.internal_sample() * (1.0 / MBIG)

    def next(self, max_value):
        return int(self.next_double() * max_value)


def load_mall_standardised():
    with open("data/Mall_Customers.csv", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    cols = [header.index(c) for c in ("Age", "Annual Income (k$)", "Spending Score (1-100)")]
    data = [[float(r[c]) for c in cols] for r in body]
    n = len(data)
    for j in range(3):
        mean = sum(r[j] for r in data) / n
        std = math.sqrt(sum((r[j] - mean) ** 2 for r in data) / n)
        for r in data:
            r[j] = (r[j] - mean) / std
    return data


def relu(z):
    return z if z > 0 else 0.0


def train(data, seed, epochs, batch, layers, lr=0.001, b1=0.9, b2=0.999, eps=1e-7):
    rng = DotNetRandom(seed)
    d = len(data[0])
    shapes = []
    width = d
    for units, act in layers:
        shapes.append((width, units, act))
        width = units
    kernels, biases = [], []
    for fan_in, fan_out, _ in shapes:
        limit = math.sqrt(6.0 / (fan_in + fan_out))
        kernels.append([[((2.0 * rng.next_double()) - 1.0) * limit for _ in range(fan_out)] for _ in range(fan_in)])
        biases.append([0.0] * fan_out)
    initial_first = [v for row in kernels[0] for v in row]
    m_k = [[[0.0] * o for _ in range(i)] for i, o, _ in shapes]
    v_k = [[[0.0] * o for _ in range(i)] for i, o, _ in shapes]
    m_b = [[0.0] * o for _, o, _ in shapes]
    v_b = [[0.0] * o for _, o, _ in shapes]
    order = list(range(len(data)))
    step = 0
    history = []
    for _ in range(epochs):
        for i in range(len(order) - 1, 0, -1):
            j = rng.next(i + 1)
            order[i], order[j] = order[j], order[i]
        weighted = 0.0
        for start in range(0, len(order), batch):
            rows = [data[k] for k in order[start:start + batch]]
            m = len(rows)
            # forward
            acts = [rows]
            for (fan_in, fan_out, act), kern, bias in zip(shapes, kernels, biases):
                x = acts[-1]
                out = []
                for r in x:
                    z = [bias[o] + sum(r[i] * kern[i][o] for i in range(fan_in)) for o in range(fan_out)]
                    out.append([relu(v) for v in z] if act == "relu" else z)
                acts.append(out)
            pred = acts[-1]
            loss = sum((pred[r][j] - rows[r][j]) ** 2 for r in range(m) for j in range(d)) / (m * d)
            weighted += loss * m
            # backward
            delta = [[2.0 * (pred[r][j] - rows[r][j]) / (m * d) for j in range(d)] for r in range(m)]
            grads_k = [None] * len(shapes)
            grads_b = [None] * len(shapes)
            for l in range(len(shapes) - 1, -1, -1):
                fan_in, fan_out, act = shapes[l]
                out = acts[l + 1]
                if act == "relu":
                    delta = [[delta[r][o] if out[r][o] > 0 else 0.0 for o in range(fan_out)] for r in range(m)]
                x = acts[l]
                grads_k[l] = [[sum(x[r][i] * delta[r][o] for r in range(m)) for o in range(fan_out)] for i in range(fan_in)]
                grads_b[l] = [sum(delta[r][o] for r in range(m)) for o in range(fan_out)]
                if l > 0:
                    delta = [[sum(kernels[l][i][o] * delta[r][o] for o in range(fan_out)) for i in range(fan_in)] for r in range(m)]
            # Adam (Keras 3)
            step += 1
            alpha = lr * math.sqrt(1 - b2 ** step) / (1 - b1 ** step)

            def update(p, g, mm, vv):
                mm += (g - mm) * (1 - b1)
                vv += (g * g - vv) * (1 - b2)
                return p - mm * alpha / (math.sqrt(vv) + eps), mm, vv

            for l, (fan_in, fan_out, _) in enumerate(shapes):
                for i in range(fan_in):
                    for o in range(fan_out):
                        kernels[l][i][o], m_k[l][i][o], v_k[l][i][o] = update(kernels[l][i][o], grads_k[l][i][o], m_k[l][i][o], v_k[l][i][o])
                for o in range(fan_out):
                    biases[l][o], m_b[l][o], v_b[l][o] = update(biases[l][o], grads_b[l][o], m_b[l][o], v_b[l][o])
        history.append(weighted / len(order))
    return initial_first, history, step


def bits(v):
    return "0x%016X" % struct.unpack("<Q", struct.pack("<d", v))[0]


if __name__ == "__main__":
    mall = load_mall_standardised()
    seed_arch = [(6, "relu"), (3, "relu"), (6, "relu"), (3, "linear")]
    initial, history, steps = train(mall, seed=0, epochs=100, batch=8, layers=seed_arch)
    print("// Glorot-uniform kernel of layer 0 for new Random(0), as IEEE 754 bits:")
    print("[" + ", ".join(bits(v) + "UL" for v in initial) + "]")
    print(f"// steps {steps}; epoch losses (1-based epoch: loss, repr):")
    for e in (1, 2, 3, 5, 10, 20, 50, 100):
        print(f"[{e}] = {history[e - 1]!r},")
