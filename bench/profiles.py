"""Benchmark: per-sample filter profiles on CPU, side by side in one run.

(a) the baseline's batch-size-1 loop (one backward per sample), (b) potsal.profiles.filter_profiles,
(c) a plain batched forward+backward of the summed loss (the speed of light: no per-sample information).
Then the memory of potsal.stats.reference_stats for ResNet-50: the accumulator (O(F*m)) measured at N = --n-ref
and projected to N = 50,000, and the process's peak RSS.
Usage: python bench/profiles.py [--repeats 3] [--n-ref 2000] [--skip-stats]"""
import argparse, resource, time
import numpy as np
import torch, torch.nn.functional as F, torchvision
from potsal.profiles import filter_profiles, conv_layers
from potsal.stats import reference_stats, Accumulator
from potsal.evt import n_top

p = argparse.ArgumentParser()
p.add_argument('--repeats', type=int, default=3); p.add_argument('--n-ref', type=int, default=2000); p.add_argument('--skip-stats', action='store_true')
a = p.parse_args()
torch.manual_seed(0)

def best_time(f, repeats):
    f(); ts = []
    for _ in range(repeats):
        t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
    return min(ts)

def loop(model, x, y):
    for b in range(len(x)):
        model.zero_grad(); F.cross_entropy(model(x[b:b+1]), y[b:b+1]).backward()
        [p.grad.abs().mean((1, 2, 3)) for _, p in model.named_parameters() if p.ndim == 4]

def plain(model, x, y):
    model.zero_grad(); F.cross_entropy(model(x), y, reduction='sum').backward()

print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, CPU")
for name, builder, size, bs in [('ResNet-18', torchvision.models.resnet18, 32, 64), ('ResNet-50', torchvision.models.resnet50, 64, 32)]:
    model = builder(num_classes=10).eval()
    x, y = torch.randn(bs, 3, size, size), torch.randint(0, 10, (bs,))
    n_loop = min(bs, 16)
    t_loop = best_time(lambda: loop(model, x[:n_loop], y[:n_loop]), 1)/n_loop
    t_ours = best_time(lambda: filter_profiles(model, x, y), a.repeats)/bs
    t_plain = best_time(lambda: plain(model, x, y), a.repeats)/bs
    model.zero_grad(set_to_none=True)
    print(f"{name} 3x{size}x{size}, batch {bs}: samples/s  (a) loop {1/t_loop:7.1f}   (b) filter_profiles {1/t_ours:7.1f}   (c) plain batched {1/t_plain:7.1f}")
    print(f"    (b)/(a) = {t_loop/t_ours:.2f}x the loop;  (b)/(c) = {t_plain/t_ours:.2f} of the speed of light")

if not a.skip_stats:
    model = torchvision.models.resnet50(num_classes=10).eval()
    F_ = sum(c.out_channels for _, c in conv_layers(model))
    ds = torch.utils.data.TensorDataset(torch.randn(a.n_ref, 3, 64, 64), torch.randint(0, 10, (a.n_ref,)))
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/2**20
    t0 = time.perf_counter()
    rs = reference_stats(model, torch.utils.data.DataLoader(ds, batch_size=32), q=0.95, progress=False)
    secs = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/2**20
    acc_bytes = lambda n: F_*(2 + n_top(n, 0.95) + 32)*8     # mean, m2, top-m plus one batch of 32 being merged
    print(f"reference_stats, ResNet-50 3x64x64, N={a.n_ref}: {secs:.0f}s ({a.n_ref/secs:.1f} samples/s); F={F_}")
    print(f"    accumulator: {acc_bytes(a.n_ref)/2**20:.0f} MiB at N={a.n_ref}; projected {acc_bytes(50_000)/2**30:.2f} GiB at N=50,000 "
          f"(storing all profiles: {F_*50_000*4/2**30:.1f} GiB in float32)")
    print(f"    process peak RSS: {rss1:.2f} GiB (before the run: {rss0:.2f} GiB); the model, one batch's activations and the accumulator")
