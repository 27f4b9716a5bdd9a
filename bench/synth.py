"""Synthetic reports for benchmarks: the seed and the shared corpus, with places, years and
figures varied so that no two reports are alike. The corpus is read here, never copied into the
project; the generated files live in a temporary folder."""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the demo report as the tests keep it (the publication's seeds/ may hold anything)
DEMO = ROOT / "tests" / "fixtures" / "demo"
SEED = DEMO / "zhenhai-2024-law-based-government.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


@dataclass(frozen=True)
class Base:
    name: str
    text: str
    places: tuple[str, ...]  # place names in the text that a variant replaces
    title: str | None = None  # for a text without a title line


# Places a variant swaps in: real names, so the text stays plausible for the parser and search.
PLACES = (
    "海曙区 江北区 北仑区 鄞州区 奉化区 余姚市 慈溪市 宁海县 象山县 西湖区 拱墅区 上城区 滨江区 萧山区 "
    "余杭区 临平区 富阳区 临安区 桐庐县 淳安县 建德市 越城区 柯桥区 上虞区 诸暨市 嵊州市 新昌县 吴兴区 南浔区 "
    "德清县 长兴县 安吉县 南湖区 秀洲区 海宁市 平湖市 桐乡市 嘉善县 海盐县 婺城区 金东区 兰溪市 义乌市 东阳市"
).split()
PROVINCES = "河北省 山西省 辽宁省 吉林省 江苏省 浙江省 安徽省 福建省 江西省 山东省 河南省 湖北省 湖南省 广东省".split()
CITIES = "北京市 天津市 重庆市 杭州市 南京市 武汉市 广州市 西安市 长沙市 济南市 郑州市 合肥市 福州市 昆明市".split()
# A number before one of these is a figure in a sentence, not a heading number or a date.
_FIGURE = re.compile(r"(?<![\d（(.．\-:：/])(\d+)(?=[%个件名次人项家所万亿元条户场期篇天倍岁])")
_YEAR = re.compile(r"(?<!\d)(20[0-2]\d)(?=年|-\d{2}-\d{2})")  # 2024年, and dates such as 2025-03-11
_PERCENT = re.compile(r"百分之[一二三四五六七八九十點点零〇]+")  # the 1954 report's figures
_NUMERALS = "一二三四五六七八九"


def bases() -> list[Base]:
    found = [Base("seed", SEED.read_text(encoding="utf-8"), ("镇海区", "镇海"))]
    corpus = {
        "sichuan-2026-government-work-report.txt": ("四川省", "成都"),
        "shanghai-2019-gov-info-disclosure-annual-report.txt": ("上海市",),
        "prc-1954-government-work-report-traditional.txt": (),
    }
    for name, places in corpus.items():
        path = CORPUS / name
        if path.is_file():
            title = "1954年政府工作報告" if name.startswith("prc-1954") else None
            found.append(Base(name.removesuffix(".txt"), path.read_text(encoding="utf-8"), places, title))
    return found


def variant(base: Base, k: int) -> str:
    """Report k made from `base`: other places, a shifted year, other figures (seeded by k)."""
    rng = random.Random(k)
    text = base.text
    for place in base.places:
        pool = PROVINCES if place.endswith("省") else CITIES if place.endswith("市") else PLACES
        new = rng.choice(pool)
        text = text.replace(place, new if place.endswith(("区", "省", "市")) else new[:-1])
    shift = rng.randrange(0, 8)
    text = _YEAR.sub(lambda m: str(int(m[1]) - shift), text)
    text = _PERCENT.sub(lambda m: "百分之" + _chinese(rng.randrange(1, 100)), text)
    return _FIGURE.sub(lambda m: str(rng.randrange(1, 10 ** len(m[1]))), text)


def _chinese(n: int) -> str:
    """1..99 in Chinese numerals (十二, 三十, 九十九)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _NUMERALS[tens - 1] + "十"
    return head + (_NUMERALS[ones - 1] if ones else "")


def write_corpus(folder: Path, n: int, first: int = 0) -> int:
    """seeds/ for reports first..n-1 in `folder`; returns the number of characters written."""
    seeds = folder / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    pool = bases()
    seen: set[str] = set()
    chars = 0
    for k in range(first, n):
        base = pool[k % len(pool)]
        text = variant(base, k)
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in seen:
            raise RuntimeError(f"synthetic report {k} repeats an earlier one")
        seen.add(digest)
        (seeds / f"r{k:04d}.txt").write_text(text, encoding="utf-8")
        if base.title:
            (seeds / f"r{k:04d}.yml").write_text(f"title: {base.title}（樣本{k}）\n", encoding="utf-8")
        chars += len(text)
    return chars
