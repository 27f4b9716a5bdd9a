"""The document model: frozen shapes only, no logic, no project imports."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Removal:
    """A source line dropped as web-page chrome, by a named rule."""

    line: int
    text: str
    rule: str


@dataclass(frozen=True)
class MetaField:
    """One label/value pair of the header block (索引号, 发布机构 …)."""

    label: str
    value: str
    line: int


@dataclass(frozen=True)
class Item:
    """An inline enumeration (一是, 二是 …) inside a paragraph."""

    id: str
    marker: str
    offset: int


@dataclass(frozen=True)
class NoteLink:
    """A note marker in a paragraph (［3］ in the text, or a note's own number in the note list),
    text[offset:offset + len(marker)], linking to `target` (an anchor id) on the page of the
    top-level section `page`. kind "ref" (marker -> note) or "back" (note -> its first marker)."""

    offset: int
    marker: str
    id: str  # the anchor this link carries ("" for none)
    page: str
    target: str
    kind: str


@dataclass(frozen=True)
class FrontLine:
    """A line above the body kept as the report's front matter: kind "subtitle" (——…在…会议上),
    "speaker" (…省长 某某), "issuer", "title" (the printed title, when it differs from the report's
    title) or "lead" (a line above the title no rule recognizes, kept and warned about)."""

    kind: str
    text: str
    line: int


@dataclass(frozen=True)
class Notice:
    """A warning about a report: the converter was unsure (`convert --strict` makes it an error)."""

    line: int
    message: str
    hint: str = ""


@dataclass(frozen=True)
class Term:
    """A glossary entry in one script; `forms` are the strings that name it in report text."""

    id: str
    term: str
    forms: tuple[str, ...]
    english: str
    explanation: str
    explanation_en: str
    note: str | None = None
    note_en: str | None = None


@dataclass(frozen=True)
class TermRef:
    """A glossary term found in a paragraph: text[start:end]; `linked` when it gets a link."""

    start: int
    end: int
    term: Term
    linked: bool


@dataclass(frozen=True)
class Citation:
    """A document title cited in 《》 (or 〈〉 inside one), with the paragraphs citing it."""

    title: str
    kind: str
    cited_in: tuple[str, ...]
    within: str | None = None


@dataclass(frozen=True)
class Paragraph:
    id: str
    text: str
    line: int
    items: tuple[Item, ...] = ()
    terms: tuple[TermRef, ...] = ()
    notes: tuple[NoteLink, ...] = ()  # note markers (or, in a note list, the note's way back)


@dataclass(frozen=True)
class Table:
    """TAB-separated rows, kept cell for cell."""

    id: str
    rows: tuple[tuple[str, ...], ...]
    line: int


Block = Paragraph | Table


@dataclass(frozen=True)
class Section:
    """A heading (一、 / （一） / 第一章 / 1.1 …) and what follows it. A top-level section is a part
    of the body (kind "part"), an attachment with its own numbering (kind "annex": 附件1, or the
    document a cover notice issues) or a note list (kind "notes": 注释, 名词解释)."""

    id: str
    number: str
    title: str
    level: int
    line: int
    blocks: tuple[Block, ...] = ()
    children: tuple[Section, ...] = ()
    kind: str = "part"


@dataclass(frozen=True)
class Phrase:
    """One entry of a conversion dictionary: in `config`, `phrase` becomes exactly `form`.

    kind is "entry" (conversion dictionary), "lock" (a name that must keep its recorded form)
    or "accepted" (an editor checked this choice; it only silences the review list).
    """

    config: str
    phrase: str
    form: str
    kind: str
    origin: str  # "path:line", where an editor finds it


@dataclass(frozen=True)
class Settings:
    """What a publisher may set beside a report (seeds/<name>.yml)."""

    slug: str  # "" when neither the file name nor `slug:` gives one: made from the title (slugs.py)
    title: str | None = None
    source_url: str | None = None
    date: str | None = None  # `date:`, `source:`, `publisher:` win over what the text says
    source: str | None = None
    publisher: str | None = None
    body_from: int | None = None  # `body_from: N`: the body starts at source line N
    hant_config: str = "s2tw"
    encoding: str | None = None
    phrases: tuple[Phrase, ...] = ()  # the report's own dictionary entries and locks
    accepted: tuple[Phrase, ...] = ()  # the report's own accepted review choices
    zh_hk: bool = False  # also publish a Hong Kong variant (s2hk) of a Simplified source


@dataclass(frozen=True)
class Report:
    slug: str
    path: str
    lang: str
    source_lang: str
    title: str
    metadata: tuple[MetaField, ...]
    date: str | None
    time: str | None
    source: str | None
    publisher: str | None
    removed: tuple[Removal, ...]
    header_lines: tuple[int, ...]
    preamble: tuple[Block, ...]
    sections: tuple[Section, ...]
    settings: Settings = field(default_factory=lambda: Settings(slug=""))
    citations: tuple[Citation, ...] = ()
    front: tuple[FrontLine, ...] = ()  # subtitle, speaker … between the title and the body
    title_lines: tuple[int, ...] = ()  # the source lines of the title (two when it was wrapped)
    warnings: tuple[Notice, ...] = ()


def is_note_entry(paragraph_id: str) -> bool:
    """An entry of a note list: ids note-N in the body, <annex>-note-N in an attachment."""
    return paragraph_id.startswith("note-") or "-note-" in paragraph_id


def section_paragraphs(section: Section) -> list[Paragraph]:
    """The section's paragraphs and its sub-sections', in order."""
    out = [b for b in section.blocks if isinstance(b, Paragraph)]
    for child in section.children:
        out += section_paragraphs(child)
    return out
