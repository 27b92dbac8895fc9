"""Paired per-round log costs of every row with >= 10 rounds in the precision runs (env against host, or the seccomp pair)."""
import json, math, os, statistics as st
M = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
RUNS = ['precision-runc-planner-2026-12-05/per-benchmark', 'precision-runc-planner-2026-12-05/per-class',
        'precision-aa-2026-12-05', 'precision-runc-2026-12-05', 'precision-runc-server-2026-12-05',
        'precision-runc-steps-2026-12-05', 'precision-seccomp-2026-12-05', 'aa-benchmark-steps-2026-12-05',
        'aa-scheduling-2026-12-05', 'aa-canary-2026-12-05']
def load(path):
    out = {}
    for b in json.load(open(path)):
        key = (b['benchmark'], json.dumps(b.get('params', {}), sort_keys=True))
        sign = -1 if b['mode'] == 'thrpt' else 1
        out[key] = (sign, dict(zip(b.get('isobenchRounds') or [], [st.mean(x) for x in b['primaryMetric']['rawData']])))
    return out
def rows(minimum=10):
    res = []
    for r in RUNS:
        d = f'{M}/{r}'
        if not os.path.isdir(d): continue
        envs = [e for e in sorted(os.listdir(d)) if os.path.isfile(f'{d}/{e}/jmh.json')]
        base = 'host' if 'host' in envs else ('container-bridge' if 'container-bridge' in envs else envs[0])
        B = load(f'{d}/{base}/jmh.json')
        for e in envs:
            if e == base: continue
            for key, (sign, er) in load(f'{d}/{e}/jmh.json').items():
                if key not in B: continue
                br = B[key][1]; common = sorted(set(er) & set(br))
                if len(common) < minimum: continue
                res.append((r, e, key[0], [sign * math.log(er[c] / br[c]) for c in common]))
    return res
if __name__ == '__main__':
    R = rows()
    print(len(R), 'rows'); import collections
    print(collections.Counter(r[0] for r in R))
