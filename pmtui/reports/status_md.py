"""The status report as Markdown: headings, paragraphs, lists and pipe tables only (no
HTML), so it renders on GitHub, GitLab and the other forges. Text from records is escaped:
it can neither close a table cell nor open an HTML tag."""

from __future__ import annotations

from pmtui.kinds.escapes import one_line
from pmtui.reports.status_layout import Section, Table, heading, layout, list_items
from pmtui.services.status import StatusReport

#: Characters that start Markdown or HTML syntax inside text, and how they are written.
_ESCAPES = {"\\": "\\\\", "<": "&lt;", ">": "&gt;", "&": "&amp;", "|": "\\|", "*": "\\*",
            "_": "\\_", "`": "\\`", "[": "\\[", "]": "\\]", "#": "\\#"}  # fmt: skip
_TABLE = str.maketrans(_ESCAPES)


def text(value: str) -> str:
    """Record text made safe for a Markdown line or table cell (one line, escaped)."""
    return one_line(value, len(value) + 1).translate(_TABLE) if value else ""


def _table(table: Table) -> list[str]:
    lines = ["| " + " | ".join(text(h) for h in table.header) + " |"]
    lines.append("| " + " | ".join("---" for _ in table.header) + " |")
    lines += ["| " + " | ".join(text(c) or " " for c in row) + " |" for row in table.rows]
    return lines


def _section(section: Section) -> list[str]:
    lines = [f"## {section.title}", ""]
    for paragraph in section.paragraphs:
        items = list_items(paragraph)
        if items is not None:
            lines += [f"- {text(item)}" for item in items] + [""]
        else:
            lines += [" ".join(text(line) for line in paragraph.splitlines()), ""]
    if section.bullets:
        lines += [f"- {text(b)}" for b in section.bullets] + [""]
    for title, table in section.tables:
        if title:
            lines += [f"### {text(title)}", ""]
        lines += [*_table(table), ""]
    if not (section.paragraphs or section.bullets or section.tables):
        lines += [text(section.empty), ""]
    if section.footnotes:
        lines += ["  \n".join(text(n) for n in section.footnotes), ""]
    return lines


def markdown(report: StatusReport) -> str:
    """The whole report as one Markdown document (ends with a newline)."""
    title, line = heading(report)
    lines = [f"# {text(title)}", "", text(line), ""]
    for section in layout(report):
        lines += _section(section)
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = ["markdown", "text"]
