"""Fail when `nbdev_export`, `nbdev_clean` or the README generator would change a tracked file.

Runs them in a temporary copy of the repository, so the working tree is never touched, and lists every file that differs."""
import filecmp, shutil, subprocess, sys, tempfile
from pathlib import Path

root = Path(__file__).resolve().parent.parent
bindir = Path(sys.executable).parent
with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    for name in ['nbs', 'potsal', '.ci']: shutil.copytree(root/name, tmp/name, ignore=shutil.ignore_patterns('__pycache__', '.ipynb_checkpoints'))
    for name in ['settings.ini', 'README.md', 'setup.py']: shutil.copy2(root/name, tmp/name)
    for cmd in [[bindir/'nbdev_export'], [bindir/'nbdev_clean'], [sys.executable, '.ci/readme.py']]:
        r = subprocess.run([str(c) for c in cmd], cwd=tmp, capture_output=True, text=True)
        if r.returncode: sys.exit(f"sync check: {cmd[-1]} failed:\n{r.stdout}\n{r.stderr}")
    changed = []
    for f in sorted(set((tmp/'potsal').rglob('*.py')) | set((tmp/'nbs').rglob('*.ipynb')) | {tmp/'README.md'}):
        rel = f.relative_to(tmp)
        if not (root/rel).exists() or not filecmp.cmp(f, root/rel, shallow=False): changed.append(str(rel))
    for f in (root/'potsal').rglob('*.py'):
        if not (tmp/f.relative_to(root)).exists(): changed.append(f"{f.relative_to(root)} (not produced by nbdev_export)")
if changed:
    sys.exit("Notebooks, library and README are out of sync; run `nbdev_export && nbdev_clean && python .ci/readme.py` and commit:\n  "
             + "\n  ".join(changed))
print("sync check: potsal/, nbs/ and README.md are in sync")
