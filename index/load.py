"""Files (.jsonl/.json/.txt/.md/.html) -> Readouts, with one clear error per bad file, line or field."""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from index.html import extract_html
from index.types import InputError, Readout, parse_iso_date

SUPPORTED = (".jsonl", ".json", ".txt", ".md", ".html", ".htm")
FIELDS = ("id", "title", "date", "source", "url", "text")

# " date 2020-11-30 On November 26, ..." (the seed's form); a colon and a capital D are tolerated.
DATE_PREFIX = re.compile(r"\A\s*[dD]ate:?[ \t]+(\d{4}-\d{2}-\d{2})(?![\w-])[ \t]*")
TITLE_LINE = re.compile(r"[ \t]*title:(.*)", re.IGNORECASE)
MD_HEADING = re.compile(r" {0,3}# +(.*?)(?:[ \t]+#+)?[ \t]*")
MD_FENCE = re.compile(r" {0,3}(```|~~~)")
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ].+")


@dataclass(frozen=True)
class LoadError:
    """One problem with one file, line (JSONL) or list item (JSON), and field when known."""

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


@dataclass(frozen=True)
class Loaded:
    """The result of one load: the readouts that loaded, every error, and how many files were read."""

    readouts: tuple[Readout, ...]
    errors: tuple[LoadError, ...]
    files: int


@dataclass(frozen=True)
class _Found:
    readout: Readout
    path: str  # display path
    line: int | None
    order: tuple[int, int]

    def place(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


class _Bad(Exception):
    """Aborts one record or file; load_paths turns it into a LoadError."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Split text into its non-empty blocks between blank lines, each stripped, inner newlines kept."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # Whitespace-only lines become empty, so every blank line is a "\n\n" boundary.
    blocks = "\n".join(line if line.strip() else "" for line in lines).split("\n\n")
    return tuple(block.strip() for block in blocks if block.strip())


def slugify(text: str) -> str:
    """Lowercase ASCII slug: keeps a-z, 0-9, '_' and '-'; other runs become one '-'."""
    # Drop accents first so "Café" gives "cafe" rather than "caf-".
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9_-]+", "-", folded.lower())
    return re.sub(r"-{2,}", "-", slug).strip("-")


def _as_list(paths: Any) -> list:
    return [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)


def _display(path: Path, names: Mapping[Path, str] | None) -> str:
    if names:
        for key in (path, path.resolve()):
            if key in names:
                return names[key]
    return str(path)


def _walk(paths: Any, names: Mapping[Path, str] | None) -> tuple[list[Path], list[LoadError]]:
    files: list[Path] = []
    errors: list[LoadError] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        if path.resolve() not in seen:  # the same file named twice is read once
            seen.add(path.resolve())
            files.append(path)

    for raw in _as_list(paths):
        path = Path(raw)
        shown = _display(path, names)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as error:  # e.g. a name too long: report it like any other bad path
            errors.append(LoadError(shown, None, None, f"cannot read: {error.strerror or error}"))
            continue
        if is_dir:
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if not hidden and child.is_file() and child.suffix.lower() in SUPPORTED and not _is_notes(child):
                    add(child)
        elif not exists:
            errors.append(LoadError(shown, None, None, "no such file or folder"))
        elif not path.is_file():
            errors.append(LoadError(shown, None, None, "not a regular file"))
        elif Path(shown).suffix.lower() not in SUPPORTED:
            kind = Path(shown).suffix or "(no extension)"
            message = f"unsupported file type {kind}; supported: {', '.join(SUPPORTED)}"
            errors.append(LoadError(shown, None, None, message))
        else:
            add(path)
    return files, errors


# A folder's own documentation (../shared/corpus/SOURCES.md, say) describes the readouts; it is not one.
NOTES = frozenset({"readme", "sources", "license", "licence", "changelog", "contributing", "notice"})


def _is_notes(path: Path) -> bool:
    return path.stem.lower() in NOTES


def find_files(paths: Any) -> list[Path]:
    """Return the loadable files among paths: files as named, folders walked (sorted, no hidden entries)."""
    return _walk(paths, None)[0]


def _describe(value: Any) -> str:
    """A string as a short quote, anything else by its JSON type (a repr could be huge or deep)."""
    if isinstance(value, str):
        return repr(value) if len(value) <= 50 else repr(value[:47] + "...")
    names = {dict: "object", list: "array", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _Bad(None, f"cannot read: {error.strerror or error}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Bad(None, "UTF-16 text; save it as UTF-8")
    if b"\x00" in data:
        raise _Bad(None, "binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _Bad(None, f"not UTF-8 text: invalid byte 0x{data[error.start]:02x} at offset {error.start}") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise _Bad(None, "empty file")
    return text


def _parse_date(value: Any) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    if isinstance(value, str) and TIMESTAMP.fullmatch(value.strip()):
        try:  # a full timestamp keeps the date as written, not converted to another zone
            stamp = re.sub(r"Z$", "+00:00", value.strip())
            return _dt.datetime.fromisoformat(stamp).date().isoformat()
        except ValueError:
            pass
    if not isinstance(value, str):
        raise _Bad("date", f"expected a YYYY-MM-DD string, got {_describe(value)}")
    try:
        return parse_iso_date(value)
    except InputError:
        raise _Bad("date", f"{_describe(value)} is not a date in YYYY-MM-DD form") from None


def _optional_string(record: dict, key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Bad(key, f"expected a string, got {_describe(value)}")
    return value.strip()


def _record_readout(record: dict) -> Readout:
    text = record.get("text")
    if not isinstance(text, str):
        raise _Bad("text", "missing" if text is None else f"expected a string, got {_describe(text)}")
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise _Bad("text", "no paragraphs (the text is empty)")
    title = record.get("title")
    if not isinstance(title, str) or not title.strip():
        raise _Bad("title", "missing" if title is None else f"expected a non-empty string, got {_describe(title)}")
    date = _parse_date(record.get("date"))
    source, url = _optional_string(record, "source"), _optional_string(record, "url")
    readout_id = record.get("id")
    if readout_id is None:  # null counts as absent: some exporters write every key
        readout_id = slugify(f"{date} {title}")
        if not readout_id:
            raise _Bad("id", "no id given, and none can be made from the date and title")
    elif not isinstance(readout_id, str) or not readout_id.strip():
        raise _Bad("id", f"expected a non-empty string, got {_describe(readout_id)}")
    metadata = {key: value for key, value in record.items() if key not in FIELDS}
    return Readout(readout_id, title.strip(), date, source, url, paragraphs, metadata)


def _take_date_prefix(text: str) -> tuple[str, str]:
    match = DATE_PREFIX.match(text)
    if not match:
        return "", text
    return _parse_date(match.group(1)), text[match.end():]


def _take_md_heading(text: str) -> tuple[str, str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fenced = False
    for number, line in enumerate(lines):
        if MD_FENCE.match(line):
            fenced = not fenced  # a "# comment" inside a code block is not the title
        elif not fenced and (match := MD_HEADING.fullmatch(line)) and match.group(1).strip():
            # A blank line in its place, so the text around the heading is never merged.
            return match.group(1).strip(), "\n".join(lines[:number] + [""] + lines[number + 1:])
    return "", text


def _document_readout(text: str, kind: str, name: str) -> Readout:
    stem = Path(name).stem
    readout_id = slugify(stem)
    if not readout_id:
        raise _Bad("id", f"cannot make an id from the file name {_describe(Path(name).name)}")
    title, date = "", ""
    if kind in (".html", ".htm"):
        try:
            page = extract_html(text)
        except (AssertionError, ValueError) as error:  # html.parser is lenient, but not guaranteed total
            raise _Bad(None, f"cannot parse HTML: {error}") from None
        title, paragraphs = page.title, list(page.paragraphs)
        if paragraphs:
            date, first = _take_date_prefix(paragraphs[0])
            paragraphs[0:1] = [first.strip()] if first.strip() else []
        if not date and page.meta_date:
            date = _parse_date(page.meta_date)
        paragraphs = tuple(paragraphs)
    else:
        if kind == ".md":
            title, text = _take_md_heading(text)
        else:
            first, _, rest = text.partition("\n")
            if match := TITLE_LINE.fullmatch(first.rstrip("\r")):
                title, text = match.group(1).strip(), rest
        date, text = _take_date_prefix(text)
        paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise _Bad(None, "no paragraphs")
    return Readout(readout_id, title or stem, date, "", "", paragraphs, {})


def _parse_json(text: str, whole_file: bool) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        at = f"line {error.lineno} column {error.colno}" if whole_file else f"column {error.colno}"
        raise _Bad(None, f"invalid JSON: {error.msg} ({at})") from None
    except (ValueError, RecursionError) as error:  # e.g. a 5000-digit number, or nesting 10000 deep
        raise _Bad(None, f"invalid JSON: {str(error) or 'nested too deeply'}") from None


def _json_items(text: str, kind: str) -> Iterable[tuple[int | None, Any]]:
    """Yield (line or item number, parsed value or _Bad) for each record in a JSON/JSONL file."""
    if kind == ".jsonl":
        for number, line in enumerate(text.split("\n"), 1):  # not splitlines: U+2028 is valid inside JSON
            if not line.strip():
                continue
            try:
                yield number, _parse_json(line, whole_file=False)
            except _Bad as bad:
                yield number, bad
        return
    value = _parse_json(text, whole_file=True)
    if isinstance(value, dict):
        yield None, value
    elif isinstance(value, list):
        if not value:
            raise _Bad(None, "no records (an empty list)")
        yield from enumerate(value, 1)
    else:
        raise _Bad(None, f"expected a JSON object or a list of objects, got {_describe(value)}")


def _load_file(path: Path, shown: str, index: int) -> tuple[list[_Found], list[tuple[tuple[int, int], LoadError]]]:
    found: list[_Found] = []
    errors: list[tuple[tuple[int, int], LoadError]] = []
    kind = Path(shown).suffix.lower()
    if kind not in SUPPORTED:  # a display name without a usable extension: trust the real path
        kind = path.suffix.lower()
    try:
        text = _read_text(path)
        if kind in (".jsonl", ".json"):
            for number, item in _json_items(text, kind):
                order = (index, number or 0)
                try:
                    if isinstance(item, _Bad):
                        raise item
                    if not isinstance(item, dict):
                        raise _Bad(None, f"expected a JSON object, got {_describe(item)}")
                    found.append(_Found(_record_readout(item), shown, number, order))
                except _Bad as bad:
                    errors.append((order, LoadError(shown, number, bad.field, bad.message)))
        else:
            found.append(_Found(_document_readout(text, kind, shown), shown, None, (index, 0)))
    except _Bad as bad:
        errors.append(((index, 0), LoadError(shown, None, bad.field, bad.message)))
    return found, errors


def _drop_conflicts(found: list[_Found]) -> tuple[list[Readout], list[tuple[tuple[int, int], LoadError]]]:
    """Keep one of identical copies of an id; drop every copy (with an error each) when they differ."""
    by_id: dict[str, list[_Found]] = {}
    for item in found:
        by_id.setdefault(item.readout.id, []).append(item)
    readouts, errors = [], []
    for item in found:
        copies = by_id[item.readout.id]
        others = [copy for copy in copies if copy.readout != item.readout]
        if others:
            places = ", ".join(copy.place() for copy in others)
            message = f"id {item.readout.id!r} is also at {places} with different content; no copy was loaded"
            errors.append((item.order, LoadError(item.path, item.line, "id", message)))
        elif item is copies[0]:
            readouts.append(item.readout)
    return readouts, errors


def load_paths(paths: Any, names: dict[Path, str] | None = None) -> Loaded:
    """Load every readout under paths; bad files, lines and fields become LoadErrors, never exceptions."""
    files, walk_errors = _walk(paths, names)
    found: list[_Found] = []
    errors: list[tuple[tuple[int, int], LoadError]] = [((-1, 0), error) for error in walk_errors]
    for index, path in enumerate(files):
        file_found, file_errors = _load_file(path, _display(path, names), index)
        found += file_found
        errors += file_errors
    readouts, conflict_errors = _drop_conflicts(found)
    errors = sorted(errors + conflict_errors, key=lambda pair: pair[0])  # file order, then line
    return Loaded(tuple(readouts), tuple(error for _, error in errors), len(files))
