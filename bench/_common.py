"""Shared by the benches: --device/--threads/--reps arguments, paired interleaved timing, medians, and the one-line RESULT.

Every speed figure is a ratio of two (or more) sides timed in the same process: after a warm-up, each repetition runs
every side once, in an order that alternates (A B, B A, ...) so that a slow spell of a shared machine hits both sides
alike; the figure is the median over the repetitions of the per-repetition ratio."""
import argparse, os, statistics, time

def parser(doc, reps=7):
    p = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--device', choices=['cpu', 'cuda'], default=None, help='default: cuda when present, else cpu')
    p.add_argument('--threads', type=int, default=None, help='intra-op threads (torch, BLAS, OpenMP); default: as the library chooses')
    p.add_argument('--reps', type=int, default=reps, help='paired repetitions after one warm-up (odd: a true median)')
    p.add_argument('--clock', choices=['wall', 'cpu'], default='wall',
                   help="wall: time.perf_counter; cpu: this process's CPU time (time.process_time), which time spent descheduled on a "
                        "busy machine does not inflate; meaningful with --threads 1 on the CPU only")
    return p

def setup(args):
    "Apply --threads (before torch/numpy do any work) and resolve --device; returns the device string."
    if args.threads:
        for v in ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS'): os.environ[v] = str(args.threads)
    import torch
    if args.threads: torch.set_num_threads(args.threads)
    if args.device is None: args.device = 'cuda' if torch.cuda.is_available() else 'cpu'
    if args.device == 'cuda' and not torch.cuda.is_available(): raise SystemExit('--device cuda: no CUDA device here')
    if args.clock == 'cpu' and (args.device == 'cuda' or torch.get_num_threads() != 1):
        raise SystemExit('--clock cpu needs --device cpu --threads 1 (CPU time of several threads counts their waiting too)')
    return args.device

def _sync(device):
    if device == 'cuda':
        import torch; torch.cuda.synchronize()

def paired(sides, reps, device='cpu', warmup=1, clock='wall'):
    "sides: {name: zero-argument callable}. Returns {name: [seconds per repetition]}, the sides interleaved."
    now = time.process_time if clock == 'cpu' else time.perf_counter
    names = list(sides)
    for _ in range(warmup):
        for k in names: sides[k](); _sync(device)
    times = {k: [] for k in names}
    for r in range(reps):
        for k in (names if r % 2 == 0 else names[::-1]):
            _sync(device); t0 = now(); sides[k](); _sync(device)
            times[k].append(now() - t0)
    return times

def median_ratio(num, den):
    "Median over repetitions of num[r]/den[r] (paired)."
    return statistics.median(a/b for a, b in zip(num, den))

def median(xs): return statistics.median(xs)

def result(**kv):
    "The final line, for scripts: RESULT key=value ... (floats to 4 significant digits)."
    fmt = lambda v: f'{v:.4g}' if isinstance(v, float) else str(v)
    print('RESULT ' + ' '.join(f'{k}={fmt(v)}' for k, v in kv.items()), flush=True)
