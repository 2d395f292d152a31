"""JSON and JSONL bytes -> records for index.load: UTF-8 line by line, strict JSON, values every later stage can store."""
from __future__ import annotations

import json
import math
import re
from typing import Any, Iterator

# json.loads turns the escape "\ud800" into a str that UTF-8 cannot encode, so SQLite or the content hash
# would fail the whole ingest; a pair ("\ud83d\ude00") is joined into one character and never matches.
SURROGATE = re.compile("[\ud800-\udfff]")
# json.loads goes as deep as Python's recursion limit allows, but ingest's json.dumps starts deeper in the
# stack and would fail near that limit; real metadata is a few levels deep.
MAX_DEPTH = 100
# Python's default limit for int(str), fixed here: with PYTHONINTMAXSTRDIGITS=0 a long number parses in quadratic time.
MAX_DIGITS = 4300


class Rejected(Exception):
    """Aborts one record, line or file; index.load turns it into a LoadError."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


def describe(value: Any) -> str:
    """A string as a short quote, anything else by its JSON type (a repr could be huge or deep)."""
    if isinstance(value, str):
        return repr(value) if len(value) <= 50 else repr(value[:47] + "...")
    names = {dict: "object", list: "array", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _invalid_byte(data: bytes, start: int) -> tuple[str, int]:
    # The column counts characters, as JSON errors do; everything before `start` decoded, so it is valid UTF-8.
    line_start = data.rfind(b"\n", 0, start) + 1
    return f"invalid byte 0x{data[start]:02x}", len(data[line_start:start].decode("utf-8")) + 1


def decode_whole(data: bytes) -> str:
    """A whole file's UTF-8 text; an invalid byte is an error naming its offset, line and column."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        byte, column = _invalid_byte(data, error.start)
        line = data.count(b"\n", 0, error.start) + 1
        raise Rejected(None, f"not UTF-8 text: {byte} at offset {error.start} (line {line}, column {column})") from None


def _integer(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise Rejected(None, f"invalid JSON: a number with {digits} digits (at most {MAX_DIGITS})")
    return int(text)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999 would become inf, which no JSON can hold
        raise Rejected(None, f"invalid JSON: the number {describe(text)} is too large")
    return value


def _constant(name: str) -> Any:
    raise Rejected(None, f"invalid JSON: {name} is not a JSON value")  # Python accepts NaN and Infinity; JSON does not


def parse_json(text: str, whole_file: bool) -> Any:
    """Strict JSON (no NaN, no overflowing numbers); any failure is a Rejected, never another exception."""
    try:
        return json.loads(text, parse_int=_integer, parse_float=_finite, parse_constant=_constant)
    except json.JSONDecodeError as error:
        at = f"line {error.lineno} column {error.colno}" if whole_file else f"column {error.colno}"
        raise Rejected(None, f"invalid JSON: {error.msg} ({at})") from None
    except RecursionError:  # e.g. 30,000 "[" in a row
        raise Rejected(None, f"invalid JSON: nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as error:  # e.g. a lower int digit limit set by the application
        raise Rejected(None, f"invalid JSON: {error}") from None


def jsonl_records(data: bytes) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value or Rejected) for each non-blank line; a bad line never stops the file."""
    # Split bytes on b"\n" (never inside a UTF-8 sequence), not text on splitlines: U+2028 is valid inside JSON.
    for number, raw in enumerate(data.split(b"\n"), 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            byte, column = _invalid_byte(raw, error.start)
            yield number, Rejected(None, f"not UTF-8 text: {byte} at column {column}")
            continue
        line = line.removeprefix("\ufeff") if number == 1 else line
        if line.strip():
            try:
                yield number, parse_json(line, whole_file=False)
            except Rejected as bad:
                yield number, bad


def json_records(text: str) -> Iterator[tuple[int | None, Any]]:
    """(item number or None, value) for a .json file: one object, or a list of them numbered from 1."""
    value = parse_json(text, whole_file=True)
    if isinstance(value, dict):
        yield None, value
    elif isinstance(value, list):
        if not value:
            raise Rejected(None, "no records (an empty list)")
        yield from enumerate(value, 1)
    else:
        raise Rejected(None, f"expected a JSON object or a list of objects, got {describe(value)}")


def surrogate_message(text: str) -> str | None:
    """Why a string cannot be stored as UTF-8, or None when it can."""
    match = SURROGATE.search(text)
    return None if match is None else f"contains an unpaired surrogate \\u{ord(match.group()):04x} (invalid Unicode)"


def check_record(record: dict) -> None:
    """Reject a record with a string UTF-8 cannot encode or nesting ingest cannot walk, naming the field."""
    for key, value in record.items():
        if problem := surrogate_message(key):
            raise Rejected(None, f"a field name {problem}")
        stack = [(value, 0)]  # a loop, not recursion: a deep value must not overflow the stack here either
        while stack:
            item, depth = stack.pop()
            if isinstance(item, str):
                if problem := surrogate_message(item):
                    raise Rejected(key, problem)
            elif isinstance(item, (dict, list)):
                if depth >= MAX_DEPTH:
                    raise Rejected(key, f"nested more than {MAX_DEPTH} levels deep")
                children = [*item, *item.values()] if isinstance(item, dict) else item
                stack.extend((child, depth + 1) for child in children)
