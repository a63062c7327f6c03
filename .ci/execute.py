"""Execute notebooks top to bottom in place, slow cells included, and keep their outputs (then `nbdev_clean` them).

Usage: python .ci/execute.py [nbs/NAME.ipynb ...]     (default: every notebook in nbs/, in order)

Each notebook runs in a fresh kernel with its own folder as the working directory, as a reader's Jupyter would;
an error stops that notebook, leaves the file untouched and makes the command exit 1. Figures are drawn at
90 dpi so that a notebook stays small."""
import os, subprocess, sys, tempfile, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient

root = Path(__file__).resolve().parent.parent
nbs = [Path(a).resolve() for a in sys.argv[1:]] or sorted(p for p in (root/'nbs').glob('*.ipynb') if not p.name.startswith('_'))
rc_dir = Path(tempfile.mkdtemp())
(rc_dir/'matplotlibrc').write_text('figure.dpi: 90\nsavefig.dpi: 90\n')
os.environ['MATPLOTLIBRC'] = str(rc_dir/'matplotlibrc')
os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')   # the kernels' idle OpenMP threads sleep, not spin (bench/threads.py)
failed = []
for nb_path in nbs:
    t0 = time.time()
    nb = nbformat.read(nb_path, as_version=4)
    client = NotebookClient(nb, timeout=None, kernel_name='python3', resources={'metadata': {'path': str(nb_path.parent)}},
                            extra_arguments=['--InlineBackend.rc={"figure.dpi": 90}'])
    try: client.execute()
    except Exception as e:
        failed.append(nb_path.name)
        print(f"FAIL {nb_path.name} ({time.time() - t0:.0f}s): {str(e)[-3000:]}", flush=True)
        continue
    tmp = nb_path.with_name(f'.{nb_path.name}.tmp')
    nbformat.write(nb, tmp); tmp.replace(nb_path)
    print(f"ran  {nb_path.name} ({time.time() - t0:.0f}s, {nb_path.stat().st_size/1e3:.0f} kB before cleaning)", flush=True)
if nbs:
    for p in nbs: subprocess.run([str(Path(sys.executable).parent/"nbdev_clean"), "--fname", str(p)], cwd=root, check=True)
print(f"{len(nbs) - len(failed)} executed, {len(failed)} failed" + (f": {', '.join(failed)}" if failed else ''))
sys.exit(1 if failed else 0)
