"""One copy of the theme's assets for every variant: the zh-Hant and zh-HK sites are built inside
the zh-Hans one (site/zh-Hant/, site/zh-HK/) with the same CSS, JS, fonts and images, so their
pages load the zh-Hans site's assets/ and their own copies are removed after the build. A reader
who switches script downloads nothing twice, and the site carries one copy instead of three.

Only for `mkdocs build` of a variant whose parent site was built first (as `make site` does);
`mkdocs serve` of one variant keeps its own copy.
"""

from __future__ import annotations

import filecmp
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

from .errors import ReportError

ASSETS = "assets"


def up(site_path: str) -> str:
    """From a variant's site to the shared one: '../' per folder of its path ('zh-Hant/' -> '../')."""
    return "../" * site_path.count("/")


def can_share(site_dir: Path, site_path: str) -> bool:
    """Whether the site this variant sits in has been built, with its assets."""
    return bool(site_path) and (_shared_site(site_dir, site_path) / ASSETS).is_dir()


def _shared_site(site_dir: Path, site_path: str) -> Path:
    """The site this variant's site sits in, as a path (site_dir may not exist yet: no '..' in it)."""
    for _ in range(site_path.count("/")):
        site_dir = site_dir.parent
    return site_dir


def rewrite(html: str, site_path: str, site_url: str) -> str:
    """The page with its asset links pointing at the shared copy: relative links (../assets/…)
    one folder further up, absolute ones (the 404 page's /repo/zh-Hant/assets/…) without the
    variant's folder."""
    html = re.sub(r'((?:href|src)=")((?:\.\./)*)' + ASSETS + "/", rf"\g<1>\g<2>{up(site_path)}{ASSETS}/", html)
    own = urlparse(site_url).path  # /repo/zh-Hant/
    shared = own.removesuffix(site_path)
    return html.replace(f'="{own}{ASSETS}/', f'="{shared}{ASSETS}/')


def remove_copy(site_dir: Path, site_path: str) -> None:
    """Remove the variant's assets/ once every file in it is in the shared copy, byte for byte."""
    own, shared = site_dir / ASSETS, _shared_site(site_dir, site_path) / ASSETS
    for path in sorted(own.rglob("*")):
        twin = shared / path.relative_to(own)
        if path.is_file() and not (twin.is_file() and filecmp.cmp(path, twin, shallow=False)):
            raise ReportError(
                str(path),
                f"differs from {twin} (or is missing there): the variants cannot share one copy of the assets",
                "build the zh-Hans site first (make site does), from the same overrides/ and theme",
            )
    shutil.rmtree(own)
