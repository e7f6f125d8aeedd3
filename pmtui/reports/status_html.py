"""The status report as one self-contained HTML file: inline CSS, no scripts, no images,
no links to anything outside it, every text escaped; prints on A4 and Letter (the page
size is left to the printer, margins fit both, tables do not split across rows)."""

from __future__ import annotations

from html import escape

from pmtui.reports.status_layout import Section, Table, heading, layout, list_items
from pmtui.services.status import StatusReport

#: Colours by meaning, also readable in black and white (the word is always written).
CSS = """\
:root { color-scheme: light; }
body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #1a1a1a; max-width: 60em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; border-bottom: 1px solid #999; margin: 1.4em 0 .4em; }
h3 { font-size: 1em; margin: 1em 0 .3em; }
p.meta { color: #444; margin: 0 0 1em; }
p.note { color: #444; font-size: .9em; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .8em; }
th, td { border: 1px solid #bbb; padding: .2em .45em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.rag { font-weight: bold; white-space: nowrap; }
td.rag-green { background: #d7f0d7; }
td.rag-amber { background: #fde9c4; }
td.rag-red { background: #f8d0d0; }
tr { break-inside: avoid; page-break-inside: avoid; }
@page { margin: 15mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  th, td.rag-green, td.rag-amber, td.rag-red { -webkit-print-color-adjust: exact;
    print-color-adjust: exact; }
}
"""

_COLOURS = {"Green": "green", "Amber": "amber", "Red": "red"}


def _cell(value: str, tag: str = "td") -> str:
    colour = _COLOURS.get(value)
    if tag == "td" and colour:
        return f'<td class="rag rag-{colour}">{escape(value)}</td>'
    return f"<{tag}>{escape(value)}</{tag}>"


def _table(table: Table) -> list[str]:
    header = "".join(_cell(h, "th") for h in table.header)
    lines = ["<table>", f"<thead><tr>{header}</tr></thead>", "<tbody>"]
    lines += ["<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in table.rows]
    return [*lines, "</tbody>", "</table>"]


def _section(section: Section) -> list[str]:
    lines = ["<section>", f"<h2>{escape(section.title)}</h2>"]
    for paragraph in section.paragraphs:
        items = list_items(paragraph)
        if items is not None:
            lines += ["<ul>", *(f"<li>{escape(item)}</li>" for item in items), "</ul>"]
        else:
            lines.append(f"<p>{escape(paragraph)}</p>")
    if section.bullets:
        lines += ["<ul>", *(f"<li>{escape(b)}</li>" for b in section.bullets), "</ul>"]
    for title, table in section.tables:
        if title:
            lines.append(f"<h3>{escape(title)}</h3>")
        lines += _table(table)
    if not (section.paragraphs or section.bullets or section.tables):
        lines.append(f"<p>{escape(section.empty)}</p>")
    if section.footnotes:
        lines.append('<p class="note">' + "<br>".join(map(escape, section.footnotes)) + "</p>")
    return [*lines, "</section>"]


def html(report: StatusReport) -> str:
    """The whole report as one HTML document."""
    title, line = heading(report)
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)} ({report.as_of.isoformat()})</title>",
        f"<style>\n{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(line)}</p>',
    ]
    for section in layout(report):
        lines += _section(section)
    return "\n".join([*lines, "</body>", "</html>", ""])


__all__ = ["CSS", "html"]
