"""Far rounds (|0.6745 (x - median) / MAD| > 3.5 over rows of >= 6 paired rounds) per environment against a baseline."""
import json, math, statistics as st, sys, os
from scipy.stats import binomtest
run, base = sys.argv[1], sys.argv[2]
envs = [e for e in sorted(os.listdir(run)) if os.path.isfile(f'{run}/{e}/jmh.json')]
def load(e):
    out = {}
    for b in json.load(open(f'{run}/{e}/jmh.json')):
        key = (b['benchmark'], json.dumps(b.get('params', {}), sort_keys=True))
        sign = -1 if b['mode'] == 'thrpt' else 1
        out[key] = (sign, dict(zip(b.get('isobenchRounds') or [], [st.mean(x) for x in b['primaryMetric']['rawData']])))
    return out
B = load(base)
for e in envs:
    if e == base: continue
    E = load(e); rows = rounds = above = below = 0
    for key, (sign, er) in E.items():
        if key not in B: continue
        br = B[key][1]; common = sorted(set(er) & set(br))
        if len(common) < 6: continue
        x = [sign * math.log(er[r] / br[r]) for r in common]
        med = st.median(x); mad = st.median([abs(v - med) for v in x])
        rows += 1; rounds += len(x)
        if mad <= 0: continue
        for v in x:
            if abs(0.6745 * (v - med) / mad) > 3.5:
                above += v > med; below += v < med
    far = above + below
    p = binomtest(above, far, 0.5).pvalue if far else 1
    print(f'{e} vs {base}: {far} of {rounds} rounds ({100*far/max(rounds,1):.1f} %) in {rows} rows far; above {above}, below {below}, p={p:.3f}')
