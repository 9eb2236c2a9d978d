# The C loop of mc_ref.c, written as an analyst would in numpy: vectorised over the runs, a
# Python loop over the months. The same model and shape (F factors, F + F/2 links, triangular
# ranges on weight/start/target, one event, monthly Gaussian noise); `npm run bench` times it
# beside the C loop when numpy is installed.
# Usage: python3 mc_numpy.py RUNS MONTHS FACTORS  -> best-of-3 seconds
import sys
import time

import numpy as np


def run(R, H, F, rng):
    I = F + F // 2
    frm = np.array([i % F for i in range(I)])
    to = np.array([(i * 7 + 3 + 2 * (i // F)) % F for i in range(I)])
    strength = (rng.random(I) - 0.5) * 0.2
    links = np.zeros((F, F))
    np.add.at(links, (frm, to), strength)
    raises = np.array([(i % 4) != 0 for i in range(F)])
    started = time.perf_counter()
    w = rng.triangular(3, 5, 8, (R, F))
    x = rng.triangular(30, 50, 60, (R, F)) / 100
    g = rng.triangular(40, 60, 80, (R, F)) / 100
    fire = rng.random(R) < 0.5
    ws = w.sum(axis=1)
    T = np.empty((R, H + 1), dtype=np.float32)
    for t in range(H + 1):
        T[:, t] = 100 * (w * np.where(raises, x, 1 - x)).sum(axis=1) / ws
        if t == H:
            break
        p = x @ links
        v = x + 0.1 * (g - x) + np.where(p >= 0, p * (1 - x), p * x)
        if t + 1 == 3:
            v[:, 0] += 0.2 * fire
        v += 0.03 * rng.standard_normal((R, F))
        x = np.clip(v, 0, 1)
    return time.perf_counter() - started


if __name__ == '__main__':
    R, H, F = (int(a) for a in sys.argv[1:4])
    rng = np.random.default_rng(1)
    print(f'{min(run(R, H, F, rng) for _ in range(3)):.6f}')
