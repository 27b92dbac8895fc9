"""Replays the precision planner's schedule on a run's pilot: per class (before 2.7) and per benchmark (2.7)."""
import json, sys, collections
from datetime import datetime
run = sys.argv[1]
p = json.load(open(f'{run}/precision.json'))
t = json.load(open(f'{run}/timeline.json'))
pilot = p['pilotRounds']; budget = p['budgetSeconds'] - p['pilotSeconds']
def ts(x): return datetime.fromisoformat(x.replace('Z', '+00:00')[:26] + '+00:00' if '.' in x else x.replace('Z', '+00:00'))
cost_b = collections.defaultdict(float); cost_c = collections.defaultdict(float)
for s in t['steps']:
    if s['round'] > pilot: continue
    d = (ts(s['endedAt']) - ts(s['startedAt'])).total_seconds() / pilot
    cost_b[s['benchmark']] += d; cost_c[s['benchmarkClass']] += d
def schedule(needed, cost, left):
    given = {u: 0 for u in needed}
    while True:
        best = None
        for u, needs in needed.items():
            for n in needs:
                add = (n - given[u]) * cost.get(u, 0)
                if n > given[u] and add <= left and (best is None or add < best[2]): best = (u, n, add)
        if best is None: break
        given[best[0]] = best[1]; left -= best[2]
    more = True
    while more:
        more = False
        for u, needs in needed.items():
            c = cost.get(u, 0)
            if given[u] < max(needs, default=0) and c <= left:
                given[u] += 1; left -= c; more = True
    return given
for unit, cost, key in (('class', cost_c, lambda b: b.rsplit('.', 1)[0]), ('benchmark', cost_b, lambda b: b)):
    needed = collections.defaultdict(list)
    for u in cost: needed[u]
    for r in p['rows']: needed[key(r['benchmark'])].append(r['neededRounds'] - pilot)
    g = schedule(dict(needed), cost, budget)
    reach = [r for r in p['rows'] if pilot + g[key(r['benchmark'])] >= r['neededRounds']]
    print(f'per {unit}: {len(reach)} of {len(p["rows"])} rows planned to reach; budget after pilot {budget} s')
    for r in p['rows']:
        print(f"   {r['environment'][:20]:20s} {r['benchmark'].split('.',3)[3][:42]:42s} need {r['neededRounds']:4d} get {pilot + g[key(r['benchmark'])]:3d}")
