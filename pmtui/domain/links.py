"""Predecessor links (`A; B SS+2; C FF-1.5; D SF+3`) and the checked task network they form."""

from __future__ import annotations

import math
import re
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, NamedTuple, cast

LinkType = Literal["FS", "SS", "FF", "SF"]
"""Precedence types: the first letter is the predecessor's end, the second the successor's."""

LINK_TYPES: tuple[LinkType, ...] = ("FS", "SS", "FF", "SF")

_SEPARATORS = re.compile(r"[;,\n]")
# A key is anything without spaces or separators; the lag may carry the `d` of `2.5d`.
_LINK = re.compile(
    r"""^(?P<key>[^\s;,]+)
        (?:\s+(?P<type>[A-Za-z]{2})
           (?:\s*(?P<sign>[+-])\s*(?P<lag>\d+(?:\.\d*)?|\.\d+)\s*[dD]?)?
        )?$""",
    re.VERBOSE,
)
_HINT = "write KEY, KEY SS+2, KEY FF-1.5"
# How a summary's hubs (in_start, in_finish, out_start, out_finish) tie to its children.
_HUB_LINKS: tuple[LinkType, ...] = ("SS", "FF", "SS", "FF")


class LinkParseError(ValueError):
    """A piece of predecessor text that is not a link."""


@dataclass(frozen=True)
class Link:
    """One dependency on a predecessor: its key, the type and the lag in working days."""

    predecessor: str
    type: LinkType = "FS"
    lag: float = 0.0


def parse_links(text: str) -> list[Link]:
    """Read `A; B SS+2; C FF-1.5` (`,` also separates); empty text gives no links."""
    words = text.split()
    if len(words) == 1 and words[0] == text and "," not in text and ";" not in text:
        return [Link(text)]  # one bare key (most links): what the pattern below reads
    links: list[Link] = []
    for piece in _SEPARATORS.split(text):
        piece = piece.strip()
        if not piece:
            continue
        match = _LINK.match(piece)
        kind = (match.group("type") or "FS").upper() if match else ""
        if match is None or kind not in LINK_TYPES:
            raise LinkParseError(f"'{piece}' is not a link: {_HINT}")
        lag = float(match.group("lag") or 0.0)
        if match.group("sign") == "-":
            lag = -lag
        # + 0.0 turns "-0" into 0.0, so it formats back as no lag at all
        links.append(Link(match.group("key"), cast(LinkType, kind), lag + 0.0))
    return links


def format_links(links: Sequence[Link]) -> str:
    """The canonical text of links; parse_links reads it back to equal links."""
    return "; ".join(_format_link(link) for link in links)


def _format_link(link: Link) -> str:
    if not math.isfinite(link.lag):
        raise ValueError(f"the lag of the link to {link.predecessor} is not a number")
    if link.type == "FS" and link.lag == 0:
        return link.predecessor
    if link.lag == 0:
        return f"{link.predecessor} {link.type}"
    sign = "-" if link.lag < 0 else "+"
    return f"{link.predecessor} {link.type}{sign}{format_number(abs(link.lag))}"


def format_number(value: float) -> str:
    """Plain decimal text of a float (no exponent, no trailing `.0`) that reads back exactly."""
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


class ScheduleError(ValueError):
    """The tasks cannot be scheduled; `keys` names the tasks at fault (a cycle in order)."""

    def __init__(self, message: str, keys: Sequence[str]) -> None:
        super().__init__(message)
        self.keys: tuple[str, ...] = tuple(keys)


@dataclass(frozen=True)
class TaskInput:
    """A task as the scheduler sees it; earliest_start is a working-day offset (a SNET date)."""

    key: str
    duration: float
    links: tuple[Link, ...] = ()
    parent: str | None = None
    earliest_start: float | None = None


class Edge(NamedTuple):
    """One link in the network, seen from one end: the node at the other end."""

    node: int
    from_start: bool  # SS, SF: the predecessor's start drives
    to_finish: bool  # FF, SF: the successor's finish is driven
    lag: float


#: tuple.__new__: an Edge from its four values without NamedTuple's Python-level __new__
#: (a network holds tens of thousands).
_new_edge = tuple.__new__


@dataclass
class TaskNetwork:
    """Leaves are nodes; each summary gets four zero-length nodes that fan links in and out.

    Linking through these hubs applies a summary's links to all its leaves without
    multiplying edges (phase-to-phase links would otherwise cost leaves x leaves).
    """

    keys: list[str]
    durations: list[float]
    floors: list[float]
    virtual: list[bool]
    preds: list[list[Edge]]
    succs: list[list[Edge]]
    order: list[int]
    leaf_node: dict[str, int]
    children: dict[str, list[str]]
    summaries: list[str]  # children before parents


def check_tasks(tasks: Sequence[TaskInput]) -> dict[str, TaskInput]:
    """Tasks by key; refuses repeated keys, bad durations, unknown parents and predecessors."""
    by_key: dict[str, TaskInput] = {}
    for task in tasks:
        if task.key in by_key:
            raise ScheduleError(f"two tasks have the key {task.key}", (task.key,))
        by_key[task.key] = task
        if not math.isfinite(task.duration) or task.duration < 0:
            raise ScheduleError(f"{task.key}: the duration must be 0 or more", (task.key,))
        if task.earliest_start is not None and not math.isfinite(task.earliest_start):
            raise ScheduleError(f"{task.key}: the earliest start is not a number", (task.key,))
    for task in tasks:
        if task.parent is not None and task.parent not in by_key:
            raise ScheduleError(f"{task.key}: parent {task.parent} is not a task", (task.parent,))
    unknown = sorted(
        {link.predecessor for t in tasks for link in t.links if link.predecessor not in by_key}
    )
    if unknown:
        raise ScheduleError(f"unknown predecessor: {', '.join(unknown)}", unknown)
    return by_key


def task_tree(by_key: Mapping[str, TaskInput]) -> tuple[dict[str, list[str]], list[str]]:
    """Children of each summary and the summaries deepest first; refuses parent cycles."""
    depth: dict[str, int] = {}
    for start in by_key:
        path: list[str] = []
        on_path: set[str] = set()
        key: str | None = start
        while key is not None and key not in depth:
            if key in on_path:
                cycle = path[path.index(key) :]
                text = " -> ".join([*cycle, key])
                raise ScheduleError(f"parent cycle: {text}", cycle)
            path.append(key)
            on_path.add(key)
            key = by_key[key].parent
        base = -1 if key is None else depth[key]
        for offset, item in enumerate(reversed(path), start=1):
            depth[item] = base + offset
    children: dict[str, list[str]] = {}
    for task in by_key.values():
        if task.parent is not None:
            children.setdefault(task.parent, []).append(task.key)
    summaries = sorted(children, key=lambda k: -depth[k])
    return children, summaries


def _is_ancestor(by_key: Mapping[str, TaskInput], ancestor: str, key: str) -> bool:
    parent = by_key[key].parent
    while parent is not None:
        if parent == ancestor:
            return True
        parent = by_key[parent].parent
    return False


def build_network(tasks: Sequence[TaskInput]) -> TaskNetwork:
    """The checked network in topological order; raises ScheduleError naming the keys at fault."""
    by_key = check_tasks(tasks)
    children, summaries = task_tree(by_key)
    keys: list[str] = []
    durations: list[float] = []
    floors: list[float] = []
    virtual: list[bool] = []

    def add(key: str, duration: float, floor: float | None, is_virtual: bool) -> int:
        keys.append(key)
        durations.append(duration)
        floors.append(max(0.0, floor or 0.0))
        virtual.append(is_virtual)
        return len(keys) - 1

    leaf_node: dict[str, int] = {}
    hubs: dict[str, tuple[int, int, int, int]] = {}  # in_start, in_finish, out_start, out_finish
    for task in tasks:
        if task.key in children:
            hubs[task.key] = (
                add(task.key, 0.0, task.earliest_start, True),
                add(task.key, 0.0, None, True),
                add(task.key, 0.0, None, True),
                add(task.key, 0.0, None, True),
            )
        else:
            leaf_node[task.key] = add(task.key, task.duration, task.earliest_start, False)
    preds: list[list[Edge]] = [[] for _ in keys]
    succs: list[list[Edge]] = [[] for _ in keys]

    def connect(source: int, target: int, kind: LinkType, lag: float) -> None:
        # An SS or SF link is driven by the predecessor's start, FF or SF drive a finish.
        from_start, to_finish = kind in ("SS", "SF"), kind in ("FF", "SF")
        succs[source].append(_new_edge(Edge, (target, from_start, to_finish, lag)))
        preds[target].append(_new_edge(Edge, (source, from_start, to_finish, lag)))

    def node(key: str, hub: int) -> int:
        return hubs[key][hub] if key in hubs else leaf_node[key]

    # Only hubs that some link (or a parent's hub) goes through are wired up.
    used: set[tuple[str, int]] = set()
    for task in tasks:
        if task.key in hubs and task.earliest_start is not None:
            used.add((task.key, 0))
        for link in task.links:
            used.add((task.key, 1 if link.type in ("FF", "SF") else 0))
            used.add((link.predecessor, 2 if link.type in ("SS", "SF") else 3))
    for summary in reversed(summaries):
        for hub, kind in enumerate(_HUB_LINKS):
            if (summary, hub) not in used:
                continue
            for child in children[summary]:
                used.add((child, hub))
                if hub < 2:
                    connect(hubs[summary][hub], node(child, hub), kind, 0.0)
                else:
                    connect(node(child, hub), hubs[summary][hub], kind, 0.0)
    for task in tasks:
        for link in task.links:
            pred = link.predecessor
            if pred == task.key:
                raise ScheduleError(f"cycle: {pred} -> {pred}", (pred,))
            if _is_ancestor(by_key, pred, task.key) or _is_ancestor(by_key, task.key, pred):
                raise ScheduleError(
                    f"{task.key} cannot depend on {pred}: one contains the other", (pred, task.key)
                )
            source = node(pred, 2 if link.type in ("SS", "SF") else 3)
            target = node(task.key, 1 if link.type in ("FF", "SF") else 0)
            connect(source, target, link.type, float(link.lag))
    network = TaskNetwork(
        keys, durations, floors, virtual, preds, succs, [], leaf_node, children, []
    )
    network.order = _topological_order(network, [t.key for t in tasks])
    network.summaries = summaries
    return network


def _topological_order(network: TaskNetwork, input_keys: list[str]) -> list[int]:
    """Kahn's algorithm; on a cycle, raise with the cycle's task keys in order."""
    indegree = [len(p) for p in network.preds]
    ready = deque(i for i, d in enumerate(indegree) if d == 0)
    order: list[int] = []
    while ready:
        current = ready.popleft()
        order.append(current)
        for edge in network.succs[current]:
            indegree[edge.node] -= 1
            if indegree[edge.node] == 0:
                ready.append(edge.node)
    if len(order) == len(indegree):
        return order
    # Every node left over still waits for a left-over predecessor: walk back until one repeats.
    seen: dict[int, int] = {}
    path: list[int] = []
    current = next(i for i, d in enumerate(indegree) if d > 0)
    while current not in seen:
        seen[current] = len(path)
        path.append(current)
        current = next(e.node for e in network.preds[current] if indegree[e.node] > 0)
    cycle = _cycle_keys([network.keys[i] for i in reversed(path[seen[current] :])])
    rank = {key: index for index, key in enumerate(input_keys)}
    first = min(range(len(cycle)), key=lambda i: rank[cycle[i]])
    cycle = cycle[first:] + cycle[:first]
    raise ScheduleError("cycle: " + " -> ".join([*cycle, cycle[0]]), cycle)


def _cycle_keys(keys: list[str]) -> list[str]:
    """Task keys of a node cycle: hub nodes of one summary merge into the summary's key."""
    merged: list[str] = []
    for key in keys:
        if not merged or merged[-1] != key:
            merged.append(key)
    while len(merged) > 1 and merged[0] == merged[-1]:
        merged.pop()
    while True:
        first: dict[str, int] = {}
        for index, key in enumerate(merged):
            if key in first:
                merged = merged[first[key] : index]
                break
            first[key] = index
        else:
            return merged
