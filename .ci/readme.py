"Write README.md from nbs/index.ipynb (markdown cells verbatim, code cells and their text outputs as blocks). No quarto needed."
import json
from pathlib import Path

root = Path(__file__).resolve().parent.parent
nb = json.loads((root/'nbs/index.ipynb').read_text(encoding='utf-8'))
parts = []
for cell in nb['cells']:
    src = ''.join(cell['source'])
    if cell['cell_type'] == 'markdown': parts.append(src.replace("](images/", "](nbs/images/"))
    elif cell['cell_type'] == 'code' and not src.lstrip().startswith('#| hide'):
        parts.append(f"```python\n{src}\n```")
        for out in cell.get('outputs', []):
            text = ''.join(out.get('text', '')) or ''.join(out.get('data', {}).get('text/markdown', '')) or ''.join(out.get('data', {}).get('text/plain', ''))
            if text: parts.append(text if 'text/markdown' in out.get('data', {}) else f"```\n{text.rstrip()}\n```")
readme = "\n\n".join(parts).rstrip() + "\n\n<!-- generated from nbs/index.ipynb by .ci/readme.py: edit the notebook, not this file -->\n"
tmp = root/'README.md.tmp'
tmp.write_text(readme, encoding='utf-8'); tmp.replace(root/'README.md')
