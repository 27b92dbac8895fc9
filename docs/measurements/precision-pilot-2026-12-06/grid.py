"""Mean share of rows reaching ±5 % over the five runs and budgets of 10-40 minutes, per rule (sim3's replay)."""
import numpy as np, sys
from sim3 import load_run, replay
RUNS = [('runc', 'host'), ('runc-again', 'host'), ('seccomp', 'container-bridge'), ('aa', 'host'), ('aa-pilot6', 'host')]
RULES = [('fixed', 6), ('fixed', 10)] + [('share', f) for f in (0.5, 0.6, 0.67, 0.75, 0.85, 1.0)]
rng = np.random.default_rng(5); data = {r: load_run(*r) for r in RUNS}
res = {rule: [] for rule in RULES}
for budget in (10, 15, 20, 25, 30, 40):
    line = []
    for rule in RULES:
        for run in RUNS:
            n0, reach, cov, same = replay(*data[run], rule, budget * 60, 100, rng)
            res[rule].append((reach, cov, same))
for rule, v in res.items():
    a = np.array(v); print(f'{rule[0]} {rule[1]:5}: reach {a[:,0].mean():.3f} (worst shortfall vs best per cell computed below) cover {a[:,1].mean():.3f} {a[:,1].min():.3f} same90 {a[:,2].mean():.3f}')
best = np.max(np.array([[x[0] for x in v] for v in res.values()]), axis=0)
for rule, v in res.items():
    print(rule, 'largest shortfall from the best rule in a cell', round(float(np.max(best - np.array([x[0] for x in v]))), 3))
