"""Benchmark: the pruning + fine-tuning k sweep per misclassified sample, side by side in one process.

potsal.intervene.sweep (one backward per sample, then every k of every method as masked batched forwards) against the
definition (potsal.intervene.sweep_naive: modify the weights and re-run backward + forward for each k), ResNet-18
(10 classes, random weights) at 3x32x32, K = --K, five methods, both modes. Also checks that both agree and that the
model's weights are bit for bit unchanged. The two sides are interleaved (--reps paired repetitions after a warm-up);
the figure is the median over repetitions of   speedup = time(naive)/time(sweep)   (higher is better).
Usage: python bench/evaluate.py [--device cpu|cuda] [--threads N] [--reps 7] [--clock wall|cpu] [--K 25] [--samples 1]"""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import parser, setup, paired, median_ratio, median, result

p = parser(__doc__)
p.add_argument('--K', type=int, default=25); p.add_argument('--samples', type=int, default=1, help='samples per repetition')
a = p.parse_args()
dev = setup(a)
import numpy as np
import torch, torchvision
from potsal.intervene import sweep, sweep_naive
from potsal.core import weights_hash

torch.manual_seed(0)
model = torchvision.models.resnet18(num_classes=10).eval().to(dev)
x, y = torch.randn(a.samples, 3, 32, 32, device=dev), torch.randint(0, 10, (a.samples,), device=dev)
rng = np.random.default_rng(0)
orders = [np.stack([rng.permutation(4800)[:a.K] for _ in range(5)]) for _ in range(a.samples)]   # 5 methods
h = weights_hash(model)
res = {}

def fast():
    res['fast'] = [[sweep(model, x[i:i+1], y[i:i+1], orders[i], mode) for mode in ('prune', 'finetune')] for i in range(a.samples)]

def naive():
    res['naive'] = [[torch.stack([sweep_naive(model, x[i:i+1], y[i:i+1], o, mode) for o in orders[i]]) for mode in ('prune', 'finetune')]
                    for i in range(a.samples)]

t = paired({'sweep': fast, 'naive': naive}, a.reps, dev, clock=a.clock)
err = max((f.cpu() - n.cpu()).abs().max().item() for fs, ns in zip(res['fast'], res['naive']) for f, n in zip(fs, ns))
assert weights_hash(model) == h
speedup = median_ratio(t['naive'], t['sweep'])
print(f"ResNet-18 3x32x32, K = {a.K}, 5 methods x 2 modes, {a.samples} sample(s) per repetition, {torch.get_num_threads()} threads, "
      f"device {dev}, {a.reps} paired repetitions after a warm-up")
print(f"  potsal sweep (1 backward + batched masked forwards): median {median(t['sweep'])/a.samples:.2f} s per sample")
print(f"  re-running each k from scratch (backward + forward):  median {median(t['naive'])/a.samples:.2f} s per sample")
print(f"  speedup time(naive)/time(sweep): median {speedup:.1f}x; max |probability difference| {err:.1e}; model weights unchanged")
result(bench='evaluate', device=dev, threads=torch.get_num_threads(), reps=a.reps, clock=a.clock, K=a.K, samples=a.samples, speedup=speedup,
       sweep_s=median(t['sweep'])/a.samples, naive_s=median(t['naive'])/a.samples, max_abs_diff=err, weights_unchanged=True)
