"""OpenMP's wait policy on a shared machine: a training step and `filter_profiles`, each in fresh processes with
OMP_WAIT_POLICY unset (OpenMP's default: idle threads spin) or PASSIVE (idle threads sleep), interleaved, side by side.

Usage: python bench/threads.py [--reps 5] [--steps 10]
Prints the median seconds per step and per profiles call of each setting, then one RESULT line with the ratios
passive / default (below 1: passive is faster). Run it on an idle machine and on a loaded one: spinning threads cost
nothing when the cores are free and a great deal when other processes want them."""
import argparse, json, os, statistics, subprocess, sys

CHILD = r'''
import json, sys, time, torch, torchvision
import torch.nn.functional as F
from potsal.profiles import filter_profiles
steps = int(sys.argv[1])
torch.manual_seed(0)
m = torchvision.models.resnet18(num_classes=10)
opt = torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.9)
x, y = torch.randn(128, 3, 32, 32), torch.randint(0, 10, (128,))
def step():
    opt.zero_grad(); F.cross_entropy(m(x), y).backward(); opt.step()
step()                                            # warm-up
t0 = time.perf_counter()
for _ in range(steps): step()
train = (time.perf_counter() - t0)/steps
m.eval(); xs, ys = x[:32], y[:32]
filter_profiles(m, xs, ys)
t0 = time.perf_counter()
for _ in range(max(1, steps//2)): filter_profiles(m, xs, ys)
prof = (time.perf_counter() - t0)/max(1, steps//2)
print(json.dumps(dict(train=train, profiles=prof)))
'''

def run(policy, steps):
    env = {k: v for k, v in os.environ.items() if k != 'OMP_WAIT_POLICY'}
    if policy: env['OMP_WAIT_POLICY'] = policy
    r = subprocess.run([sys.executable, '-c', CHILD, str(steps)], env=env, capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--reps', type=int, default=5); ap.add_argument('--steps', type=int, default=10)
    a = ap.parse_args()
    with open('/proc/loadavg') as f: load = f.read().split()[0]
    res = {'default': [], 'PASSIVE': []}
    for _ in range(a.reps):
        for name in res: res[name].append(run(None if name == 'default' else name, a.steps))
    med = {n: {k: statistics.median(r[k] for r in rs) for k in ('train', 'profiles')} for n, rs in res.items()}
    for n, d in med.items(): print(f"{n:8s} train step {d['train']:.3f} s   filter_profiles (32 images) {d['profiles']:.3f} s")
    print(f"RESULT threads: load {load}, {os.cpu_count()} cores, torch threads default; passive/default: "
          f"train {med['PASSIVE']['train']/med['default']['train']:.2f}x, profiles {med['PASSIVE']['profiles']/med['default']['profiles']:.2f}x")
