"""The Atom feed of each variant (RFC 4287): its newest reports with title, publisher, date,
summary (the first sentence) and link. Pure: entries (library.feed_entries) and the site's
address in, XML out; the MkDocs hook writes it as feed.xml beside each variant's home page.

Dates are the reports' own (a day, at midnight China Standard Time), never the build's, so the
same reports give the same bytes.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

FEED = "feed.xml"
TIMEZONE = "+08:00"  # Chinese government reports are dated in China Standard Time
EPOCH = "1970-01-01"  # a feed or entry must have a date: for reports with none at all


def atom(entries: list[dict[str, str]], site_url: str, title: str, lang: str) -> str:
    """The feed; `entries` newest first, their `path` relative to site_url."""
    newest = max((e["date"] for e in entries if e["date"]), default=EPOCH)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang)}>',
        f"<title>{escape(title)}</title>",
        f"<id>{escape(site_url)}</id>",
        f'<link rel="alternate" type="text/html" href={quoteattr(site_url)}/>',
        f'<link rel="self" type="application/atom+xml" href={quoteattr(site_url + FEED)}/>',
        f"<updated>{_stamp(newest)}</updated>",
        f"<author><name>{escape(title)}</name></author>",  # the entries' own publishers come first
    ]
    for e in entries:
        url = site_url + e["path"]
        when = _stamp(e["date"] or newest)
        lines += [
            "<entry>",
            f"<title>{escape(e['title'])}</title>",
            f"<id>{escape(url)}</id>",
            f'<link rel="alternate" type="text/html" href={quoteattr(url)}/>',
            f"<published>{when}</published>",
            f"<updated>{when}</updated>",
            *([f"<author><name>{escape(e['publisher'])}</name></author>"] if e["publisher"] else []),
            f'<summary type="text">{escape(e["summary"])}</summary>',
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _stamp(day: str) -> str:
    return f"{day}T00:00:00{TIMEZONE}"
