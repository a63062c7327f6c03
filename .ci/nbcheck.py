"""Check that the notebooks read as a course (DESIGN.md, "How a notebook teaches"); exit 1 and list every problem.

Usage: python .ci/nbcheck.py [nbs/NAME.ipynb ...]   (default: every notebook, plus the README and the collection-wide rules)

Per notebook:
* a notebook that exports code shows at least as many outputs as it has export cells; any other notebook shows
  outputs in at least half of its code cells;
* every export cell is at most 60 lines and holds at most one public definition (a `def` or `class` not starting
  with `_`, or an UPPER_CASE constant); private helpers may share it;
* no markdown cell types a result interval such as "90.5 [88.5, 92.6]": results are rendered from data/results;
* no project history in the text: the words "issue", "session", "release", "rerun";
* the file is at most 1.2 MB.
Over all notebooks: the median export cell is at most 20 lines and at least 80% of export cells hold one public
definition. The README (generated from index.ipynb) obeys the history rule too."""
import json, re, statistics, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
args = [Path(a) for a in sys.argv[1:]]
nbs = args or sorted((root/'nbs').glob('*.ipynb'))
HISTORY = re.compile(r'\b(issues?|sessions?|releases?|reruns?)\b', re.I)
INTERVAL = re.compile(r'[-+]?\d+(\.\d+)?\s*\[\s*[-+]?\d+(\.\d+)?\s*,\s*[-+]?\d+(\.\d+)?\s*\]')
PUBLIC = re.compile(r'^(?:async\s+def|def|class)\s+([A-Za-z]\w*)|^([A-Z][A-Z0-9_]*)\s*(?::[^=]*)?=', re.M)
EXPORT = re.compile(r'^#\|\s*export\b', re.M)
problems, lens, one_def = [], [], []

def src(cell): return ''.join(cell['source'])

def check_text(name, text, where):
    for m in HISTORY.finditer(text): problems.append(f"{name}: {where}: history word {m.group(0)!r} (the text speaks of the method)")

for p in nbs:
    nb = json.loads(p.read_text(encoding='utf-8'))
    code = [c for c in nb['cells'] if c['cell_type'] == 'code']
    exports = [c for c in code if EXPORT.search(src(c))]
    shown = sum(1 for c in code if c.get('outputs'))
    if exports and shown < len(exports):
        problems.append(f"{p.name}: {shown} code cells show output, fewer than its {len(exports)} export cells")
    if not exports and code and shown < len(code)/2:
        problems.append(f"{p.name}: {shown} of {len(code)} code cells show output (at least half should)")
    for i, c in enumerate(nb['cells']):
        s = src(c)
        if c['cell_type'] == 'markdown':
            check_text(p.name, s, f"markdown cell {i}")
            for m in INTERVAL.finditer(s): problems.append(f"{p.name}: markdown cell {i} types a result interval {m.group(0)!r}")
        else: check_text(p.name, s, f"code cell {i}")
    for c in exports:
        s = src(c); n = len(s.splitlines()); lens.append(n)
        names = [a or b for a, b in PUBLIC.findall(s) if (a or b) not in ('__all__',)]
        one_def.append(len(names) <= 1)
        first = s.splitlines()[1] if len(s.splitlines()) > 1 else s
        if n > 60: problems.append(f"{p.name}: export cell of {n} lines (at most 60): {first[:70]}")
        if len(names) > 1: problems.append(f"{p.name}: export cell defines {len(names)} public names {names} (one per cell)")
    size = p.stat().st_size
    if size > 1_200_000: problems.append(f"{p.name}: {size/1e6:.2f} MB (at most 1.2 MB: smaller figures)")

if not args:
    if lens and statistics.median(lens) > 20: problems.append(f"export cells: median {statistics.median(lens)} lines (at most 20)")
    if one_def and sum(one_def)/len(one_def) < 0.8:
        problems.append(f"export cells: {sum(one_def)} of {len(one_def)} hold one public definition (at least 80%)")
    check_text('README.md', (root/'README.md').read_text(encoding='utf-8'), 'text')

print('\n'.join(problems) if problems else "nbcheck: every notebook reads as a course")
if lens: print(f"nbcheck: {len(lens)} export cells, median {statistics.median(lens)} lines, longest {max(lens)}, "
               f"{sum(one_def)} with one public definition")
sys.exit(1 if problems else 0)
