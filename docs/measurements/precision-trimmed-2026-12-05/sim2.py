"""Two-stage plans on resampled real rows: Stein on the mean (pilot 5), against Stein on the trimmed mean (g =
floor(0.2 n0) of the pilot's n0 rounds a side, gamma = g / n0) with the pilot's winsorized SD and t calibrated on normal
pilots (pilots 6, 8, 10, 12), as TwoStage does since 2.8.
Each row's rounds, taken about their median with random signs (symmetric, centre 0), are resampled; a cap stands in
for the budget. Prints coverage, the share of plans that reach +-5 %, the median half-width and the mean rounds."""
import math, sys, numpy as np
from scipy.stats import t as T
from rows import rows
rng = np.random.default_rng(7)
H = math.log1p(0.05); ALPHA = 0.05; REPS = 400; TRIM = 0.2
def g_of(n, tr): return int(math.floor(tr * n + 1e-9))
def winvar(x, g):
    s = np.sort(x); n = len(s)
    if g: s[:g] = s[g]; s[n-g:] = s[n-g-1]
    return s.var(ddof=1)
def tmean(x, g): s = np.sort(x); return s[g:len(s)-g].mean()
_cal = {}
def trim_for(n0): return g_of(n0, TRIM) / n0 if n0 >= 6 else 0
def calibration(n0):
    if n0 not in _cal:
        g = g_of(n0, TRIM); tr = g / n0; r = np.random.default_rng(n0); st = []
        for _ in range(40000):
            x = r.standard_normal(n0); st.append(abs(tmean(x, g)) * (1 - 2*tr) * math.sqrt(n0) / math.sqrt(winvar(x, g)))
        _cal[n0] = np.quantile(st, .95) / T.ppf(.975, n0 - 2*g - 1)
    return _cal[n0]
def run(x, n0, cap):
    tr = trim_for(n0); g = g_of(n0, tr); df = n0 - 2*g - 1
    sw = math.sqrt(winvar(x[:n0], g)); q = T.ppf(1 - ALPHA/2, df) * (calibration(n0) if tr else 1)
    n = max(n0, min(cap, math.ceil((q * sw / ((1 - 2*tr) * H))**2)))
    return tmean(x[:n], g_of(n, tr)), q * sw / ((1 - 2*tr) * math.sqrt(n)), n
if __name__ == '__main__':
    R = rows()
    print(f'{len(R)} rows of {len(set(r[0] for r in R))} runs; c(n0) = ' + ', '.join(f'{n}: {calibration(n):.3f}' for n in (6, 8, 10, 12)))
    print(f'{"cap":>4} {"pilot":>14} {"cover":>6} {"reach5%":>8} {"med half%":>9} {"mean n":>7}')
    for cap in (12, 17, 25, 40, 60):
        for n0 in (5, 6, 8, 10, 12):
            cov = reach = tot = 0; halves = []; ns = []
            for (_, _, _, x) in R:
                r = np.array(x) - np.median(x)
                for _ in range(REPS):
                    d = rng.choice(r, cap) * rng.choice([-1, 1], cap)
                    est, half, n = run(d, n0, cap)
                    cov += abs(est) <= half; reach += half <= H; halves.append(half); ns.append(n); tot += 1
            name = f'{n0} ' + ('mean' if n0 < 6 else 'trimmed')
            print(f'{cap:4} {name:>14} {cov/tot:6.3f} {reach/tot:8.3f} {100*np.median(halves):9.2f} {np.mean(ns):7.1f}')
