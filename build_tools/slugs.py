"""A report's slug (its URL folder) when neither `slug:` nor the file's name gives one.

Made from the title in Hanyu Pinyin, word by word (jieba's segmentation, collation's readings),
without the function words, at most MAX_WORDS words: 2026年北京市政府工作报告 →
2026-beijingshi-zhengfu-gongzuo-baogao. A word jieba keeps whole but longer than SHORT characters
(宁夏回族自治区政府, a name and its body) is cut into the longest dictionary words from its start
(宁夏 回族 自治区 政府), so that the slug reads as words. A title with no year gets the report's
date in front, and the publisher's first words when the title names no more than its genre
(政府工作报告).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from math import log
from typing import Any

from .collation import plain_pinyin
from .model import Report
from .parse.header import iso_date

MAX_WORDS = 7
SHORT = 4  # longer words are cut into dictionary words (_short_words)
# words that make a slug longer without telling reports apart
_SKIP = frozenset({"关于", "的", "和", "与", "及", "年", "之", "印发", "对", "在", "中"})
_ASCII = re.compile(r"[^a-z0-9]+")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def with_slug(report: Report) -> Report:
    """The report with its slug made from its title when the settings and file name gave none."""
    if report.slug:
        return report
    return replace(report, slug=slug_from(report.title, report.date or _occasion(report), report.publisher))


def _occasion(report: Report) -> str | None:
    """The date of the occasion (——2026年1月26日在…会议上), for a report with no date line."""
    for f in report.front:
        m = _DATE.search(f.text)
        if m and f.kind == "subtitle":
            return iso_date(m[0])
    return None


def slug_from(title: str, date: str | None, publisher: str | None) -> str:
    words = _words(title)[:MAX_WORDS]
    if not any(w.isdigit() for w in words) and date:
        short = len(words) <= 3  # a genre alone (政府工作报告): who published it tells reports apart
        who = _words(publisher)[:2] if short else []
        words = [_ASCII.sub("-", date.lower()).strip("-"), *who, *words]
    return "-".join(words) or "report"


def _words(text: str | None) -> list[str]:
    if not text:
        return []
    import jieba  # loads its dictionary: only when a slug has to be made

    jieba.setLogLevel(logging.WARNING)
    out = []
    for word in (short for whole in jieba.lcut(text) for short in _short_words(whole, jieba.dt)):
        if word in _SKIP:
            continue
        ascii_word = _ASCII.sub("", plain_pinyin(word).lower())
        if ascii_word:
            out.append(ascii_word)
    return out


def _short_words(word: str, dictionary: Any) -> list[str]:
    """A long word cut into words of at most SHORT characters, the way jieba cuts a sentence (the
    most probable route through its dictionary's words) but without the long word itself."""
    if len(word) <= SHORT:
        return [word]
    dag = dictionary.get_DAG(word)
    total = log(dictionary.total)
    best: dict[int, tuple[float, int]] = {len(word): (0.0, 0)}
    for i in range(len(word) - 1, -1, -1):
        ends = [j for j in dag[i] if j - i < SHORT] or [i]
        best[i] = max((log(dictionary.FREQ.get(word[i : j + 1]) or 1) - total + best[j + 1][0], j) for j in ends)
    out, i = [], 0
    while i < len(word):
        end = best[i][1] + 1
        out.append(word[i:end])
        i = end
    return out
