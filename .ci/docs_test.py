#!/usr/bin/env python
"""Browser test of the documentation site: build it (.ci/docs.py), serve _docs/ on 127.0.0.1, open it in headless
Debian chromium through Selenium and check that it renders. Screenshots go to _docs/screenshots/.

    .venv/bin/python .ci/docs_test.py              # build, then test
    .venv/bin/python .ci/docs_test.py --no-build   # test the site already in _docs/

Needs chromium and chromedriver (Debian: apt-get install -y chromium chromium-driver) and selenium (dev_requirements).
The last line printed is `N passed, M failed`; the exit status is non-zero when anything failed.
"""
from __future__ import annotations
import argparse, functools, html, http.server, json, os, re, shutil, sys, threading, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT/'.ci'))
import docs  # the build script beside this one

DIRECTIVE_LINE = re.compile(r'^\s*#\s*\|\s*[\w-]+', re.M)   # `#| export`, `#|hide`, `#| default_exp evt` ...
EXTERNAL = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)\s*=\s*["\']?(?:https?:)?//', re.I)
CDN = re.compile(r'cdn\.jsdelivr|cdnjs\.cloudflare|unpkg\.com|googleapis\.com|polyfill\.io|mathjax\.org', re.I)
results: list[tuple[bool, str]] = []

def check(ok: bool, what: str, why: str = ''):
    results.append((bool(ok), what))
    print(f"{'PASS' if ok else 'FAIL'}  {what}" + ('' if ok or not why else f': {why}'), flush=True)
    return ok

def browser():
    "A headless Debian chromium under Selenium, or exit with a one-line message naming what to install."
    chromium = next((shutil.which(n) for n in ('chromium', 'chromium-browser') if shutil.which(n)), None)
    driver = shutil.which('chromedriver') or next((p for p in ('/usr/bin/chromedriver', '/usr/lib/chromium/chromedriver') if os.path.exists(p)), None)
    if not chromium: sys.exit('docs_test: chromium is not installed; install the Debian packages: apt-get install -y chromium chromium-driver')
    if not driver: sys.exit('docs_test: chromedriver is not installed; install the Debian package: apt-get install -y chromium-driver')
    try: from selenium import webdriver
    except ImportError: sys.exit('docs_test: the Python package selenium is missing; run: .venv/bin/pip install -e ".[dev]"')
    os.environ.setdefault('SE_OFFLINE', 'true')  # never let Selenium Manager try to download a browser or driver
    o = webdriver.ChromeOptions()
    o.binary_location = chromium
    for a in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--window-size=1280,900',
              '--disable-extensions', '--no-first-run', '--disable-background-networking'):
        o.add_argument(a)
    o.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    return webdriver.Chrome(options=o, service=webdriver.ChromeService(executable_path=driver))

def serve(site: Path):
    "A quiet static http server for `site` on 127.0.0.1 (free port), in a thread; returns (server, base url)."
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a): pass
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f'http://127.0.0.1:{srv.server_address[1]}/'

def page_text(path: Path) -> str:
    "What a page shows as text: its HTML without tags, unescaped."
    return html.unescape(re.sub(r'<[^>]+>', '', path.read_text(encoding='utf-8')))

def static_checks(site: Path):
    pages = sorted(site.rglob('*.html'))
    nbs = docs.notebooks()
    check((site/'index.html').exists() and all((site/f'{p.stem}.html').exists() for p in nbs),
          f'a page for index.ipynb and each of the {len(nbs)} numbered notebooks',
          str([p.stem for p in nbs if not (site/f'{p.stem}.html').exists()]))
    mods = docs.modules()
    check(all((site/'api'/f'{m.split(".", 1)[1]}.html').exists() for m in mods), f'an API page for each of the {len(mods)} modules')
    bad = [f'{p.relative_to(site)}: {m.group(0).strip()}' for p in pages for m in [DIRECTIVE_LINE.search(page_text(p))] if m]
    check(not bad, f'(f) no `#|` directive line on any of the {len(pages)} pages', '; '.join(bad[:5]))
    ext = [f'{p.relative_to(site)}: {m.group(0)[:120]}' for p in pages for t in [p.read_text(encoding='utf-8')]
           for m in [EXTERNAL.search(t) or CDN.search(t)] if m]
    check(not ext, '(g) no CDN or other external script/stylesheet/image URL in any page', '; '.join(ext[:5]))
    mj = site/'_static'/'mathjax'/'tex-chtml.js'
    check(mj.exists(), 'MathJax is served from the site itself (_static/mathjax/tex-chtml.js)')

def directive_checks():
    "docs.clean_cell on made-up cells: what `#| hide`, `#| export` & co. do to a cell on its page."
    def cell(src, outputs=()): return {'cell_type': 'code', 'metadata': {}, 'source': src, 'outputs': list(outputs)}
    out = [{'output_type': 'stream', 'name': 'stdout', 'text': 'hi'}]
    cc = docs.clean_cell
    ok = (cc(cell('#| hide\nimport secret', out)) is None and cc(cell('#|hide\nx = 1')) is None
          and cc(cell('#| export\n#| hide\nx = 1')) is None and cc(cell('#| include: false\nx = 1')) is None)
    check(ok, '(h) a cell whose first line is `#| hide` (or with `#| include: false`) is dropped, source and output')
    c = cc(cell(['#| export\n', 'def f(x): return x']))
    check(c and c['source'] == 'def f(x): return x', '(h) an `#| export` cell is shown without its directive line', repr(c))
    check(cc(cell('#| default_exp evt')) is None and cc(cell('#| default_exp evt\n\n')) is None, '(h) a `#| default_exp` cell is dropped')
    c = cc(cell('#| slow\n#|eval: false\nrun()\n#| export\ny = 2', out))
    check(c and not DIRECTIVE_LINE.search(c['source']) and c['outputs'] == out, '(h) `#|` lines are removed wherever they stand; outputs stay', repr(c))
    c1, c2 = cc(cell('#| echo: false\nplot()', out)), cc(cell('#| output: false\nx', out))
    check('remove-input' in c1['metadata']['tags'] and 'remove-output' in c2['metadata']['tags'], '(h) `#| echo: false` / `#| output: false` hide the source / the output')
    md = {'cell_type': 'markdown', 'metadata': {}, 'source': '# Title\n$x$'}
    check(cc(md) == md, '(h) markdown cells pass unchanged')

def import_failure_check():
    "A module that fails to import must stop the build with a message naming it."
    import tempfile
    with tempfile.TemporaryDirectory() as t:
        (Path(t)/'potsal_docs_broken.py').write_text('raise RuntimeError("boom")\n')
        sys.path.insert(0, t)
        try: docs.module_page('potsal_docs_broken', None); msg = ''
        except docs.DocsError as e: msg = str(e)
        finally: sys.path.remove(t)
    check('cannot import potsal_docs_broken' in msg and 'boom' in msg,
          '(j) a module that fails to import stops the API reference with a message naming it', msg[:200])

def first_page(site: Path, pred):
    "The first numbered notebook page (in numeric order) whose built HTML satisfies pred, or None."
    return next((site/f'{p.stem}.html' for p in docs.notebooks() if (site/f'{p.stem}.html').exists() and pred((site/f'{p.stem}.html').read_text(encoding='utf-8'))), None)

def browser_checks(site: Path, shots: Path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    srv, base = serve(site)
    drv = browser()
    def load(rel: str):
        drv.get(base + rel)
        WebDriverWait(drv, 20).until(lambda d: d.execute_script('return document.readyState') == 'complete')
    def console(rel: str):
        sev = [e['message'] for e in drv.get_log('browser') if e.get('level') == 'SEVERE']
        check(not sev, f'(e) no browser console errors on {rel}', ' | '.join(sev[:3]))
    def shot(name: str, el=None):
        if el is not None: drv.execute_script('arguments[0].scrollIntoView({block: "center"})', el); time.sleep(0.2)
        drv.save_screenshot(str(shots/f'{name}.png'))
    def no_directives(rel: str):
        lines = [l for l in drv.execute_script('return document.body.innerText').splitlines() if DIRECTIVE_LINE.match(l)]
        check(not lines, f'(f) no `#|` line in the rendered text of {rel}', str(lines[:3]))
    try:
        # (a) home page
        load('index.html')
        title = docs.CFG.get('title', docs.LIB)
        h1 = [e.text for e in drv.find_elements(By.CSS_SELECTOR, 'article h1, main h1')]
        check(any(title in t for t in h1) and title in drv.title, f'(a) home page renders with its title "{title}"', f'h1={h1}, title={drv.title!r}')
        nav = [a.get_attribute('href').rsplit('/', 1)[-1].removesuffix('.html') for a in drv.find_elements(By.CSS_SELECTOR, 'nav.bd-docs-nav a.reference.internal')]
        want = [p.stem for p in docs.notebooks()]
        check([n for n in nav if n in want] == want, 'the navigation lists the notebooks in numeric order', f'{nav}')
        no_directives('index.html'); shot('home'); console('index.html')
        # (b) a tutorial page with a figure
        pg = first_page(site, lambda t: '<img' in t and '_images/' in t)
        if check(pg is not None, '(b) some notebook page has a figure'):
            rel = pg.name
            load(rel)
            imgs = drv.find_elements(By.CSS_SELECTOR, 'main img, article img')
            WebDriverWait(drv, 10).until(lambda d: all(d.execute_script('return arguments[0].complete', i) for i in imgs))
            widths = [drv.execute_script('return arguments[0].naturalWidth', i) for i in imgs]
            check(imgs and all(w > 0 for w in widths), f'(b) {rel}: its {len(imgs)} figure(s) loaded (naturalWidth > 0)', f'naturalWidths {widths}')
            no_directives(rel); shot('figure', imgs[0] if imgs else None); console(rel)
        # (c) an API page: fit_gpd's signature with its parameter `excesses`
        load('api/evt.html')
        sig = drv.find_elements(By.CSS_SELECTOR, '[id="potsal.evt.fit_gpd"]')
        txt = sig[0].text if sig else ''
        check('fit_gpd(' in txt and 'excesses' in txt, '(c) api/evt.html shows the signature fit_gpd(excesses)', f'found {txt!r}')
        dd = drv.find_elements(By.XPATH, '//*[@id="potsal.evt.fit_gpd"]/following-sibling::dd[1]')
        check(dd and 'excesses' in dd[0].text and len(dd[0].text) > 40, '(c) ... with its docstring and docments', dd[0].text[:200] if dd else 'no description')
        no_directives('api/evt.html'); shot('api_evt', sig[0] if sig else None); console('api/evt.html')
        # (d) equations rendered by the local MathJax
        pg = first_page(site, lambda t: 'class="math' in t)
        if check(pg is not None, '(d) some notebook page has an equation'):
            rel = pg.name
            load(rel)
            try: WebDriverWait(drv, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, 'mjx-container'))
            except Exception: pass
            mjx = drv.find_elements(By.CSS_SELECTOR, 'mjx-container')
            errs = drv.find_elements(By.CSS_SELECTOR, 'mjx-merror')
            check(mjx and not errs, f'(d) {rel}: MathJax typeset {len(mjx)} formulas, {len(errs)} errors')
            disp = drv.find_elements(By.CSS_SELECTOR, 'mjx-container[display="true"]')
            no_directives(rel); shot('equation', (disp or mjx or [None])[0]); console(rel)
        # search (needs the site served over http): the API's fit_gpd is found
        load('search.html?q=fit_gpd')
        try: WebDriverWait(drv, 15).until(lambda d: 'Search finished' in d.find_element(By.ID, 'search-results').text)
        except Exception: pass
        res = drv.find_elements(By.CSS_SELECTOR, '#search-results a')
        check(any('evt' in (a.get_attribute('href') or '') for a in res), '(k) the search page finds fit_gpd in potsal.evt', f'{len(res)} results')
        console('search.html')
    finally:
        drv.quit(); srv.shutdown()

def tree_state():
    "The repository's top-level names and every file under nbs/ with its size and mtime."
    st = {p.name: None for p in ROOT.iterdir() if p.name not in ('_docs', '.ci')}
    st.update({str(p.relative_to(ROOT)): (p.stat().st_size, p.stat().st_mtime_ns) for p in docs.NBS.rglob('*') if p.is_file()})
    return st

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--no-build', action='store_true', help='test the site already in _docs/ instead of building it')
    a = ap.parse_args()
    site, t0 = docs.OUT, time.time()
    if not a.no_build:
        before = tree_state()
        try: print(f'docs: built {site/"index.html"} in {docs.build(site):.1f}s', flush=True)
        except docs.DocsError as e: sys.exit(f'docs: {e}')
        after = tree_state()
        check(before == after, '(i) the build wrote nothing outside _docs/ (nbs/ untouched, no new top-level files)',
              f'changed: {sorted(set(before.items()) ^ set(after.items()))[:5]}')
    if not (site/'index.html').exists(): sys.exit(f'docs_test: {site/"index.html"} is missing; build it: .venv/bin/python .ci/docs.py')
    shots = site/'screenshots'
    shots.mkdir(exist_ok=True)
    static_checks(site)
    directive_checks()
    import_failure_check()
    t1 = time.time()
    try: browser_checks(site, shots)
    except SystemExit: raise
    except Exception as e: check(False, 'browser checks ran to the end', f'{type(e).__name__}: {e}')
    print(f'docs_test: browser checks {time.time()-t1:.1f}s, total {time.time()-t0:.1f}s; screenshots in {shots}')
    bad = sum(not ok for ok, _ in results)
    print(f'{len(results) - bad} passed, {bad} failed')
    sys.exit(1 if bad else 0)

if __name__ == '__main__': main()
