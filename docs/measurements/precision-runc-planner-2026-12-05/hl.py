"""What-if: per row, the ordinary t half-width and the Hodges-Lehmann / Wilcoxon signed-rank 95 % half-width of the
per-round log cost, over all paired rounds (a diagnostic; the report's tests are Stein's and t)."""
import json, math, statistics as st, sys, itertools
from scipy.stats import t as tdist, wilcoxon
from scipy.stats import norm
run, base, env = sys.argv[1], sys.argv[2], sys.argv[3]
def load(e):
    out = {}
    for b in json.load(open(f'{run}/{e}/jmh.json')):
        out[b['benchmark']] = dict(zip(b.get('isobenchRounds') or [], [st.mean(x) for x in b['primaryMetric']['rawData']]))
    return out
B, E = load(base), load(env)
def wilcoxon_ci(x, conf=0.95):
    n = len(x)
    walsh = sorted((x[i] + x[j]) / 2 for i in range(n) for j in range(i, n))
    # exact critical value by enumeration of the signed-rank distribution
    m = n * (n + 1) // 2
    counts = [0] * (m + 1); counts[0] = 1
    for k in range(1, n + 1):
        for s in range(m, k - 1, -1): counts[s] += counts[s - k]
    total = 2 ** n; cum = 0; c = 0
    for s in range(m + 1):
        if (cum + counts[s]) / total > (1 - conf) / 2: break
        cum += counts[s]; c = s + 1
    # interval [W_(c), W_(M-c+1)] in 1-based order statistics of the Walsh averages
    if c == 0: return st.median(walsh), float('nan'), float('nan')
    return st.median(walsh), walsh[c - 1], walsh[len(walsh) - c]
good = 0; tot = 0
for bench in sorted(E):
    common = sorted(set(E[bench]) & set(B.get(bench, {})))
    if len(common) < 6: 
        continue
    x = [math.log(E[bench][r] / B[bench][r]) for r in common]
    n = len(x); m = st.mean(x); se = st.stdev(x) / math.sqrt(n)
    th = tdist.ppf(0.975, n - 1) * se
    hl, lo, hi = wilcoxon_ci(x)
    hw = (hi - lo) / 2
    tot += 1; good += hw <= math.log(1.05)
    print(f"{bench.split('.',3)[3][:40]:40s} n={n:2d} mean {100*m:+5.1f}% ±{100*th:4.1f}   HL {100*hl:+5.1f}% [{100*lo:+5.1f}, {100*hi:+5.1f}] ±{100*hw:4.1f}")
print(f'{good} of {tot} rows (6+ rounds) with a Wilcoxon interval within ±4.9 % in log')
