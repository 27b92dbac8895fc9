"""Which pilot length, given the budget: whole runs replayed. Each of the five runs of ../precision-trimmed-2026-12-05
gives its rows' per-round log ratios (about their median, random signs: centre 0; a benchmark's rows drawn in the same
rounds, as its step measures them together) and each benchmark's step time per round. A replayed run pays the pilot
for every benchmark, plans each row as TwoStage does, schedules what the budget leaves as PrecisionPlanner.schedule
does, and ends each row with its trimmed mean and interval. Rules: a fixed pilot, or a pilot of up to ten that ends
after six or more rounds when one more would pass a share f of the budget. Every rule replays the same draws."""
import json, math, sys, numpy as np
from datetime import datetime
from scipy.stats import t as T
import os
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'precision-trimmed-2026-12-05')
sys.path.insert(0, D)
from sim2 import g_of, winvar, tmean, calibration, trim_for
H = math.log1p(0.05); ALPHA = 0.05
def ts(s): return datetime.fromisoformat(s[:26].rstrip('Z'))
def load_run(run, base):
    tl = json.load(open(f'{D}/{run}/timeline.json'))
    per = {}; rounds = {}
    for s in tl['steps']:
        b = s['benchmark']; per[b] = per.get(b, 0) + (ts(s['endedAt']) - ts(s['startedAt'])).total_seconds()
        rounds.setdefault(b, set()).add(s['round'])
    sec = {b: per[b] / len(rounds[b]) for b in per}
    import statistics as st
    def load(e):
        out = {}
        for b in json.load(open(f'{D}/{run}/{e}/jmh.json')):
            key = (b['benchmark'], json.dumps(b.get('params', {}), sort_keys=True))
            sign = -1 if b['mode'] == 'thrpt' else 1
            out[key] = (sign, dict(zip(b.get('isobenchRounds') or [], [st.mean(x) for x in b['primaryMetric']['rawData']])))
        return out
    p = json.load(open(f'{D}/{run}/precision.json'))
    env = p['rows'][0]['environment']; B = load(base); E = load(env); rows = []
    for key, (sign, er) in E.items():
        if key not in B: continue
        c = sorted(set(er) & set(B[key][1]))
        x = np.array([sign * math.log(er[i] / B[key][1][i]) for i in c])
        rows.append((key[0], x - np.median(x)))
    return sec, rows
def plan_row(x0, n0):
    tr = trim_for(n0); g = g_of(n0, tr); df = n0 - 2*g - 1
    sw = math.sqrt(winvar(x0, g)); q = T.ppf(1 - ALPHA/2, df) * (calibration(n0) if tr else 1)
    return max(n0, math.ceil((q * sw / ((1 - 2*tr) * H))**2)), q * sw / (1 - 2*tr), tr
def schedule(need, sec, left):
    given = {b: 0 for b in need}
    while True:
        best = None; cost = math.inf
        for b, ns in need.items():
            for n in ns:
                add = (n - given[b]) * sec[b]
                if n > given[b] and add <= left and add < cost: best, to, cost = b, n, add
        if best is None: break
        given[best] = to; left -= cost
    more = True
    while more:
        more = False
        for b, ns in need.items():
            if ns and given[b] < max(ns) and sec[b] <= left:
                given[b] += 1; left -= sec[b]; more = True
    return given
def pilot_len(rule, round_sec, budget):
    kind, v = rule
    if kind == 'fixed':
        n = v
        while n > 6 and n * round_sec > budget: n -= 1   # today's early end: the next round would pass the budget
        return n
    n = 6
    while n < 10 and (n + 1) * round_sec <= v * budget: n += 1
    return n
def replay(sec, rows, rule, budget, reps, rng):
    round_sec = sum(sec.values()); n0 = pilot_len(rule, round_sec, budget)
    left = budget - n0 * round_sec
    reach = cover = same = tot = 0
    for _ in range(reps):
        data = []
        for b in dict.fromkeys(b for b, _ in rows):   # a benchmark's rows share their rounds, as in a step
            xs = [x for c, x in rows if c == b]; k = min(len(x) for x in xs)
            pick = rng.integers(0, k, 2000); sign = rng.choice([-1, 1], 2000)
            data += [(b, x[:k][pick] * sign) for x in xs]
        plans = [(b, d, plan_row(d[:n0], n0)) for b, d in data]
        need = {}
        for b, d, (n, q, tr) in plans: need.setdefault(b, []).append(n - n0)
        given = schedule(need, sec, max(0, left))
        for b, d, (n, q, tr) in plans:
            m = n0 + given[b]; assert m <= len(d); est = tmean(d[:m], g_of(m, tr)); half = q / math.sqrt(m)
            h90 = half / T.ppf(.975, max(1, n0 - 2*g_of(n0, tr) - 1)) * T.ppf(.95, max(1, n0 - 2*g_of(n0, tr) - 1))
            reach += half <= H; cover += abs(est) <= half; same += abs(est) + h90 <= H; tot += 1
    return n0, reach / tot, cover / tot, same / tot
if __name__ == '__main__':
    rng = np.random.default_rng(11)
    RUNS = [('runc', 'host'), ('runc-again', 'host'), ('seccomp', 'container-bridge'), ('aa', 'host'), ('aa-pilot6', 'host')]
    RULES = [('fixed', 6), ('fixed', 8), ('fixed', 10)] + [('share', f) for f in (0.4, 0.5, 0.6, 0.75)]
    budgets = [float(a) * 60 for a in (sys.argv[1:] or ['20'])]
    for budget in budgets:
        print(f'budget {budget/60:.0f} min: pilot rounds, reach ±5 %, coverage, within margin at 90 %')
        for run, base in RUNS:
            sec, rows = load_run(run, base)
            cells = []
            seed = rng.integers(1 << 32)
            for rule in RULES:   # every rule on the same draws (common random numbers)
                n0, r, c, s = replay(sec, rows, rule, budget, 150, np.random.default_rng(seed))
                cells.append(f'{rule[0][0]}{rule[1]}:n{n0} {r:.2f}/{c:.3f}/{s:.2f}')
            print(f'  {run:11} {sum(sec.values()):5.0f}s/round  ' + '  '.join(cells))
