"""Front matter: YAML read strictly into plain values, each top-level field with its line.

Aliases, custom tags and duplicate keys are refused, because they are how bad input
hides; dates stay text for validation to parse with clear errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

MAX_NESTING = 50  # lists and mappings inside one another, in front matter

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[misc]
    """Safe YAML with dates left as strings: validate parses them with clear errors."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_ALLOWED_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}


@dataclass(frozen=True)
class Value:
    """A front-matter value and the 1-based line it starts on."""

    value: Any
    line: int


def parse_yaml_mapping(text: str, path: Path, first_line: int, errors: list[ContentError]) -> dict[str, Value] | None:
    """Parse a YAML mapping, keeping each top-level key's line; None if it is unusable."""
    deep = _too_deep(text)  # composing it would overflow the stack (a segfault in libyaml's binding)
    if deep is not None:
        errors.append(
            ContentError(path, first_line + deep, "", f"invalid YAML: nested more than {MAX_NESTING} levels deep")
        )
        return None
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
    except RecursionError:
        errors.append(ContentError(path, first_line, "", f"invalid YAML: nested more than {MAX_NESTING} levels deep"))
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = exc.problem or "invalid YAML"
        field = ""
        if "expected a single document" in str(exc.context) or "expected <document start>" in problem:
            problem = "holds a second YAML document; keep one mapping of fields"
        elif "mapping values are not allowed" in problem and mark is not None:
            # "title: Guo Jiakun: China rejects claims": a value holding ": " must be quoted
            field = text.split("\n")[mark.line].split(":", 1)[0].strip()
            problem += "; a value holding ': ' must be in quotes (title: \"Guo Jiakun: China rejects claims\")"
        errors.append(ContentError(path, line, field, f"invalid YAML: {problem}"))
        return None
    except yaml.reader.ReaderError as exc:
        line = first_line + text[: exc.position].count("\n")
        errors.append(
            ContentError(path, line, "", f"invalid YAML: control character U+{exc.character:04X} is not allowed")
        )
        return None
    except yaml.YAMLError as exc:
        errors.append(ContentError(path, first_line, "", f"invalid YAML: {exc}"))
        return None
    finally:
        loader.dispose()
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        what = "a source file" if path.suffix in (".yaml", ".yml") else "front matter"
        found = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        errors.append(
            ContentError(path, first_line, "", f"{what} must be a mapping of `field: value` lines, not {found}")
        )
        return None
    try:
        return _mapping_fields(loader, node, path, first_line, errors)
    except _YamlRefused as refused:
        errors.append(ContentError(path, first_line + refused.line, refused.field, refused.message))
        return None


MAX_PARSE_DEPTH = 1000  # deeper is refused before the YAML is composed (depths above MAX_NESTING, after)
_INDICATORS = "[{:-?"  # each level of nesting needs at least one of these


def _too_deep(text: str) -> int | None:
    """The line (from 0) where collections nest beyond MAX_PARSE_DEPTH, found from parser events, which never
    recurse; None if they do not."""
    if sum(text.count(ch) for ch in _INDICATORS) <= MAX_PARSE_DEPTH:
        return None
    loader = _StrictLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_PARSE_DEPTH:
                    return event.start_mark.line if event.start_mark else 0
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # the parse proper reports it, with its line
    finally:
        loader.dispose()
    return None


class _YamlRefused(Exception):
    def __init__(self, line: int, field: str, message: str):
        super().__init__(message)
        self.line, self.field, self.message = line, field, message


def _mapping_fields(
    loader: Any, node: yaml.MappingNode, path: Path, first_line: int, errors: list[ContentError]
) -> dict[str, Value]:
    fields: dict[str, Value] = {}
    seen: set[int] = set()
    for key_node, value_node in node.value:
        key = _construct(loader, key_node, "", seen)
        line = first_line + key_node.start_mark.line
        if not isinstance(key, str):
            raise _YamlRefused(key_node.start_mark.line, str(key), "field names must be text")
        if key in fields:
            raise _YamlRefused(
                key_node.start_mark.line, key, f"duplicate field (first given on line {fields[key].line})"
            )
        try:
            fields[key] = Value(_construct(loader, value_node, key, seen), line)
        except _YamlRefused as refused:
            # An alias points back at its anchor's node: report it where the field is.
            raise _YamlRefused(key_node.start_mark.line, refused.field, refused.message) from None
    return fields


class YamlNumber(int):
    """An integer as written (``012`` stays ``012`` in messages; YAML 1.1 reads it as octal 10)."""

    written: str = ""


def _construct(loader: Any, node: yaml.Node, field_name: str, seen: set[int], depth: int = 0) -> Any:
    """Build plain Python values, refusing aliases and tags beyond JSON-like types."""
    if depth > MAX_NESTING:
        raise _YamlRefused(node.start_mark.line, field_name, f"nested more than {MAX_NESTING} levels deep")
    if id(node) in seen:
        raise _YamlRefused(node.start_mark.line, field_name, "YAML aliases (`*name`) are not allowed")
    seen.add(id(node))
    if node.tag not in _ALLOWED_TAGS:
        raise _YamlRefused(node.start_mark.line, field_name, f"YAML tag `{node.tag}` is not allowed")
    if isinstance(node, yaml.SequenceNode):
        return [_construct(loader, item, field_name, seen, depth + 1) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = _construct(loader, key_node, field_name, seen, depth + 1)
            if not isinstance(key, str):
                raise _YamlRefused(key_node.start_mark.line, field_name, "keys must be text")
            if key in result:
                raise _YamlRefused(key_node.start_mark.line, field_name, f"duplicate key `{key}`")
            result[key] = _construct(loader, value_node, field_name, seen, depth + 1)
        return result
    return _scalar(loader, node, field_name)


def _scalar(loader: Any, node: yaml.Node, field_name: str) -> Any:
    try:
        value = loader.construct_object(node)
    except (ValueError, OverflowError, yaml.YAMLError) as exc:
        reason = "too many digits" if "digits" in str(exc) else "not a valid value"
        raise _YamlRefused(
            node.start_mark.line, field_name, f"cannot read `{str(node.value)[:40]}`: {reason}; put it in quotes"
        ) from None
    if type(value) is int:
        number = YamlNumber(value)
        number.written = str(node.value)
        return number
    return value
