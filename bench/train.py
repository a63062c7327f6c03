"""Benchmark: what makes training the study's source models faster, side by side in one process (issue 16, item 4).

Part 1, speed. One training step of potsal.models.train_model's recipe (ResNet-18, 10 classes, 3x32x32, batch 128, SGD
Nesterov, random shifts) in several variants, interleaved, --reps repetitions of --steps steps after a warm-up:
    fp32            the recipe as it is (the reference, ratio 1)
    channels_last   model and batches in torch.channels_last memory format
    bf16_autocast   the forward under torch.autocast('cpu', dtype=torch.bfloat16) (weights and optimiser stay float32)
    compile         torch.compile(model) (inductor; needs a C++ compiler; 'unavailable' with the reason when it fails)
    shift_only      the random-shift augmentation alone (the share of a step spent on data, which lives in memory)
Each figure is the median over repetitions of time(variant)/time(fp32): below 1 is faster.
Part 2 (--epochs 4,6,8; skipped with --epochs ''): the epoch count the 97% bar needs. train_model with the study's recipe and
each epoch count, on training seeds --seeds, from scratch (no cache), and the accuracy on the 1,000 held-out MNIST test digits.
Usage: python bench/train.py [--threads 1 --clock cpu] [--reps 5] [--steps 3] [--epochs 4,6,8] [--seeds 0,1]"""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import parser, setup, paired, median_ratio, result

p = parser(__doc__, reps=5)
p.add_argument('--steps', type=int, default=3, help='training steps per repetition and variant')
p.add_argument('--epochs', default='4,6,8', help="epoch counts for part 2 (comma-separated; '' skips part 2)")
p.add_argument('--seeds', default='0,1', help='training seeds for part 2')
a = p.parse_args()
dev = setup(a)
import copy, time
import torch, torch.nn.functional as F
from potsal.data import embedded
from potsal.models import build_model, train_model, accuracy, TrainConfig, _shift

torch.manual_seed(0)
split = embedded('mnist')
data, cfg = split['train'], TrainConfig()
print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, device {dev}; {a.reps} paired repetitions of {a.steps} steps")

def make(variant):
    "A zero-argument callable running a.steps training steps of a fresh copy of the model in one variant."
    torch.manual_seed(0)
    model = build_model('resnet18', 10).to(dev).train()
    if variant == 'channels_last': model = model.to(memory_format=torch.channels_last)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True, weight_decay=cfg.weight_decay)
    net = torch.compile(model) if variant == 'compile' else model
    gen = torch.Generator().manual_seed(0)
    def steps():
        for _ in range(a.steps):
            i = torch.randint(0, len(data), (cfg.batch_size,), generator=gen)
            x, y = _shift(data.x[i], gen, cfg.max_shift).to(dev), data.y[i].to(dev)
            if variant == 'shift_only': continue
            if variant == 'channels_last': x = x.contiguous(memory_format=torch.channels_last)
            opt.zero_grad()
            with torch.autocast(dev, dtype=torch.bfloat16, enabled=variant == 'bf16_autocast'):
                loss = F.cross_entropy(net(x), y)
            loss.backward(); opt.step()
    return steps

sides, unavailable = {}, {}
for v in ('fp32', 'channels_last', 'bf16_autocast', 'compile', 'shift_only'):
    fn = make(v)
    try: fn()   # compiles, for torch.compile; fails here if no compiler
    except Exception as e: unavailable[v] = f"{type(e).__name__}: {str(e).splitlines()[0][:120]}"; continue
    sides[v] = fn
t = paired(sides, a.reps, dev, clock=a.clock)
out = dict(bench='train', device=dev, threads=torch.get_num_threads(), reps=a.reps, clock=a.clock, steps=a.steps)
for v in sides:
    if v == 'fp32': continue
    r = median_ratio(t[v], t['fp32']); out[f'{v}_ratio'] = r
    print(f"  {v:14s} {r:.3f} x the fp32 step time")
for v, why in unavailable.items(): print(f"  {v:14s} unavailable ({why})"); out[f'{v}_ratio'] = 'unavailable'
print(f"  fp32 step: {1000*sorted(t['fp32'])[len(t['fp32'])//2]/a.steps:.0f} ms ({a.clock} clock)")

if a.epochs:
    test = split['test']
    for ep in [int(e) for e in a.epochs.split(',')]:
        accs, secs = [], []
        for s in [int(s) for s in a.seeds.split(',')]:
            model = build_model('resnet18', 10)
            t0 = time.perf_counter()
            train_model(model, data, epochs=ep, lr=cfg.lr, batch_size=cfg.batch_size, seed=s, max_shift=cfg.max_shift, device=dev,
                        progress=False, val=split['val'])
            secs.append(time.perf_counter() - t0); accs.append(100*accuracy(model, test, dev))
        print(f"  {ep} epochs: MNIST test accuracy {', '.join(f'{v:.1f}%' for v in accs)} (seeds {a.seeds}); {sum(secs)/len(secs):.0f} s per model")
        out[f'acc_min_{ep}ep'] = min(accs); out[f'train_s_{ep}ep'] = sum(secs)/len(secs)
result(**out)
