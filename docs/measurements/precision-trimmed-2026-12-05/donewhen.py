"""The issue's runc line per row: same or slower with an interval narrower than ±5 %; plus the plan's rounds."""
import json, math, sys
s = json.load(open(sys.argv[1] + '/report/summary.json'))
p = json.load(open(sys.argv[1] + '/precision.json'))
need = {r['benchmark']: (r['pilotSd'], r['neededRounds'], r['rounds']) for r in p['rows']}
ok = narrow = 0; n = 0
for r in s['comparisons']:
    if r['area'] != 'syscall': continue
    n += 1
    hw = (math.log(r['costHigh']) - math.log(r['costLow'])) / 2 * 100
    good = r['verdict'] in ('same', 'slower') and hw <= math.log(1.05) * 100 + 1e-9
    ok += good; narrow += hw <= math.log(1.05) * 100 + 1e-9
    sd, nd, got = need.get(r['benchmark'], (float('nan'), 0, 0))
    print(f"{r['benchmark'].split('.',3)[3][:42]:42s} x{r['cost']:.3f} [{r['costLow']:.3f}, {r['costHigh']:.3f}] ±{hw:4.1f}% {r['verdict']:12s} pilotSD {sd*100:4.1f}% need {nd:3d} got {got:3d} paired {r.get('pairs')} far {r.get('farRounds')} {'OK' if good else ''}")
print(f'{ok} of {n} rows same/slower within ±5 %; {narrow} of {n} narrower than ±5 %')
