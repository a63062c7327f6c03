"""Benchmark: per-sample filter profiles, side by side in one process.

(a) the baseline's batch-size-1 loop (one backward per sample), (b) potsal.profiles.filter_profiles,
(c) a plain batched forward+backward of the summed loss (`loss.backward()`, ordinary summed weight gradients: no per-sample
information). ResNet-18 at 3x32x32 (batch 64) and ResNet-50 at 3x64x64 (batch 32), 10 classes, eval mode, float32.
The three are interleaved, --reps repetitions after a warm-up; each figure is the median over repetitions of the paired ratio:
    speed_of_light = time(c)/time(b) per batch (1.0 = filter_profiles costs as much as a plain backward; higher is better)
    vs_loop        = time(a)/time(b) per sample
Then (unless --skip-stats) the memory of potsal.stats.reference_stats for ResNet-50: the accumulator (O(F*m)) at N = --n-ref
projected to N = 50,000, and the process's peak RSS (one run; a memory figure, not a speed).
Usage: python bench/profiles.py [--device cpu|cuda] [--threads N] [--reps 7] [--clock wall|cpu] [--loop-samples 8] [--skip-loop]
                                [--n-ref 2000] [--skip-stats] [--models resnet18,resnet50]"""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import parser, setup, paired, median_ratio, median, result

p = parser(__doc__)
p.add_argument('--loop-samples', type=int, default=8, help='samples in the batch-size-1 loop per repetition')
p.add_argument('--skip-loop', action='store_true'); p.add_argument('--n-ref', type=int, default=2000)
p.add_argument('--skip-stats', action='store_true')
p.add_argument('--models', default='resnet18,resnet50')
a = p.parse_args()
dev = setup(a)
import resource, time
import torch, torch.nn.functional as F, torchvision
from potsal.profiles import filter_profiles, conv_layers
from potsal.stats import reference_stats
from potsal.evt import n_top
torch.manual_seed(0)

def loop(model, x, y):
    for b in range(len(x)):
        model.zero_grad(); F.cross_entropy(model(x[b:b+1]), y[b:b+1]).backward()
        [p.grad.abs().mean((1, 2, 3)) for _, p in model.named_parameters() if p.ndim == 4]

def plain(model, x, y):
    model.zero_grad(); F.cross_entropy(model(x), y, reduction='sum').backward()

print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, device {dev}, {a.reps} paired repetitions after a warm-up")
out = dict(bench='profiles', device=dev, threads=torch.get_num_threads(), reps=a.reps, clock=a.clock)
cases = {'resnet18': (torchvision.models.resnet18, 32, 64, 'r18'), 'resnet50': (torchvision.models.resnet50, 64, 32, 'r50')}
for key in a.models.split(','):
    builder, size, bs, tag = cases[key]
    model = builder(num_classes=10).eval().to(dev)
    x, y = torch.randn(bs, 3, size, size, device=dev), torch.randint(0, 10, (bs,), device=dev)
    nl = min(bs, a.loop_samples)
    sides = {'profiles': lambda: filter_profiles(model, x, y), 'plain': lambda: plain(model, x, y)}
    if not a.skip_loop: sides['loop'] = lambda: loop(model, x[:nl], y[:nl])
    t = paired(sides, a.reps, dev, clock=a.clock)
    model.zero_grad(set_to_none=True)
    sol = median_ratio(t['plain'], t['profiles'])
    print(f"{key} 3x{size}x{size}, batch {bs}: median s/batch  filter_profiles {median(t['profiles']):.3f}  plain {median(t['plain']):.3f}")
    print(f"    speed of light time(plain)/time(filter_profiles) = {sol:.3f} (median of {a.reps} paired; "
          f"min {min(a/b for a, b in zip(t['plain'], t['profiles'])):.3f}, max {max(a/b for a, b in zip(t['plain'], t['profiles'])):.3f})")
    out[f'{tag}_speed_of_light'] = sol
    if not a.skip_loop:
        vl = median_ratio([l/nl for l in t['loop']], [q/bs for q in t['profiles']])
        print(f"    per sample, time(loop)/time(filter_profiles) = {vl:.1f}x")
        out[f'{tag}_vs_loop'] = vl

if not a.skip_stats:
    model = torchvision.models.resnet50(num_classes=10).eval().to(dev)
    F_ = sum(c.out_channels for _, c in conv_layers(model))
    ds = torch.utils.data.TensorDataset(torch.randn(a.n_ref, 3, 64, 64), torch.randint(0, 10, (a.n_ref,)))
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/2**20
    t0 = time.perf_counter()
    rs = reference_stats(model, torch.utils.data.DataLoader(ds, batch_size=32), q=0.95, progress=False)
    secs = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/2**20
    acc_bytes = lambda n: F_*(2 + n_top(n, 0.95) + 32)*8     # mean, m2, top-m plus one batch of 32 being merged
    print(f"reference_stats, ResNet-50 3x64x64, N={a.n_ref}: {secs:.0f}s, one run; F={F_}")
    print(f"    accumulator: {acc_bytes(a.n_ref)/2**20:.0f} MiB at N={a.n_ref}; projected {acc_bytes(50_000)/2**30:.2f} GiB at N=50,000 "
          f"(storing all profiles: {F_*50_000*4/2**30:.1f} GiB in float32)")
    print(f"    process peak RSS: {rss1:.2f} GiB (before the run: {rss0:.2f} GiB)")
    out.update(stats_acc_gib_50k=acc_bytes(50_000)/2**30, stats_peak_rss_gib=rss1)
result(**out)
