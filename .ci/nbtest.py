"""Run each notebook's tests with nbdev_test (two at a time) and end with the line `N passed, M failed`.

Usage: python .ci/nbtest.py [--flags slow] [notebook ...]"""
import os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

root = Path(__file__).resolve().parent.parent
args = sys.argv[1:]
flags = []
if '--flags' in args:
    i = args.index('--flags'); flags = ['--flags', args[i+1]]; del args[i:i+2]
nbs = [Path(a) for a in args] or sorted(p for p in (root/'nbs').glob('*.ipynb') if not p.name.startswith('_'))
nbdev_test = Path(sys.executable).parent/'nbdev_test'

# two notebooks run at a time, so each gets one thread: torch's default (one per core) oversubscribes the cores, and its
# spinning threads then make small operations many times slower
env = {**os.environ, 'OMP_NUM_THREADS': os.environ.get('OMP_NUM_THREADS', '1'), 'OMP_WAIT_POLICY': os.environ.get('OMP_WAIT_POLICY', 'PASSIVE')}

def run(nb):
    t0 = time.time()
    r = subprocess.run([str(nbdev_test), '--path', str(nb), '--do_print', *flags], cwd=root, capture_output=True, text=True, env=env)
    return nb, r.returncode, time.time() - t0, r.stdout + r.stderr

passed = failed = 0
with ThreadPoolExecutor(2) as ex:
    for nb, rc, secs, out in ex.map(run, nbs):
        print(f"{'PASS' if rc == 0 else 'FAIL'} {nb.name} ({secs:.0f}s)", flush=True)
        if rc: print(out[-6000:], flush=True); failed += 1
        else: passed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
