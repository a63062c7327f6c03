"Packaging for potsal, driven by settings.ini (nbdev 2 layout). No pkg_resources: it is gone from current setuptools."
from configparser import ConfigParser
import setuptools

cfg = ConfigParser(delimiters=['='])
cfg.read('settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']
def _list(key): return cfg.get(key, '').split()

setuptools.setup(
    name=cfg['lib_name'], version=cfg['version'], description=cfg['description'],
    author=cfg['author'], author_email=cfg['author_email'], url=cfg['git_url'],
    license='Apache Software License 2.0', keywords=cfg['keywords'],
    long_description=open('README.md', encoding='utf-8').read(), long_description_content_type='text/markdown',
    packages=setuptools.find_packages(include=['potsal', 'potsal.*']),
    python_requires='>=' + cfg['min_python'],
    install_requires=_list('requirements'),
    extras_require={'dev': _list('dev_requirements')},
    entry_points={'console_scripts': _list('console_scripts'), 'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
    include_package_data=True, zip_safe=False,
)
