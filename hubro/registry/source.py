"""Reading Enhetsregisteret's bulk files as a stream of records, whatever their form:
a path or a URL, gzip-compressed or not, a JSON array or CSV with dotted column names.

Memory stays bounded: the file is decompressed and parsed as it is read, one record at
a time. Every error names the file and the place in it (record number, byte offset)."""

import contextlib
import csv
import gzip
import hashlib
import io
import sys
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from pathlib import Path

import ijson

from hubro.core.errors import Invalid

USER_AGENT = "Hubro (https://github.com/) registry import"
CHUNK = 256 * 1024


class SourceError(Invalid):
    """The input cannot be read or parsed; ``detail`` names the file and the place."""

    code = "registry_source"


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://", "ftp://", "file://")) or "://" in location


class CountingReader(io.RawIOBase):
    """Wraps the raw (compressed) stream: counts and hashes the bytes read, and shows
    progress on stderr."""

    def __init__(self, raw, *, total: int | None, label: str, progress: bool):
        self.raw = raw
        self.total = total
        self.label = label
        self.progress = progress
        self.count = 0
        self.digest = hashlib.sha256()
        self._shown = 0.0
        self._tty = sys.stderr.isatty()
        self._decile = -1

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        self.digest.update(data)
        if self.progress:
            now = time.monotonic()
            if now - self._shown > 0.5:
                self._shown = now
                self.show()
        return n

    def show(self, *, done: bool = False) -> None:
        if not self._tty and done and self._decile >= 10:
            return
        if not self._tty and not done:
            # Not a terminal (a log, a pipe): one line per tenth of the file.
            decile = int(10 * self.count / self.total) if self.total else self.count >> 26
            if decile == self._decile:
                return
            self._decile = decile
        end = "\n" if done or not self._tty else ""
        if self.total:
            fraction = min(1.0, self.count / self.total)
            filled = int(fraction * 30)
            bar = "#" * filled + "-" * (30 - filled)
            line = (
                f"\r{self.label} [{bar}] {fraction * 100:5.1f}% "
                f"{self.count / 1e6:,.1f}/{self.total / 1e6:,.1f} MB"
            )
        else:
            line = f"\r{self.label} {self.count / 1e6:,.1f} MB"
        sys.stderr.write((line if self._tty else line[1:]) + end)
        sys.stderr.flush()

    def close(self):
        try:
            self.raw.close()
        finally:
            super().close()


class CountingText(io.RawIOBase):
    """Counts the decompressed bytes the parser has taken, for error positions."""

    def __init__(self, stream):
        self.stream = stream
        self.count = 0

    def readable(self):
        return True

    def read(self, size=-1):
        data = self.stream.read(size)
        self.count += len(data)
        return data

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class Source:
    """One input file opened for streaming. Use as a context manager; iterate
    ``records()``; afterwards ``sha256`` is the hash of the bytes read."""

    def __init__(
        self,
        location: str,
        *,
        fmt: str | None = None,
        progress: bool = False,
        columns: tuple[str, ...] = (),
        what: str = "",
    ):
        self.location = str(location)
        self.name = self.location.rsplit("/", 1)[-1] or self.location
        # The format: as asked; else from the name (``.csv``, ``.json``, or the API's
        # ``…/lastned/csv``); else from the content, when the file is opened.
        self.fmt = fmt or _format_from_name(self.location)
        self.progress = progress
        # CSV columns the header must have, and what the file should be (for messages).
        self.columns = columns
        self.what = what
        self.record_number = 0
        self._raw = None
        self._counter: CountingReader | None = None
        self._text: CountingText | None = None

    # --- opening ---------------------------------------------------------------------
    def __enter__(self):
        raw, total = self._open_raw()
        self._counter = CountingReader(raw, total=total, label=self.name, progress=self.progress)
        buffered = io.BufferedReader(self._counter, CHUNK)
        try:
            if buffered.peek(2)[:2] == b"\x1f\x8b":
                stream = gzip.GzipFile(fileobj=buffered, mode="rb")
                start = _peek(stream)
            else:
                stream = buffered
                start = buffered.peek(64)
        except EOFError:
            self._close_quietly()
            raise SourceError(
                f"{self.name}: the gzip file is truncated (it ends before its end marker)"
                " at its start"
            ) from None
        except (gzip.BadGzipFile, zlib.error, OSError) as exc:
            self._close_quietly()
            raise SourceError(f"{self.name}: the gzip data is damaged ({exc})") from None
        first = start.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if self.fmt is None:
            self.fmt = "json" if first in (b"[", b"{") else "csv"
        if self.fmt == "json" and first != b"[":
            self._close_quietly()
            found = "it is empty" if not first else "it does not start with '['"
            raise SourceError(
                f"{self.name}: not a JSON array of records ({found}); Enhetsregisteret's"
                " bulk files are one JSON array"
            )
        self._text = CountingText(stream)
        return self

    def _close_quietly(self):
        with contextlib.suppress(OSError):
            self._counter.close()

    def __exit__(self, *exc):
        if self._counter is not None:
            if self.progress and exc[0] is None:
                self._counter.show(done=True)
            elif self.progress:
                sys.stderr.write("\n")
            self._counter.close()
        return False

    def _open_raw(self):
        if is_url(self.location):
            request = urllib.request.Request(self.location, headers={"User-Agent": USER_AGENT})
            try:
                response = urllib.request.urlopen(request, timeout=60)
            except urllib.error.HTTPError as exc:
                raise SourceError(
                    f"{self.location}: the server answered {exc.code} {exc.reason}"
                ) from None
            except urllib.error.URLError as exc:
                raise SourceError(f"{self.location}: cannot download ({exc.reason})") from None
            except (ValueError, OSError) as exc:
                raise SourceError(f"{self.location}: cannot download ({exc})") from None
            length = response.headers.get("Content-Length")
            return response, int(length) if length and length.isdigit() else None
        path = check_file(self.location)
        try:
            return path.open("rb"), path.stat().st_size
        except OSError as exc:
            raise SourceError(f"{self.location}: cannot open ({exc.strerror})") from None

    # --- reading ---------------------------------------------------------------------
    @property
    def sha256(self) -> str:
        return self._counter.digest.hexdigest() if self._counter else ""

    @property
    def bytes_read(self) -> int:
        return self._counter.count if self._counter else 0

    def where(self) -> str:
        """The place in the file, for messages."""
        offset = self._text.count if self._text else 0
        return (
            f"record {self.record_number + 1:,}, near byte {offset:,} of the"
            f" uncompressed data ({self.bytes_read:,} bytes of the file read)"
        )

    def fail(self, message: str):
        raise SourceError(f"{self.name}: {message} at {self.where()}")

    def records(self) -> Iterator[dict]:
        """Every record, as a dict: nested for JSON, flat with dotted keys for CSV."""
        inner = self._records_csv() if self.fmt == "csv" else self._records_json()
        try:
            for record in inner:
                yield record
                self.record_number += 1
        except EOFError:
            self.fail("the gzip file is truncated (it ends before its end marker)")
        except (gzip.BadGzipFile, zlib.error) as exc:
            self.fail(f"the gzip data is damaged ({exc})")
        except ijson.JSONError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else "parse error"
            self.fail(f"invalid JSON ({first})")
        except csv.Error as exc:
            self.fail(f"invalid CSV ({exc})")
        except UnicodeDecodeError:
            self.fail("the text is not UTF-8")
        except OSError as exc:
            self.fail(f"cannot read ({exc})")

    def _records_json(self):
        items = ijson.items(self._text, "item", buf_size=CHUNK)
        for record in items:
            if not isinstance(record, dict):
                self.fail("a record is not a JSON object")
            yield record

    def _records_csv(self):
        text = io.TextIOWrapper(self._text, encoding="utf-8-sig", newline="")
        reader = csv.DictReader(text)
        header = reader.fieldnames or []
        missing = [column for column in self.columns if column not in header]
        if missing:
            hint = f" (is this the {self.what} file?)" if self.what else ""
            raise SourceError(
                f"{self.name}: the CSV header lacks the column"
                f"{'s' if len(missing) > 1 else ''} {', '.join(missing)}{hint}"
            )
        yield from reader


def check_file(location: str) -> Path:
    """The path of a local input file; a clear ``SourceError`` when there is none."""
    path = Path(location)
    if path.is_dir():
        raise SourceError(f"{location}: is a directory, not a file")
    if not path.is_file():
        raise SourceError(f"{location}: no such file")
    return path


def _format_from_name(location: str) -> str | None:
    lowered = location.lower().split("?", 1)[0].rstrip("/")
    name = lowered.rsplit("/", 1)[-1]
    if ".csv" in name or (is_url(location) and name == "csv"):
        return "csv"
    if ".json" in name:
        return "json"
    return None


def _peek(stream, size: int = 64) -> bytes:
    """The first bytes of a gzip stream, without consuming them."""
    return stream.peek(size)[:size]


def field(record: dict, path: str):
    """The value at a dotted ``path``: nested keys in JSON, one dotted column in CSV.
    Missing and empty values are None."""
    if path in record:
        value = record[path]
    else:
        value = record
        for part in path.split("."):
            if not isinstance(value, dict):
                return None
            value = value.get(part)
            if value is None:
                return None
    if value == "" or value == []:
        return None
    return value


def getter(path: str):
    """A fast reader for one dotted ``path``, for the hot loops: nested keys in JSON,
    the dotted column in CSV. Empty values are None, as in ``field``."""
    parts = path.split(".")
    if len(parts) == 1:
        key = parts[0]

        def get(record):
            value = record.get(key)
            return None if value == "" or value == [] else value

        return get
    first, second = parts[0], ".".join(parts[1:])
    if len(parts) > 2:
        return lambda record: field(record, path)

    def get(record):
        value = record.get(first)
        if value is None:
            value = record.get(path)
        elif isinstance(value, dict):
            value = value.get(second)
        else:
            return None
        return None if value == "" or value == [] else value

    return get


def truthy(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "ja", "j", "1")
    return bool(value)
