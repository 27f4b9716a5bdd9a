"""The term tooltip in a real browser: a first tap opens it, a second tap follows; mouse and keys too.

Playwright drives Debian's chromium (tests/browser.py) with touch at phone size against the site
served under its subpath.
"""

from __future__ import annotations

import pytest
from browser import PHONE

SLUG = "zhenhai-2024-law-based-government"


@pytest.mark.parametrize("variant", ["", "zh-Hant/"])
def test_tap_opens_the_tooltip_and_a_second_tap_follows(site_url, new_page, variant: str) -> None:
    page = new_page(viewport=PHONE, has_touch=True, is_mobile=True)
    page.goto(f"{site_url}{variant}{SLUG}/part-1/")
    link = page.locator("p.para a.term").first
    term, english = link.get_attribute("data-term"), link.get_attribute("data-en")
    link.scroll_into_view_if_needed()
    link.tap()
    tip = page.locator("#term-tip")
    tip.wait_for(state="visible")
    assert term in tip.inner_text() and english in tip.inner_text()
    assert link.get_attribute("aria-describedby") == "term-tip"
    assert "/glossary/" not in page.url  # the first tap did not navigate
    page.locator("h1").tap()  # a tap elsewhere closes it
    tip.wait_for(state="hidden")
    link.tap()
    tip.wait_for(state="visible")
    link.tap()  # the second tap follows the link to the glossary entry
    page.wait_for_url(f"**/{variant}glossary/#*")
    assert page.locator(f"[id='{page.url.split('#')[1]}']").count() == 1


def test_mouse_hover_opens_and_escape_closes(site_url, new_page) -> None:
    page = new_page()
    page.goto(f"{site_url}{SLUG}/part-1/")
    link = page.locator("p.para a.term").first
    link.hover()
    tip = page.locator("#term-tip")
    tip.wait_for(state="visible")
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
