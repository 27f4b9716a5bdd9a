"""Converter from plain-text Chinese government reports to a bilingual-script MkDocs site."""
