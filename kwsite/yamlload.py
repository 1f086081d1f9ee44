"""Safe YAML loading that keeps line/column marks and rejects duplicate keys.

PyYAML silently keeps the last of two equal keys; an editor's copy-paste error
would then vanish. Here every mapping remembers where each key stood, duplicate
keys are problems, floats become :class:`~decimal.Decimal` from their printed
text (``7.0`` keeps its decimal), and size and node-count limits stop alias
bombs. Only the safe loader is used: no tags construct Python objects.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import yaml

from .model.base import MAX_MAGNITUDE
from .problems import Problem

MAX_BYTES = 2 * 1024 * 1024
"""Largest data file accepted (2 MiB)."""
MAX_NODES = 200_000
"""Most nodes (including alias expansions) one file may produce."""
MAX_DEPTH = 40
"""Deepest nesting of lists and mappings accepted; the data files need fewer than ten levels."""

PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
"""How a figure is written in a data file: plain decimals with a dot (``45``, ``6.7``, ``-0.4``).
YAML 1.1 also reads ``045`` (octal: 37), ``1:30`` (base 60: 90), ``6_7`` (67), ``0x1A``, ``1e3`` and
``+45`` as numbers; a reader would not, so each is a problem with a hint."""

MAX_TAGS = 100_000
"""Most scalars whose implicit tag :class:`Loader` remembers (then it starts again)."""


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader, with libyaml's parser where PyYAML has it (its wheels bundle it; a
    pure-Python fallback otherwise): the same nodes and marks (``tests/test_updated.py``). A scalar's
    implicit tag is remembered per (text, style): the safe loader has no path resolvers, so the tag
    depends on nothing else, and its regular expressions cost a third of reading the corpus."""

    _tags: dict[tuple[str, tuple[bool, bool]], str] = {}

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = self._tags.get(key)
        if tag is None:
            if len(self._tags) >= MAX_TAGS:
                self._tags.clear()
            tag = self._tags[key] = super().resolve(kind, value, implicit)
        return tag


_Loader = Loader

MAX_COMPOSED = 1
"""Most texts whose composed node tree :func:`compose` keeps (a tree is about 20 MB for the corpus's
``indicators.yaml``)."""
_composed: dict[tuple[type, str], yaml.Node | None] = {}


def compose(text: str, loader: type | None = None, keep: bool = False, last: bool = False) -> yaml.Node | None:
    """``yaml.compose(text, Loader=loader)`` (default :class:`Loader`). A build reads ``indicators.yaml``
    for its data (:func:`load_yaml`) and again for its records' lines (:mod:`kwsite.updated`): with
    ``keep`` the tree is remembered by loader and exact text (:data:`MAX_COMPOSED` trees; nothing
    changes a composed tree) for a later call with ``last``, which takes it and lets it go. Errors are
    raised each time, not remembered."""
    key = (loader or _Loader, text)
    if key in _composed:
        return _composed.pop(key) if last else _composed[key]
    node = yaml.compose(text, Loader=key[0])
    if not keep:
        return node
    if len(_composed) >= MAX_COMPOSED:
        _composed.clear()
    _composed[key] = node
    return node


SAFE_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)
"""Tags a data file may carry; any other (``!!python/...``, ``!include``) is a problem."""

SYNTAX = {
    "did not find expected ',' or ']'": "',' of ']' verwacht: is een lijst tussen [ ] niet gesloten?",
    "did not find expected ',' or '}'": "',' of '}' verwacht: is een mapping tussen { } niet gesloten?",
    "mapping values are not allowed in this context": "dubbele punt waar die niet mag: zet de tekst tussen aanhalingstekens of controleer het inspringen",
    "found unexpected end of stream": "bestand houdt op midden in een waarde: is een aanhalingsteken niet gesloten?",
    "did not find expected '-' indicator": "'-' verwacht: items van een lijst moeten even ver inspringen",
    "did not find expected key": "sleutel verwacht: controleer het inspringen",
    "found undefined alias": "onbekende alias (*naam zonder &naam)",
    "did not find expected <document start>": "onverwachte tekst na een waarde: zet de tekst tussen aanhalingstekens",
    "could not find expected ':'": "':' verwacht na een sleutel",
    "found a tab character that violates indentation": "tab-teken: spring in met spaties",
    "found a tab character where an indentation space is expected": "tab-teken: spring in met spaties",
    "found unknown escape character": "onbekende escape (\\) in tekst tussen dubbele aanhalingstekens",
    "found unexpected ':'": "onverwachte ':'; zet de tekst tussen aanhalingstekens",
    "exceeded maximum nesting depth": f"te diep genest (meer dan {MAX_DEPTH} niveaus)",
}
"""PyYAML's syntax problems in the editors' language (Dutch)."""


class Marked:
    """Mixin: where the node started and where each key/item stood."""

    mark: tuple[int, int] = (0, 0)
    marks: dict


class MarkedDict(dict, Marked):
    """A mapping with ``mark`` (line, col) and ``marks[key]`` for each key."""


class MarkedList(list, Marked):
    """A sequence with ``mark`` and ``marks[index]`` for each item."""


class _TooBig(Exception):
    pass


class _TooDeep(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


def _pos(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, file: str):
        self.file = file
        self.count = 0
        self.problems: list[Problem] = []
        self._scalar = yaml.SafeLoader("")

    def build(self, node: yaml.Node, path: str = "", depth: int = 0):
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig
        if depth > MAX_DEPTH:
            raise _TooDeep(node)
        if node.tag not in SAFE_TAGS:
            line, col = _pos(node)
            self.problems.append(
                Problem(
                    self.file,
                    line,
                    col,
                    path,
                    f"YAML-tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is niet toegestaan",
                )
            )
            return node.value if isinstance(node, yaml.ScalarNode) else None  # no cascade of type errors
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            out = MarkedList()
            out.mark, out.marks = _pos(node), {}
            for i, item in enumerate(node.value):
                out.marks[i] = _pos(item)
                out.append(self.build(item, f"{path}[{i}]", depth + 1))
            return out
        return self._scalar_value(node, path)

    def _mapping(self, node: yaml.MappingNode, path: str, depth: int) -> MarkedDict:
        out = MarkedDict()
        out.mark, out.marks = _pos(node), {}
        for key_node, value_node in node.value:
            key = self.build(key_node, path, depth + 1)
            if not isinstance(key, (str, int)):
                line, col = _pos(key_node)
                self.problems.append(Problem(self.file, line, col, path, "sleutel moet tekst zijn"))
                continue
            key = str(key)
            child = f"{path}.{key}" if path else key
            if key in out:
                line, col = _pos(key_node)
                first = out.marks[key][0]
                self.problems.append(
                    Problem(self.file, line, col, child, f"dubbele sleutel '{key}' (eerder op regel {first})")
                )
                continue
            out.marks[key] = _pos(key_node)
            out[key] = self.build(value_node, child, depth + 1)
        return out

    def _scalar_value(self, node: yaml.ScalarNode, path: str):
        if node.tag == STR_TAG:  # what the safe constructor makes of it, without its bookkeeping
            return node.value
        if node.tag in NUMBER_TAGS and not node.style and not PLAIN_NUMBER.fullmatch(node.value):
            line, col = _pos(node)
            self.problems.append(Problem(self.file, line, col, path, _not_plain(node.value)))
            return None
        if node.tag == "tag:yaml.org,2002:float":
            text = node.value.replace("_", "")
            try:
                value = Decimal(text)
            except InvalidOperation:
                value = None
            if value is not None and value.is_finite() and abs(value) < MAX_MAGNITUDE:
                return value
            line, col = _pos(node)
            self.problems.append(Problem(self.file, line, col, path, f"geen bruikbaar getal: {node.value!r}"))
            return None
        if node.tag == "tag:yaml.org,2002:int":
            value = self._scalar.construct_object(node)
            if abs(value) >= MAX_MAGNITUDE:
                line, col = _pos(node)
                self.problems.append(Problem(self.file, line, col, path, f"getal is te groot: {node.value!r}"))
                return None
            return value
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value
        return self._scalar.construct_object(node)


NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
STR_TAG = "tag:yaml.org,2002:str"


def _not_plain(text: str) -> str:
    """Why ``text`` (which YAML 1.1 reads as a number) is not a plain decimal, with a hint."""
    bare = text.lstrip("+-")
    if ":" in text:
        why = "YAML leest dit als een getal in het zestigtallig stelsel"
    elif bare[:2].lower() in ("0x", "0o", "0b"):
        why = "een hexadecimaal, octaal of binair getal"
    elif "_" in text:
        why = "een _ in een getal"
    elif "e" in text.lower() and not bare.startswith("."):
        why = "wetenschappelijke notatie (e)"
    elif bare.startswith(".") and bare.lower().strip(".") in ("inf", "nan"):
        why = "geen eindig getal"
    elif len(bare) > 1 and bare[0] == "0" and bare[1].isdigit():
        octal = bare.isdigit() and set(bare) <= set("01234567")
        why = f"voorloopnul; YAML leest dit als het octale getal {int(bare, 8)}" if octal else "voorloopnul"
    elif text.startswith("+"):
        why = "een plusteken"
    else:
        why = "een punt aan het begin of eind"
    return (
        f"geen gewoon decimaal getal: {text!r} ({why}); schrijf cijfers met hooguit een punt als "
        "decimaalteken, zoals 45 of 6.7, of zet tekst tussen aanhalingstekens"
    )


def load_yaml(text: str, file: str, keep: bool = False) -> tuple[object, list[Problem]]:
    """Parse one YAML document; return (data, problems). ``keep``: its node tree is read again
    (:func:`compose`).

    ``data`` is built from :class:`MarkedDict`/:class:`MarkedList`; it is
    ``None`` when the file is empty or could not be parsed (then ``problems``
    says why, with the line and column PyYAML reports).
    """
    if len(text.encode("utf-8")) > MAX_BYTES:
        return None, [Problem(file, 1, 1, "", f"bestand is groter dan {MAX_BYTES // 1024} KiB")]
    try:
        node = compose(text, keep=keep)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Problem(file, line, col, "", "YAML-fout: " + _syntax(exc, text, mark))]
    except yaml.YAMLError as exc:
        return None, [Problem(file, 1, 1, "", f"YAML-fout: onleesbaar ({exc})")]
    except RecursionError:  # the pure-Python parser, without libyaml's depth limit
        return None, [Problem(file, 1, 1, "", f"YAML-fout: te diep genest (meer dan {MAX_DEPTH} niveaus)")]
    if node is None:
        return None, [Problem(file, 1, 1, "", "bestand is leeg")]
    builder = _Builder(file)
    try:
        data = builder.build(node)
    except _TooBig:
        return None, [Problem(file, 1, 1, "", f"te veel knopen (meer dan {MAX_NODES}; alias-bom?)")]
    except _TooDeep as exc:
        line, col = _pos(exc.node)
        return None, [Problem(file, line, col, "", f"te diep genest (meer dan {MAX_DEPTH} niveaus)")]
    return data, builder.problems


def _syntax(exc: yaml.MarkedYAMLError, text: str, mark) -> str:
    """A Dutch description of a PyYAML syntax error (the English text as a last resort)."""
    problem = (exc.problem or exc.context or "").strip()
    char = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
    if char == "\t" or "tab character" in problem:
        return "tab-teken: spring in met spaties"
    if problem == "found character that cannot start any token":
        return f"teken {char!r} kan hier geen waarde beginnen: zet de tekst tussen aanhalingstekens"
    for english, dutch in SYNTAX.items():
        if problem.startswith(english):
            return dutch
    return f"onleesbaar ({problem})"


def locate(data: object, loc: tuple) -> tuple[int, int]:
    """The (line, col) of the deepest part of ``loc`` (a pydantic error loc) found in ``data``."""
    best = getattr(data, "mark", (0, 0))
    node = data
    for part in loc:
        marks = getattr(node, "marks", None)
        if marks is None:
            break
        key = part if isinstance(node, list) else str(part)
        if key not in marks:
            break
        best = marks[key]
        node = node[key]
    return best
