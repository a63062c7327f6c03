"""Benchmark: the pruning + fine-tuning k sweep per misclassified sample, side by side in one run.

potsal.evaluate.sweep (one backward per sample, then every k of every method as masked batched forwards)
against the definition (potsal.evaluate.sweep_naive: modify the weights and re-run backward + forward for each k),
ResNet-18 (10 classes, random weights) at 3x32x32, K = --K, five methods, both modes. Also checks that both agree.
Usage: python bench/evaluate.py [--K 25] [--samples 3]"""
import argparse, time
import numpy as np
import torch, torchvision
from potsal.evaluate import sweep, sweep_naive, weights_hash

p = argparse.ArgumentParser()
p.add_argument('--K', type=int, default=25); p.add_argument('--samples', type=int, default=3)
a = p.parse_args()
torch.manual_seed(0)
model = torchvision.models.resnet18(num_classes=10).eval()
x, y = torch.randn(a.samples, 3, 32, 32), torch.randint(0, 10, (a.samples,))
rng = np.random.default_rng(0)
orders = [np.stack([rng.permutation(4800)[:a.K] for _ in range(5)]) for _ in range(a.samples)]   # 5 methods
h = weights_hash(model)

def fast():
    return [[sweep(model, x[i:i+1], y[i:i+1], orders[i], mode) for mode in ('prune', 'finetune')] for i in range(a.samples)]

def naive():
    return [[torch.stack([sweep_naive(model, x[i:i+1], y[i:i+1], o, mode) for o in orders[i]]) for mode in ('prune', 'finetune')] for i in range(a.samples)]

fast()   # warm-up
t0 = time.perf_counter(); pf = fast(); t_fast = (time.perf_counter() - t0)/a.samples
t0 = time.perf_counter(); pn = naive(); t_naive = (time.perf_counter() - t0)/a.samples
err = max((f - n).abs().max().item() for fs, ns in zip(pf, pn) for f, n in zip(fs, ns))
assert weights_hash(model) == h
print(f"ResNet-18 3x32x32, K = {a.K}, 5 methods x 2 modes, {a.samples} samples, {torch.get_num_threads()} threads")
print(f"  potsal sweep (1 backward + batched masked forwards): {t_fast:.2f} s per sample")
print(f"  re-running each k from scratch (backward + forward):  {t_naive:.2f} s per sample")
print(f"  ratio: {t_naive/t_fast:.1f}x faster; max |probability difference| {err:.1e}; model weights unchanged")
