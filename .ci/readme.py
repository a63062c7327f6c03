"""Write README.md from nbs/index.ipynb. No quarto needed.

Markdown cells verbatim; code cells as ```python blocks, their `#|` lines left out, then their outputs: a Markdown output
(`IPython.display.Markdown`) as Markdown, any other text output as a plain block. `#| hide` drops a cell; `#| echo: false`
keeps only its outputs (a results table rendered from data/results reads as text); `#| output: false` keeps only its code.
Figures are not copied: the README shows the images that markdown cells link to."""
import json, re
from pathlib import Path

root = Path(__file__).resolve().parent.parent
nb = json.loads((root/'nbs/index.ipynb').read_text(encoding='utf-8'))
DIRECTIVE = re.compile(r'^\s*#\s*\|\s*(.*?)\s*$')

def options(src):
    "The cell's `#|` options, normalised ('echo: false'), and its code without them."
    opts = [re.sub(r'\s*:\s*', ': ', m.group(1)).lower() for l in src.splitlines() if (m := DIRECTIVE.match(l))]
    return opts, '\n'.join(l for l in src.splitlines() if not DIRECTIVE.match(l)).strip('\n')

def output_text(out):
    "A cell output as README text: Markdown as is, other text in a plain block; '' for figures and empty outputs."
    data = out.get('data', {})
    if 'text/markdown' in data: return ''.join(data['text/markdown'])
    if any(k.startswith('image/') for k in data): return ''
    text = ''.join(out.get('text', '')) or ''.join(data.get('text/plain', ''))
    return f"```\n{text.rstrip()}\n```" if text.strip() else ''

parts = []
for cell in nb['cells']:
    src = ''.join(cell['source'])
    if cell['cell_type'] == 'markdown': parts.append(src.replace("](images/", "](nbs/images/")); continue
    if cell['cell_type'] != 'code': continue
    opts, code = options(src)
    if 'hide' in opts or 'include: false' in opts: continue
    if 'echo: false' not in opts and code: parts.append(f"```python\n{code}\n```")
    if 'output: false' not in opts: parts += [t for t in map(output_text, cell.get('outputs', [])) if t]
readme = "\n\n".join(parts).rstrip() + "\n\n<!-- generated from nbs/index.ipynb by .ci/readme.py: edit the notebook, not this file -->\n"
tmp = root/'README.md.tmp'
tmp.write_text(readme, encoding='utf-8'); tmp.replace(root/'README.md')
