"""The English layer: gettext PO catalogues of a report's units (translations/<lang>/<slug>.po).

- units.py: the translation units of a report (title, metadata, headings, paragraphs, table cells)
  with their ids, in reading order;
- catalogue.py: reading, updating and writing the catalogues (polib);
- status.py: what is translated, fuzzy or untranslated, per report;
- terms.py: the glossary check (a translated unit names each of its terms as the glossary does);
- english.py: the report in English, unit by unit, with each unit's state;
- render.py: the English pages and the status line of every variant's index page.
"""
