"""The term tooltip in a real browser at phone size: a first tap opens it, a second tap follows.

Runs Debian's chromium headless on a copy of the built site (file://, no server). Skipped with
the reason when /usr/bin/chromium is absent (browser tests and their system packages: issue 6).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=390,844",
    "--dump-dom",
]

# Taps the first term twice, then taps outside, then hovers it with a mouse and presses Escape;
# records what the page did after each.
PROBE = """<script>
window.addEventListener("load", function () {
  var link = document.querySelector("a.term"), log = [];
  window.addEventListener("click", function (e) { log.push(e.defaultPrevented); e.preventDefault(); });
  function tap(target) {
    var opts = {bubbles: true, cancelable: true, pointerType: "touch", isPrimary: true};
    target.dispatchEvent(new PointerEvent("pointerdown", opts));
    target.dispatchEvent(new PointerEvent("pointerup", opts));
    target.dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true}));
    var tip = document.getElementById("term-tip");
    log.push(tip && !tip.hidden ? tip.textContent : null, link.getAttribute("aria-describedby"));
  }
  tap(link); tap(link); tap(document.querySelector("h1"));
  link.dispatchEvent(new PointerEvent("pointerover", {bubbles: true, pointerType: "mouse"}));
  log.push(!document.getElementById("term-tip").hidden);
  document.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape", bubbles: true}));
  log.push(!document.getElementById("term-tip").hidden);
  document.title = "PROBE" + JSON.stringify({log: log, term: link.dataset.term, en: link.dataset.en});
});
</script></body>"""


@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (browser tests: issue 6)")
@pytest.mark.parametrize("variant", ["", "zh-Hant/"])
def test_tap_and_hover_open_the_tooltip(built_site: Path, tmp_path: Path, variant: str):
    site = shutil.copytree(built_site, tmp_path / "site")
    page = site / variant / "zhenhai-2024-law-based-government" / "part-1" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE), encoding="utf-8")
    run = subprocess.run(
        [str(CHROMIUM), *FLAGS, page.as_uri()], capture_output=True, text=True, timeout=120, check=False
    )
    found = re.search(r"<title>PROBE(.*?)</title>", run.stdout, re.S)
    assert found, run.stderr[-2000:]
    data = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    first, second, outside = data["log"][0:3], data["log"][3:6], data["log"][6:9]
    assert first[0] is True  # the first tap does not navigate ...
    assert data["term"] in first[1] and data["en"] in first[1]  # ... it shows term and English
    assert first[2] == "term-tip"  # and the tooltip describes the link
    assert second[0] is False  # the second tap follows the link to the glossary entry
    assert outside[1] is None and outside[2] is None  # a tap elsewhere closes it
    assert data["log"][9:] == [True, False]  # a mouse hover opens it, Escape closes it
