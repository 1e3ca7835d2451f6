"""Reading a table (CSV or XLSX) as a stream of rows of text, within limits.

* CSV: UTF-8 with or without BOM, else Windows-1252/Latin-1 (what German Excel writes);
  comma or semicolon, whichever the header row uses more.
* XLSX: the first sheet, read with openpyxl in read-only mode (rows are parsed as they
  are consumed) and its XML parsed with defusedxml (entity expansion is refused).
* Limits are checked while reading: the bytes of the file (and, for XLSX, the unpacked
  size of the sheet and its strings, from the archive's directory, before parsing), and
  the number of rows while they stream – a small XLSX that unpacks into millions of
  rows is refused after ``max_rows`` rows, not after reading all of them.

Every problem raises :class:`~kim.core.io.errors.InputError` with a translatable message.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import IO, Any

from kim.core.io.errors import InputError, file_error, gettext_noop

CHUNK = 1 << 16
MB = 1024 * 1024
MAX_COLUMNS = 200  # cells further right are not read (a person row has 17)


@dataclass(frozen=True)
class Limits:
    max_rows: int = 200_000  # data rows (the header not counted)
    max_bytes: int = 50 * MB  # the file as uploaded
    max_unpacked: int = 400 * MB  # XLSX: sheet XML plus shared strings, unpacked


@dataclass
class Sheet:
    """The header and a one-pass iterator of ``(row number, cells)`` (header = row 1)."""

    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]
    total: int | None  # data rows, when the file says so in advance (for progress only)


def cell_text(value: object) -> str:
    """A spreadsheet value as the text a CSV would hold (dates ISO, 3.0 as 3)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_limited(source: IO[bytes] | bytes, limit: int) -> bytes:
    """All bytes of ``source``, refusing (after reading at most ``limit`` + 1) a larger one."""
    if isinstance(source, bytes):
        data = source
    else:
        parts, size = [], 0
        while size <= limit:
            part = source.read(CHUNK)
            if not part:
                break
            parts.append(part)
            size += len(part)
        data = b"".join(parts)
    if len(data) > limit:
        raise file_error(gettext_noop("The file is larger than %(mb)s MB."),
                         mb=round(limit / MB))
    return data


def decode(data: bytes) -> str:
    """UTF-8 (BOM or not), else Windows-1252, else Latin-1 (which decodes any byte)."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _limited_rows(rows: Iterator[tuple[int, list[str]]],
                  limits: Limits) -> Iterator[tuple[int, list[str]]]:
    """Pass rows on; refuse once more than ``max_rows`` came or a row number lies beyond
    (an XLSX row may name any number)."""
    for count, (number, cells) in enumerate(rows, start=1):
        if count > limits.max_rows or number - 1 > limits.max_rows:
            raise too_many_rows(limits)
        yield number, cells


def too_many_rows(limits: Limits) -> InputError:
    return file_error(gettext_noop("The file has more than %(max)s rows; split it."),
                      max=limits.max_rows)


def _lines(text: str) -> Iterator[str]:
    """The text's lines with their endings, one at a time (``io.StringIO`` would hold a
    second, four-bytes-per-character copy of the whole file)."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        end = size if end < 0 else end + 1
        yield text[start:end]
        start = end


def read_csv(source: IO[bytes] | bytes, limits: Limits = Limits()) -> Sheet:
    text = decode(read_limited(source, limits.max_bytes))
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(_lines(text), delimiter=delimiter)

    def lines() -> Iterator[list[str]]:
        try:
            for row in reader:
                yield [cell.strip() for cell in row]
        except csv.Error as exc:
            raise file_error(gettext_noop("The CSV file cannot be read: %(why)s"),
                             why=str(exc)) from None

    stream = lines()
    header = next(stream, None)
    if header is None:
        raise file_error(gettext_noop("The file is empty."))
    return Sheet([h.strip() for h in header],
                 _limited_rows(enumerate(stream, start=2), limits), None)


def _xlsx_xml_size(archive: zipfile.ZipFile) -> int:
    """Unpacked bytes of the worksheets and shared strings, as the archive declares them
    (zipfile never delivers more than the declared size of a member)."""
    return sum(info.file_size for info in archive.infolist()
               if info.filename.startswith("xl/worksheets/")
               or info.filename == "xl/sharedStrings.xml")


_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,15}:)?row[\s/>]")
_OVERLAP = 24  # longer than any match: a tag cut by a chunk border is found in the next


_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_UTF16 = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*encoding=[\"']utf-16", re.IGNORECASE)


def _scan_sheet(archive: zipfile.ZipFile, path: str, limits: Limits) -> int:
    """Rows of the sheet (header included), counted on the raw XML as it unpacks – fast,
    and stopping as soon as there are too many, before any row is parsed.

    The same pass refuses a document type declaration (where entities would be defined;
    Excel never writes one) and UTF-16 (where the byte search could not see it), so the
    sheet can then be parsed with the C parser instead of defusedxml's pure-Python one,
    five times faster; every other part of the file goes through defusedxml."""
    count, tail = 0, b""
    with archive.open(path) as source:
        while chunk := source.read(CHUNK * 4):
            data = tail + chunk
            if not tail and (data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[1:2] == b"\x00"
                             or _UTF16.match(data[:200])):
                raise file_error(gettext_noop("The XLSX file cannot be read: %(why)s"),
                                 why="UTF-16")
            if _DTD.search(data):
                raise file_error(gettext_noop("The XLSX file cannot be read: %(why)s"),
                                 why="EntitiesForbidden")
            border = len(data) - _OVERLAP
            count += sum(1 for m in _ROW_TAG.finditer(data) if m.start() < border)
            tail = data[border:]
            if count - 1 > limits.max_rows:
                raise too_many_rows(limits)
    return count + len(_ROW_TAG.findall(tail))


def read_xlsx(source: IO[bytes] | bytes, limits: Limits = Limits()) -> Sheet:
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:  # never parse untrusted XML without entity protection
        raise file_error(gettext_noop("XLSX files cannot be read safely on this server "
                                      "(defusedxml is missing)."))
    data = read_limited(source, limits.max_bytes)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:  # sizes first, before parsing
            unpacked = _xlsx_xml_size(archive)
        if unpacked > limits.max_unpacked:
            raise file_error(gettext_noop("The XLSX file unpacks to more than %(mb)s MB; "
                                          "split it."), mb=round(limits.max_unpacked / MB))
        reader, path = _open_book(data)
        total = _scan_sheet(reader.archive, path, limits) - 1
        rows = _xlsx_rows(reader, path)
        header = next(rows, (1, []))[1]
    except InputError:
        raise
    except Exception as exc:  # openpyxl, zipfile and defusedxml raise many kinds
        raise _unreadable(exc) from None
    headers = list(header)
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        rows.close()
        raise file_error(gettext_noop("The file is empty."))
    width = len(headers)
    return Sheet(headers, _limited_rows(((n, cells[:width]) for n, cells in rows), limits),
                 max(total, 0))


def _unreadable(exc: Exception) -> InputError:
    return file_error(gettext_noop("The XLSX file cannot be read: %(why)s"),
                      why=exc.__class__.__name__)


def _open_book(data: bytes) -> tuple[Any, str]:
    """openpyxl's reader up to the styles (for dates) and shared strings, and the path of
    the first worksheet. Not ``load_workbook``: its read-only sheet scans the whole sheet
    for a dimension before the first row when the file has none."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
    reader.read_manifest()
    reader.read_strings()
    reader.read_workbook()
    apply_stylesheet(reader.archive, reader.wb)
    for _sheet, rel in reader.parser.find_sheets():
        if rel.target in reader.valid_files and "chartsheet" not in rel.Type:
            return reader, rel.target
    raise file_error(gettext_noop("The XLSX file has no worksheet."))


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _TEXT = (_MAIN + tag for tag in ("row", "c", "v", "t"))


def _column(ref: str | None, previous: int) -> int:
    """1-based column of a cell reference (``AB12`` → 28); the next one if none is given."""
    if not ref:
        return previous + 1
    number = 0
    for char in ref:
        if "A" <= char <= "Z":
            number = number * 26 + ord(char) - 64
        else:
            break
    return number or previous + 1


def _xlsx_rows(reader: Any, path: str) -> Generator[tuple[int, list[str]], None, None]:
    """``(row number, cell texts)`` streamed from the sheet's XML (checked by
    :func:`_scan_sheet`: no DTD, so no entities).

    A lean loop instead of openpyxl's sheet parser (which builds a dict per cell and keeps
    every parsed row element): constant memory. Numbers in a date format become dates,
    as openpyxl would give them."""
    from xml.etree.ElementTree import iterparse  # noqa: S405 - see _scan_sheet

    from openpyxl.utils.datetime import from_excel

    shared = reader.shared_strings
    dates = {str(style) for style in reader.wb._date_formats}
    epoch = reader.wb.epoch
    number = 0
    try:
        with reader.archive.open(path) as source:
            for _event, element in iterparse(source):  # noqa: S314
                if element.tag != _ROW:
                    continue
                given = element.get("r")
                number = int(given) if given and given.isdigit() else number + 1
                texts: list[str] = []
                for cell in element.iter(_CELL):
                    column = _column(cell.get("r"), len(texts))
                    if column > MAX_COLUMNS:
                        break
                    kind = cell.get("t", "n")
                    if kind == "inlineStr":
                        text = "".join(t.text or "" for t in cell.iter(_TEXT))
                    else:
                        raw = cell.findtext(_VALUE)
                        if raw is None:
                            text = ""
                        elif kind == "s":
                            text = cell_text(shared[int(raw)])
                        elif kind == "n":
                            value: object = float(raw) if any(c in raw for c in ".eE") \
                                else int(raw)
                            if cell.get("s") in dates:
                                value = from_excel(value, epoch)
                            text = cell_text(value)
                        elif kind == "b":
                            text = "TRUE" if raw == "1" else "FALSE"
                        else:  # str (a formula's text), e (an error), d (ISO date)
                            text = raw.strip()
                    if column > len(texts):
                        texts.extend([""] * (column - len(texts)))
                    texts[column - 1] = text
                element.clear()  # an emptied row stays in the tree: ~60 bytes each
                yield number, texts
    except InputError:
        raise
    except Exception as exc:
        raise _unreadable(exc) from None
    finally:
        reader.archive.close()


FORMATS = ("csv", "xlsx")


def open_sheet(source: IO[bytes] | bytes, filename: str, limits: Limits = Limits(),
               formats: tuple[str, ...] = FORMATS) -> Sheet:
    """The table in ``source``; its kind comes from the file name's ending."""
    name = filename.lower()
    if name.endswith(".xlsx") and "xlsx" in formats:
        return read_xlsx(source, limits)
    if name.endswith((".csv", ".txt")) and "csv" in formats:
        return read_csv(source, limits)
    if formats == ("csv",):
        raise file_error(gettext_noop("Only .csv files can be imported."))
    raise file_error(gettext_noop("Only .csv and .xlsx files can be imported."))
