"""Lighthouse (mobile) on the site built for and served at a local SITE_URL under /gov-reports/, gzipped.

Not a test (Lighthouse's scores vary with the machine and its load): `make lighthouse` runs it; the
bench/README.md records the scores. Lighthouse is pinned by the Makefile (build/lighthouse/package.json).
Usage: python tests/lighthouse.py LIGHTHOUSE_BIN [PAGE ...]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from browser import ARGS, CHROMIUM
from conftest import build_project
from served import SUBPATH, free_port, serve

PAGES = ["", "zhenhai-2024-law-based-government/", "zhenhai-2024-law-based-government/part-1/"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def audit(lighthouse: str, url: str, out: Path) -> dict[str, int]:
    """Lighthouse's default (mobile, simulated slow 4G) on one URL; prints the scores and weak audits."""
    cmd = [lighthouse, url, "--output=json", f"--output-path={out}", "--quiet"]
    cmd += [f"--chrome-flags=--headless=new {' '.join(ARGS)}", f"--only-categories={','.join(CATEGORIES)}"]
    subprocess.run(cmd, check=True, env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin"})
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    print(f"{url}: " + ", ".join(f"{c} {s}" for c, s in scores.items()))
    for c in CATEGORIES:
        for ref in report["categories"][c]["auditRefs"]:
            result = report["audits"][ref["id"]]
            if ref["weight"] and result["score"] is not None and result["score"] < 0.9:
                print(f"    {c}: {ref['id']} {result['score']} {result.get('displayValue', '')}")
                for item in (result.get("details") or {}).get("items", [])[:3]:
                    print(f"      {json.dumps(item, ensure_ascii=False)[:200]}")
    return scores


def main(lighthouse: str, pages: list[str]) -> int:
    port = free_port()
    lowest = dict.fromkeys(CATEGORIES, 100)
    with tempfile.TemporaryDirectory() as tmp:
        site = build_project(Path(tmp), env={"SITE_URL": f"http://127.0.0.1:{port}{SUBPATH}"})
        with serve(site, port=port, compress=True) as url:
            for page in pages:
                for variant in ("", "zh-Hant/"):
                    scores = audit(lighthouse, url + variant + page, Path(tmp) / "report.json")
                    lowest = {c: min(lowest[c], scores[c]) for c in CATEGORIES}
    print("lowest: " + ", ".join(f"{c} {s}" for c, s in lowest.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:] or PAGES))
