"""Per row: SD of the per-round log ratio host-b/host over all paired rounds, from jmh.json (fork mean per round)."""
import json, math, statistics as st, sys, collections
def rows(run):
    out = {}
    data = {}
    for env in ('host', 'host-b'):
        for b in json.load(open(f'{run}/{env}/jmh.json')):
            key = (b['benchmark'], json.dumps(b.get('params', {}), sort_keys=True))
            rounds = b.get('isobenchRounds') or []
            forks = [st.mean(x) for x in b['primaryMetric']['rawData']]
            data.setdefault(key, {})[env] = dict(zip(rounds, forks))
    for key, d in data.items():
        if len(d) < 2: continue
        common = sorted(set(d['host']) & set(d['host-b']))
        if len(common) < 3: continue
        logs = [math.log(d['host-b'][r] / d['host'][r]) for r in common]
        cv = {e: st.pstdev([d[e][r] for r in common]) / st.mean([d[e][r] for r in common]) for e in d}
        out[key] = (st.stdev(logs), len(common), cv['host'], cv['host-b'])
    return out
MULTI = {'NativeSyscallBenchmark', 'FileStatBenchmark', 'ClockReadBenchmark', 'DevZeroReadBenchmark',
         'FileOpenCloseBenchmark', 'ArithmeticLoopBenchmark', 'ParallelDigestBenchmark'}
if __name__ == '__main__':
    summary = collections.defaultdict(list)
    for run in sys.argv[1:]:
        r = rows(run)
        name = run.rstrip('/').split('/')[-1]
        for (bench, params), (sd, n, cvh, cvb) in sorted(r.items()):
            cls = bench.split('.')[-2]
            kind = 'multi' if cls in MULTI else 'single'
            summary[(name, kind)].append(sd)
            if len(sys.argv) == 2 or 'getppid' in bench:
                print(f'{name[:24]:24s} {kind:6s} {".".join(bench.split(".")[-2:])[:45]:45s} {params[:20]:20s} sd={sd*100:5.1f}% n={n:2d} cv={cvh*100:4.1f}/{cvb*100:4.1f}%')
    for (name, kind), sds in sorted(summary.items()):
        print(f'{name[:28]:28s} {kind:6s} rows={len(sds):2d} median SD {st.median(sds)*100:4.1f}%  RMS {math.sqrt(st.mean([s*s for s in sds]))*100:4.1f}%')
