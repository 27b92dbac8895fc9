"""Mean share of rows reaching ±5 % over the five runs and budgets of 10-40 minutes, per rule (sim3's replay)."""
import numpy as np, sys
from sim3 import load_run, replay
RUNS = [('runc', 'host'), ('runc-again', 'host'), ('seccomp', 'container-bridge'), ('aa', 'host'), ('aa-pilot6', 'host')]
RULES = [('fixed', 6), ('fixed', 10)] + [('share', f) for f in (0.5, 0.6, 0.67, 0.75, 0.85, 1.0)]
rng = np.random.default_rng(5); data = {r: load_run(*r) for r in RUNS}
res = {rule: [] for rule in RULES}
for budget in (10, 15, 20, 25, 30, 40):
    line = []
    for run in RUNS:
        seed = rng.integers(1 << 32)
        for rule in RULES:   # every rule on the same draws (common random numbers)
            n0, reach, cov, same = replay(*data[run], rule, budget * 60, 100, np.random.default_rng(seed))
            res[rule].append((reach, cov, same, n0, run[0], budget))
for rule, v in res.items():
    a = np.array([x[:3] for x in v]); print(f'{rule[0]} {rule[1]:5}: reach {a[:,0].mean():.3f} cover {a[:,1].mean():.3f} {a[:,1].min():.3f} same90 {a[:,2].mean():.3f}')
best = np.max(np.array([[x[0] for x in v] for v in res.values()]), axis=0)
for rule, v in res.items():
    print(rule, 'largest shortfall from the best rule in a cell', round(float(np.max(best - np.array([x[0] for x in v]))), 3))
print('per cell (run, budget): each rule\'s pilot and share of rows narrower than +-5 %')
for i, (_, _, _, _, run, budget) in enumerate(next(iter(res.values()))):
    print(f'  {run:11} {budget:3} min  ' + '  '.join(f'{r[0][0]}{r[1]}:n{v[i][3]} {v[i][0]:.2f}' for r, v in res.items()))
