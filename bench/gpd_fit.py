"""Benchmark: potsal.evt.fit_gpd on 26,560 columns x 500 excesses (ResNet-50's filter count) against a
scipy.stats.genpareto.fit(floc=0) loop on a random subsample of the columns (timed in the same process, extrapolated to all).

The two sides are interleaved (--reps paired repetitions after a warm-up); the figure is the median over repetitions of
    speedup = time(scipy loop, extrapolated to all columns) / time(fit_gpd, all columns)      (higher is better)
and the likelihood check is per subsampled column: potsal's negative log-likelihood within 1e-6 (relative) of scipy's or better.
fit_gpd is numpy code: it runs on the CPU whatever --device says (the flag is accepted so that every bench takes it).
Usage: python bench/gpd_fit.py [--device cpu|cuda] [--threads N] [--reps 7] [--clock wall|cpu] [--columns 26560] [--n 500] [--scipy 200]"""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import parser, setup, paired, median_ratio, median, result

p = parser(__doc__)
p.add_argument('--columns', type=int, default=26_560); p.add_argument('--n', type=int, default=500)
p.add_argument('--scipy', type=int, default=200, help='columns in the scipy subsample'); p.add_argument('--seed', type=int, default=0)
a = p.parse_args()
setup(a)
import numpy as np
from scipy import stats
from potsal.evt import fit_gpd, gpd_logpdf

rng = np.random.default_rng(a.seed)
xi = rng.uniform(-0.3, 0.6, a.columns); scale = 10**rng.uniform(-4, 2, a.columns)
y = stats.genpareto.rvs(xi[None], scale=scale[None], size=(a.n, a.columns), random_state=rng)
idx = rng.choice(a.columns, a.scipy, replace=False)
res = {}
def ours(): res['f'] = fit_gpd(y)
def scipy_loop(): res['sp'] = [stats.genpareto.fit(y[:, j], floc=0) for j in idx]
t = paired({'potsal': ours, 'scipy': scipy_loop}, a.reps, clock=a.clock)
t_scipy_all = [s/a.scipy*a.columns for s in t['scipy']]
speedup = median_ratio(t_scipy_all, t['potsal'])
f, sp = res['f'], res['sp']
nll_ours = -gpd_logpdf(y[:, idx], f.xi[idx], f.sigma[idx]).sum(0)
nll_scipy = np.array([-stats.genpareto.logpdf(y[:, j], c, scale=s).sum() for j, (c, _, s) in zip(idx, sp)])
ok = nll_ours <= nll_scipy + 1e-6*np.abs(nll_scipy)
better = nll_ours < nll_scipy - 1e-6*np.abs(nll_scipy)
print(f"{a.columns} columns x {a.n} excesses; {a.reps} paired repetitions after a warm-up (numpy on the CPU)")
print(f"potsal fit_gpd, all columns : median {median(t['potsal']):.3f} s")
print(f"scipy loop, {a.scipy} columns   : median {median(t['scipy']):.2f} s ({median(t['scipy'])/a.scipy*1e3:.1f} ms/fit; "
      f"{median(t_scipy_all):.0f} s extrapolated to all)")
per_rep = ', '.join(f'{s/o:.0f}' for s, o in zip(t_scipy_all, t['potsal']))
print(f"speedup time(scipy)/time(potsal): median {speedup:.0f}x (per repetition: {per_rep})")
print(f"NLL within 1e-6 of scipy or better: {ok.mean():.1%} of {a.scipy}; better by > 1e-6: {better.mean():.1%}; "
      f"all columns finite: {bool(np.isfinite(f.xi).all())}; median |xi_hat - xi_true| {np.median(np.abs(f.xi - xi)):.3f}")
result(bench='gpd_fit', device='cpu', reps=a.reps, clock=a.clock, columns=a.columns, n=a.n, scipy_columns=a.scipy, speedup=speedup,
       potsal_s=median(t['potsal']), scipy_ms_per_fit=median(t['scipy'])/a.scipy*1e3, nll_ok=float(ok.mean()),
       nll_better=float(better.mean()),
       all_finite=bool(np.isfinite(f.xi).all()))
