"""Reading XML from other tools without trusting it: no entities, no DTD tricks, line numbers.

The standard library's expat builds the tree here (defusedxml is not a dependency): a file
that declares any entity is refused before the entity is expanded, so an entity-expansion
bomb ("billion laughs") or an external entity never gets read; a reference to an undeclared
entity is a well-formedness error. Every element keeps the line it started on, for messages.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from pmtui.transfer.reading import ImportProblem

#: Larger files are refused before parsing: a plan of 10,000 tasks in MS Project's own
#: verbose XML is about 40 MB.
MAX_BYTES = 200 * 1024 * 1024
#: Deeper nesting is refused: no plan's outline is this deep.
MAX_DEPTH = 200


class _Refused(Exception):
    """Raised inside an expat handler; turned into an ImportProblem by parse_xml."""


@dataclass
class XMLDocument:
    """A parsed file: its root element and the line each element starts on."""

    root: ET.Element
    lines: dict[int, int] = field(default_factory=dict)

    def line(self, element: ET.Element) -> int | None:
        """The line the element's start tag is on."""
        return self.lines.get(id(element))


def read_xml(path: Path) -> XMLDocument:
    """Read and parse an XML file; ImportProblem (one line) when it cannot be."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportProblem(
                path.name, f"is {size // 1_048_576} MB; plan files over 200 MB are refused"
            )
        data = path.read_bytes()
    except OSError as error:
        raise ImportProblem(str(path), f"cannot read it: {error.strerror}") from None
    return parse_xml(data, path.name)


def parse_xml(data: bytes, source: str) -> XMLDocument:
    """Parse XML bytes, refusing entity declarations, external entities and deep nesting."""
    builder = ET.TreeBuilder()
    lines: dict[int, int] = {}
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    depth = 0

    def name_of(raw: str) -> str:
        return "{" + raw if "}" in raw else raw

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth > MAX_DEPTH:
            raise _Refused(f"nests elements more than {MAX_DEPTH} deep")
        element = builder.start(name_of(tag), {name_of(k): v for k, v in attributes.items()})
        lines[id(element)] = parser.CurrentLineNumber

    def end(tag: str) -> None:
        nonlocal depth
        depth -= 1
        builder.end(name_of(tag))

    def entity(name: str, *_rest: object) -> None:
        raise _Refused(
            f"declares the entity {name!r}; plan files declare none, and entities can "
            "expand into gigabytes (an entity bomb) or read other files"
        )

    def external(*_rest: object) -> int:
        raise _Refused("refers to an external entity; it is not read")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.ExternalEntityRefHandler = external
    try:
        parser.Parse(data, True)
    except _Refused as error:
        raise ImportProblem(source, f"line {parser.CurrentLineNumber}: {error}") from None
    except expat.ExpatError as error:
        reason = expat.errors.messages.get(error.code, str(error)) if error.code else str(error)
        raise ImportProblem(
            source,
            f"is not well-formed XML: line {error.lineno}, column {error.offset + 1}: {reason}",
        ) from None
    root = builder.close()
    return XMLDocument(root, lines)


def local_name(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    """An element's namespace URI ('' when it has none)."""
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
