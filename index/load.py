"""Files (.jsonl/.json/.txt/.md/.html) -> Readouts, with one clear error per bad file, line or field."""
from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from index.html import extract_html
from index.jsonl import Rejected as _Bad
from index.jsonl import SURROGATE, check_record, decode_whole, describe, json_records, jsonl_records
from index.types import InputError, Readout, parse_iso_date

SUPPORTED = (".jsonl", ".json", ".txt", ".md", ".html", ".htm")
FIELDS = ("id", "title", "date", "source", "url", "text")
# One readout's text (a record's `text`, or a whole .txt/.md/.html file): far above any real readout (the
# corpus's largest is under 10 KB), low enough that a stray dump is refused before it is embedded.
DEFAULT_MAX_RECORD_BYTES = 4 * 1024 * 1024

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


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Split text into its non-empty blocks between blank lines, each stripped, inner newlines kept."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # Whitespace-only lines become empty, so every blank line is a "\n\n" boundary.
    blocks = "\n".join(line if line.strip() else "" for line in lines).split("\n\n")
    return tuple(block.strip() for block in blocks if block.strip())


def _fold(text: str) -> str:
    # Drop accents so "Café" gives "cafe" rather than "caf-".
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """Lowercase ASCII slug: keeps a-z, 0-9, '_' and '-'; other runs become one '-'."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", _fold(text).lower())
    return re.sub(r"-{2,}", "-", slug).strip("-")


def file_id(stem: str) -> str:
    """The id of a file named `stem`: its slug, plus a short hash of the name when the slug lost letters."""
    slug = slugify(stem)
    if not any(c.isalnum() and not c.isascii() for c in _fold(stem)) and not SURROGATE.search(stem):
        return slug  # ASCII and accented names keep the plain slug ("Café" -> "cafe")
    # "report 日本" and "report 中国" both slug to "report"; NFC so a macOS (NFD) name gives the same id.
    # surrogatepass: a name with bytes that are not UTF-8 arrives with lone surrogates, and still hashes.
    name = unicodedata.normalize("NFC", stem).encode("utf-8", "surrogatepass")
    digest = hashlib.sha256(name).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else digest


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


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _Bad(None, f"cannot read: {error.strerror or error}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Bad(None, "UTF-16 text; save it as UTF-8")
    if b"\x00" in data:
        raise _Bad(None, "binary file, not text")
    return data


def _text(data: bytes) -> str:
    text = decode_whole(data)
    if not text.strip():
        raise _Bad(None, "empty file")
    return text


def _size(count: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if count >= scale:
            return f"{count / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{count:,} bytes"


def _check_size(count: int, limit: int | None, field: str | None) -> None:
    if limit is None or count <= limit:
        return
    size, most = _size(count), f"the {_size(limit)} limit"
    if size == _size(limit):  # rounded, 4,194,305 bytes would read "4 MB, over the 4 MB limit"
        size, most = f"{count:,} bytes", f"the {limit:,}-byte limit"
    raise _Bad(field, f"{size}, over {most} for one readout (raise it with --max-record-mb)")


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
        raise _Bad("date", f"expected a YYYY-MM-DD string, got {describe(value)}")
    try:
        return parse_iso_date(value)
    except InputError:
        raise _Bad("date", f"{describe(value)} is not a date in YYYY-MM-DD form") from None


def _optional_string(record: dict, key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Bad(key, f"expected a string, got {describe(value)}")
    return value.strip()


def _record_readout(record: dict, max_bytes: int | None) -> Readout:
    check_record(record)  # first, so no later message quotes a string that cannot be printed or stored
    text = record.get("text")
    if not isinstance(text, str):
        raise _Bad("text", "missing" if text is None else f"expected a string, got {describe(text)}")
    if max_bytes is not None and len(text) > max_bytes // 4:  # a character is at most 4 bytes of UTF-8
        _check_size(len(text.encode("utf-8")), max_bytes, "text")
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise _Bad("text", "no paragraphs (the text is empty)")
    title = record.get("title")
    if not isinstance(title, str) or not title.strip():
        raise _Bad("title", "missing" if title is None else f"expected a non-empty string, got {describe(title)}")
    date = _parse_date(record.get("date"))
    source, url = _optional_string(record, "source"), _optional_string(record, "url")
    readout_id = record.get("id")
    if readout_id is None:  # null counts as absent: some exporters write every key
        readout_id = slugify(f"{date} {title}")
        if not readout_id:
            raise _Bad("id", "no id given, and none can be made from the date and title")
    elif not isinstance(readout_id, str) or not readout_id.strip():
        raise _Bad("id", f"expected a non-empty string, got {describe(readout_id)}")
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
    readout_id = file_id(stem)
    # A name with bytes that are not UTF-8 holds lone surrogates; the title shows them as U+FFFD instead.
    stem = SURROGATE.sub("\ufffd", stem)
    if not readout_id:
        raise _Bad("id", f"cannot make an id from the file name {describe(Path(name).name)}")
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


def _load_file(path: Path, shown: str, index: int,
               max_bytes: int | None) -> tuple[list[_Found], list[tuple[tuple[int, int], LoadError]]]:
    found: list[_Found] = []
    errors: list[tuple[tuple[int, int], LoadError]] = []
    kind = Path(shown).suffix.lower()
    if kind not in SUPPORTED:  # a display name without a usable extension: trust the real path
        kind = path.suffix.lower()
    try:
        data = _read_bytes(path)
        if kind in (".jsonl", ".json"):
            # JSONL is decoded line by line, so one bad byte costs one line, not the file.
            items = jsonl_records(data) if kind == ".jsonl" else json_records(_text(data))
            for number, item in items:
                order = (index, number or 0)
                try:
                    if isinstance(item, _Bad):
                        raise item
                    if not isinstance(item, dict):
                        raise _Bad(None, f"expected a JSON object, got {describe(item)}")
                    found.append(_Found(_record_readout(item, max_bytes), shown, number, order))
                except _Bad as bad:
                    errors.append((order, LoadError(shown, number, bad.field, bad.message)))
            if not found and not errors:
                raise _Bad(None, "empty file")
        else:
            _check_size(len(data.removeprefix(b"\xef\xbb\xbf")), max_bytes, None)  # before parsing a huge page
            found.append(_Found(_document_readout(_text(data), kind, shown), shown, None, (index, 0)))
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


def load_paths(paths: Any, names: dict[Path, str] | None = None,
               max_record_bytes: int | None = DEFAULT_MAX_RECORD_BYTES) -> Loaded:
    """Load every readout under paths; bad files, lines and fields become LoadErrors, never exceptions.

    A readout whose text is over max_record_bytes of UTF-8 (None: no limit) is an error, not loaded."""
    files, walk_errors = _walk(paths, names)
    found: list[_Found] = []
    errors: list[tuple[tuple[int, int], LoadError]] = [((-1, 0), error) for error in walk_errors]
    for index, path in enumerate(files):
        file_found, file_errors = _load_file(path, _display(path, names), index, max_record_bytes)
        found += file_found
        errors += file_errors
    readouts, conflict_errors = _drop_conflicts(found)
    errors = sorted(errors + conflict_errors, key=lambda pair: pair[0])  # file order, then line
    return Loaded(tuple(readouts), tuple(error for _, error in errors), len(files))
