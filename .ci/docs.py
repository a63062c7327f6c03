#!/usr/bin/env python
"""Build the documentation site into _docs/ (offline, from the notebooks' committed outputs).

    .venv/bin/python .ci/docs.py            # then open _docs/index.html
    .venv/bin/python .ci/docs.py --serve    # build, then serve it on http://127.0.0.1:8000/ (search needs http)

Generator: Sphinx + myst-nb (Jupyter Book 1's engine) with sphinx-book-theme; MathJax 3 is served from the
copy bundled in the PyPI wheel sphinx-mathjax-offline, so pages need no network. Notebooks are never
executed and nbs/ is never written: each notebook is copied into a temporary source folder first, where
  * a code cell whose first line is `#| hide` (or that has `#| include: false`) is dropped, source and output;
  * every `#|` directive line (`#| export`, `#| default_exp evt`, `#| slow`, ...) is removed from the code shown;
  * `#| echo: false` hides the source and keeps the output, `#| output: false` the other way round;
  * a cell left with neither source nor output (e.g. `#| default_exp evt` alone) is dropped.
Pages: nbs/index.ipynb is the home page, then one page per nbs/[0-9]*.ipynb in numeric order, then an API
reference with one page per potsal module, generated here from each module's `__all__`: signature,
docstring and fastcore docments (the `# comment` after each parameter). A module that fails to import
fails the build with a message naming it.
"""
from __future__ import annotations
import configparser, importlib, inspect, json, pkgutil, re, shutil, sys, tempfile, time, traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
cfg = configparser.ConfigParser(delimiters=['='])
cfg.read(ROOT/'settings.ini', encoding='utf-8')
CFG = cfg['DEFAULT']
NBS, LIB, OUT = ROOT/CFG.get('nbs_path', 'nbs'), CFG.get('lib_name', 'potsal'), ROOT/CFG.get('doc_path', '_docs')

class DocsError(Exception): "A problem that should stop the build, with a message saying what to fix."

# ---------------------------------------------------------------- notebooks
DIRECTIVE = re.compile(r'^\s*#\s*\|\s*(.*?)\s*$')  # nbdev / Quarto cell option: `#| export`, `#|hide`, `#| echo: false`

def nb_order(p: Path):
    "Sort key: the leading number of the name as a number (so 2 < 10), then the name."
    m = re.match(r'(\d+)', p.name)
    return (int(m.group(1)) if m else 1 << 30, p.name)

def notebooks() -> list[Path]:
    "nbs/[0-9]*.ipynb in numeric order (index.ipynb is the home page, handled apart)."
    return sorted(NBS.glob('[0-9]*.ipynb'), key=nb_order)

def _src(cell) -> str: return ''.join(cell['source']) if isinstance(cell['source'], list) else cell['source']

def clean_cell(cell):
    "The cell as it should appear on the page, or None to drop it."
    if cell['cell_type'] != 'code': return cell
    lines = _src(cell).splitlines()
    lead = []  # the cell's options: its leading directive lines, as nbdev and Quarto read them
    for l in lines:
        if DIRECTIVE.match(l): lead.append(re.sub(r'\s*:\s*', ': ', DIRECTIVE.match(l).group(1)).lower())
        elif l.strip(): break
    if any(o.split()[:1] in (['hide'], ['hide:']) for o in lead) or 'include: false' in lead: return None
    kept = [l for l in lines if not DIRECTIVE.match(l)]  # no `#|` line is ever shown, wherever it stands
    while kept and not kept[0].strip(): kept.pop(0)
    cell = dict(cell, source='\n'.join(kept).rstrip())
    md = dict(cell.get('metadata', {}))
    tags = list(md.get('tags', []))
    if 'echo: false' in lead or 'hide_input' in lead: tags.append('remove-input')
    if 'output: false' in lead: tags.append('remove-output')
    if tags: md['tags'] = tags
    cell['metadata'] = md
    if not cell['source'] and not cell.get('outputs'): return None
    return cell

def copy_notebook(src: Path, dst: Path, extra_md: str | None = None):
    nb = json.loads(src.read_text(encoding='utf-8'))
    nb['cells'] = [c for c in map(clean_cell, nb['cells']) if c is not None]
    if extra_md: nb['cells'].append({'cell_type': 'markdown', 'id': 'docs-toc', 'metadata': {}, 'source': extra_md})
    dst.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding='utf-8')
    return nb

def default_exports() -> dict[str, str]:
    "module name -> notebook stem, from each notebook's `#| default_exp` line."
    res = {}
    for p in notebooks():
        for c in json.loads(p.read_text(encoding='utf-8'))['cells']:
            if c['cell_type'] != 'code': continue
            for l in _src(c).splitlines():
                m = DIRECTIVE.match(l)
                if m and m.group(1).split()[:1] == ['default_exp'] and len(m.group(1).split()) > 1:
                    res[f'{LIB}.{m.group(1).split()[1]}'] = p.stem
    return res

# ---------------------------------------------------------------- API reference
def modules() -> list[str]:
    "Every public module of the library: those in _modidx.py and those found on disk."
    names = set()
    try: names |= set(importlib.import_module(f'{LIB}._modidx').d['syms'])
    except Exception as e: raise DocsError(f'cannot read {LIB}/_modidx.py ({type(e).__name__}: {e}); run nbdev_export')
    pkg = ROOT/CFG.get('lib_path', LIB)
    names |= {f'{LIB}.{m.name}' for m in pkgutil.iter_modules([str(pkg)]) if not m.name.startswith('_')}
    return sorted(names)

def _esc(s) -> str: return str(s).replace('|', '\\|').replace('\n', ' ')

def _anno(a) -> str:
    if a in (inspect.Parameter.empty, inspect.Signature.empty, None): return ''
    return a if isinstance(a, str) else inspect.formatannotation(a)

def _default(v) -> str:
    r = repr(v)
    return '...' if '<' in r or len(r) > 60 else r  # no memory addresses, nothing unreadable

class _Raw:
    "Prints as the given text: lets inspect lay out a signature from cleaned-up annotations and defaults."
    def __init__(self, s): self.s = s
    def __repr__(self): return self.s

def sig_str(name: str, obj, drop_self=False) -> str:
    "`name(a: int = 1, *, b=...) -> T`, with defaults Sphinx can parse and no memory addresses."
    try: sig = inspect.signature(obj)
    except (TypeError, ValueError): return f'{name}(...)'
    ps = list(sig.parameters.values())
    if drop_self and ps and ps[0].name in ('self', 'cls'): ps = ps[1:]
    ps = [p.replace(annotation=_Raw(a) if (a := _anno(p.annotation)) else p.empty,
                    default=p.empty if p.default is p.empty else _Raw(_default(p.default))) for p in ps]
    ret = _anno(sig.return_annotation)
    sig = sig.replace(parameters=ps, return_annotation=_Raw(ret) if ret and ret != 'None' else sig.empty)
    return name + str(sig)

def params_table(obj) -> str:
    "A markdown table of the parameters with their docments (fastcore), or '' when there is nothing to say."
    from fastcore.docments import docments
    try: d = docments(obj, full=True)
    except Exception: return ''
    if not any(v.get('docment') for v in d.values()): return ''  # the signature already says it all
    rows = []
    for k, v in d.items():
        if k in ('self', 'cls'): continue
        doc, anno = v.get('docment') or '', _anno(v.get('anno'))
        if k == 'return':
            if doc or (anno and anno != 'None'): rows.append(f'| **returns** | {_esc(anno)} | | {_esc(doc)} |')
            continue
        dflt = '' if v.get('default') is inspect.Parameter.empty else f'`{_esc(_default(v["default"]))}`'
        rows.append(f'| `{k}` | {_esc(anno)} | {dflt} | {_esc(doc)} |')
    if not rows: return ''
    return '| Parameter | Type | Default | Details |\n|---|---|---|---|\n' + '\n'.join(rows) + '\n'

def _doc(obj) -> str:
    d = inspect.getdoc(obj) if not isinstance(obj, (int, float, str, tuple, list, dict, set)) else None
    return (d or '').strip()

def _public_members(cls):
    "Public methods and properties a class defines itself (including nbdev @patch ones), in definition order."
    for k, v in vars(cls).items():
        if k.startswith('_'): continue
        if isinstance(v, property): yield k, v, 'property'
        elif isinstance(v, (staticmethod, classmethod)): yield k, v.__func__, 'method'
        elif inspect.isfunction(v): yield k, v, 'method'

def symbol_md(name: str, obj) -> str:
    if inspect.isclass(obj):
        kind = 'exception' if issubclass(obj, BaseException) else 'class'
        body = [_doc(obj), params_table(obj)]
        for k, m, mk in _public_members(obj):
            f = m.fget if mk == 'property' else m
            sig = k if mk == 'property' else sig_str(k, f, drop_self=True)
            sub = [_doc(f) or '', params_table(f) if mk != 'property' else '']
            body.append(f':::{{py:{mk}}} {sig}\n\n' + '\n\n'.join(s for s in sub if s) + '\n:::')
        return f'::::{{py:{kind}}} {sig_str(name, obj)}\n\n' + '\n\n'.join(s for s in body if s) + '\n::::\n'
    if callable(obj):
        body = [_doc(obj), params_table(obj)]
        return f':::{{py:function}} {sig_str(name, obj)}\n\n' + '\n\n'.join(s for s in body if s) + '\n:::\n'
    r = repr(obj)
    r = r if len(r) <= 200 else r[:200] + ' ...'
    return f':::{{py:data}} {name}\n:type: {type(obj).__name__}\n\n```python\n{name} = {r}\n```\n:::\n'

def module_page(modname: str, nb_stem: str | None) -> tuple[str, str]:
    "(page text, title) of one module's API page; raises DocsError when the module or a name in __all__ is missing."
    try: mod = importlib.import_module(modname)
    except BaseException as e:
        tb = ''.join(traceback.format_exception(e)[-3:])
        raise DocsError(f'cannot import {modname} for the API reference ({type(e).__name__}: {e}); '
                        f'fix the module (or its notebook and nbdev_export)\n{tb}')
    names = getattr(mod, '__all__', None)
    if names is None:  # not nbdev-made: its public names defined there
        names = [k for k, v in vars(mod).items() if not k.startswith('_') and getattr(v, '__module__', None) == modname]
    missing = [n for n in names if not hasattr(mod, n)]
    if missing: raise DocsError(f'{modname}.__all__ names {missing}, which the module does not define')
    desc = (inspect.getdoc(mod) or '').strip().splitlines()
    parts = [f'# {modname}\n', f'{desc[0]}\n' if desc else '']
    if nb_stem: parts.append(f'Source notebook: {{doc}}`../{nb_stem}`.\n')
    parts.append(f'```{{py:module}} {modname}\n:no-index:\n```\n')
    parts.append(f'```{{py:currentmodule}} {modname}\n```\n')
    for n in names: parts.append(symbol_md(n, getattr(mod, n)))
    return '\n'.join(parts), modname

def write_api(src: Path) -> list[str]:
    (src/'api').mkdir()
    exp, docs = default_exports(), []
    order = {stem: i for i, stem in enumerate(p.stem for p in notebooks())}
    for m in sorted(modules(), key=lambda m: (order.get(exp.get(m), len(order)), m)):  # in their notebooks' order
        text, _ = module_page(m, exp.get(m))
        short = m.split('.', 1)[1]
        (src/'api'/f'{short}.md').write_text(text, encoding='utf-8')
        docs.append(f'api/{short}')
    return docs

# ---------------------------------------------------------------- sphinx
CONF = '''
project = {title!r}
author = {author!r}
copyright = {copyright!r}
extensions = ['myst_nb', 'sphinx-mathjax-offline']  # the latter: MathJax 3 copied into _static/mathjax, no CDN
html_theme = 'sphinx_book_theme'
html_title = {title!r}
html_theme_options = dict(use_download_button=False, use_fullscreen_button=False, show_navbar_depth=1,
                          home_page_in_toc=True, navigation_with_keys=False)
html_context = dict(default_mode='light')  # a fresh browser otherwise logs 'invalid theme mode' as an error
html_favicon = 'favicon.svg'              # written by docs.py; without one the browser asks for /favicon.ico (404)
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
myst_enable_extensions = ['dollarmath', 'amsmath', 'colon_fence']
myst_heading_anchors = 3
nb_execution_mode = 'off'     # the committed outputs are the documentation
nb_ipywidgets_js = {{}}         # no require.js / widget manager from a CDN
nb_merge_streams = True
maximum_signature_line_length = 90
add_module_names = False
suppress_warnings = ['myst.header', 'mystnb.unknown_mime_type', 'misc.highlighting_failure']
exclude_patterns = ['**.ipynb_checkpoints']
'''

FAVICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#2a5d8f"/>'
           '<path d="M4 26 C12 26 14 6 18 6 C21 6 22 20 28 24" stroke="#fff" stroke-width="3" fill="none"/></svg>')

def build(out: Path = OUT, quiet: bool = True) -> float:
    "Build the site into `out`; returns the seconds it took. Raises DocsError on failure."
    t0 = time.time()
    sys.path.insert(0, str(ROOT))
    if not (NBS/'index.ipynb').exists(): raise DocsError(f'{NBS/"index.ipynb"} is missing: it is the home page')
    nbs = notebooks()
    if not nbs: raise DocsError(f'no notebooks match {NBS}/[0-9]*.ipynb')
    with tempfile.TemporaryDirectory(prefix='potsal-docs-') as tmp:
        src, doctrees = Path(tmp)/'src', Path(tmp)/'doctrees'
        # everything in nbs/ that is not a notebook (images referenced from markdown), then the cleaned notebooks
        shutil.copytree(NBS, src, ignore=shutil.ignore_patterns('*.ipynb', '.*', '__pycache__', '_proc', '_docs'))
        for p in nbs: copy_notebook(p, src/p.name)
        api = write_api(src)
        toc = ('```{toctree}\n:hidden:\n:caption: Notebooks\n\n' + '\n'.join(p.stem for p in nbs) + '\n```\n\n'
               '```{toctree}\n:hidden:\n:caption: API reference\n\n' + '\n'.join(api) + '\n```\n')
        copy_notebook(NBS/'index.ipynb', src/'index.ipynb', extra_md=toc)
        (src/'favicon.svg').write_text(FAVICON, encoding='utf-8')
        (src/'conf.py').write_text(CONF.format(title=CFG.get('title', LIB), author=CFG.get('author', ''),
                                               copyright=CFG.get('copyright', '')), encoding='utf-8')
        # sphinx writes into the temporary folder (myst-nb puts its jupyter_execute/ beside the output folder),
        # and the finished site replaces `out` only when the build succeeded
        html = Path(tmp)/'html'
        from sphinx.cmd.build import build_main
        rc = build_main(['-b', 'html', '-E', '-j', '1', *(['-q'] if quiet else []),
                         '-d', str(doctrees), str(src), str(html)])
        if rc: raise DocsError(f'sphinx-build failed (exit {rc}); see the messages above')
        for stale in ('.buildinfo', '.doctrees', '_sources'):  # build bookkeeping, not part of the site
            (html/stale).unlink(missing_ok=True) if (html/stale).is_file() else shutil.rmtree(html/stale, ignore_errors=True)
        if out.exists(): shutil.rmtree(out)
        shutil.copytree(html, out)
    return time.time() - t0

def main():
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', type=Path, default=OUT, help='output folder (default: %(default)s)')
    ap.add_argument('-v', '--verbose', action='store_true', help="show sphinx's progress, not only its warnings")
    ap.add_argument('--serve', nargs='?', type=int, const=8000, metavar='PORT',
                    help='after building, serve the site on http://127.0.0.1:PORT/ (default 8000) until Ctrl-C')
    a = ap.parse_args()
    try: secs = build(a.out.resolve(), quiet=not a.verbose)
    except DocsError as e: sys.exit(f'docs: {e}')
    print(f'docs: built {a.out/"index.html"} in {secs:.1f}s')
    if a.serve is not None:
        import functools, http.server
        srv = http.server.ThreadingHTTPServer(('127.0.0.1', a.serve), functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(a.out.resolve())))
        print(f'docs: serving on http://127.0.0.1:{a.serve}/ (Ctrl-C stops)')
        try: srv.serve_forever()
        except KeyboardInterrupt: pass

if __name__ == '__main__': main()
