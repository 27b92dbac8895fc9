"""The same rounds, two ways: Stein's procedure on the mean with a pilot of the first five rounds (as before 2.8) and on
the 20 % trimmed mean with the run's own pilot (as since 2.8, its calibration simulated as TwoStage does). Per planned
row: the 95 % half-width and whether the 90 % interval lies within the ±5 % margin (`same` before the other checks).
Usage: estimators.py RUN_DIR BASELINE"""
import json, math, os, statistics as st, sys
import numpy as np
from scipy.stats import t as T
run, base = sys.argv[1], sys.argv[2]
H = math.log1p(0.05)
def load(e):
    out = {}
    for b in json.load(open(f'{run}/{e}/jmh.json')):
        key = (b['benchmark'], json.dumps(b.get('params', {}), sort_keys=True))
        out[key] = dict(zip(b.get('isobenchRounds') or [], [st.mean(x) for x in b['primaryMetric']['rawData']]))
    return out
from sim2 import g_of, winvar, tmean, calibration, trim_for
def halfwidth(x, n0, trim, conf):
    g0 = g_of(n0, trim); s0 = math.sqrt(winvar(x[:n0], g0)); df = n0 - 2*g0 - 1
    c = calibration(n0) if trim else 1
    est = tmean(x, g_of(len(x), trim))
    return est, c * T.ppf(1 - (1 - conf) / 2, df) * s0 / ((1 - 2*trim) * math.sqrt(len(x)))
plan = json.load(open(f'{run}/precision.json'))
pilot = plan['pilotRounds']
B = load(base); counts = {'mean, pilot 5': [0, 0], f'trimmed, pilot {pilot}': [0, 0]}
envs = sorted({r['environment'] for r in plan['rows']})
print(f'{"row":52} {"mean (pilot 5)":>22} {"trimmed (pilot %d)" % pilot:>22}')
for env in envs:
    E = load(env)
    for r in plan['rows']:
        if r['environment'] != env: continue
        key = (r['benchmark'], json.dumps(r.get('params', {}), sort_keys=True))
        common = sorted(set(E.get(key, {})) & set(B.get(key, {})))
        x = np.array([math.log(E[key][c] / B[key][c]) for c in common])
        cells = []
        for name, n0, trim in (('mean, pilot 5', 5, 0), (f'trimmed, pilot {pilot}', pilot, trim_for(pilot))):
            est, h95 = halfwidth(x, n0, trim, .95); _, h90 = halfwidth(x, n0, trim, .90)
            same = est - h90 >= -H and est + h90 <= H
            counts[name][0] += h95 <= H; counts[name][1] += same
            cells.append(f'{math.exp(est):.3f} ±{100*h95:4.1f}%{" same" if same else "     "}')
        label = r['benchmark'].split('.', 2)[2] + (' ' + ','.join(f'{k}={v}' for k, v in sorted(r.get('params', {}).items())) if r.get('params') else '')
        print(f'{label[:52]:52} {cells[0]:>22} {cells[1]:>22}  ({len(x)} rounds)')
for name, (narrow, same) in counts.items():
    print(f'{name}: {narrow} of {len(plan["rows"])} rows narrower than ±5 %, {same} within the margin at 90 %')
