"""Data errors written for the person editing the YAML, not for a programmer.

Every check collects `DataError`s instead of stopping at the first one, so an
editor sees every problem in one run.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file.

    `path` is the key path inside the file, like ``provisions[3].section``
    (list positions count from 0, as editors and JSON Schema tools show them);
    `message` is a plain sentence that says what is wrong and how to fix it.
    """

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.path:
            return f"{where}: {self.path} {self.message}"
        return f"{where}: {self.message}"


class DataErrors(Exception):
    """Raised when the data has one or more problems; holds all of them."""

    def __init__(self, errors: Iterable[DataError]):
        self.errors = sorted(set(errors), key=lambda e: (e.file, e.line or 0, e.path, e.message))
        super().__init__(self.report())

    def report(self, consequence: str = "") -> str:
        """All errors, one per line, under a headline; `consequence` says what was stopped."""
        count = len(self.errors)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The handbook's data has {count} {noun}{consequence}:"]
        lines += [f"  {error}" for error in self.errors]
        return "\n".join(lines)


class UnknownReference(LookupError):
    """A page asked for something the data does not have (a topic, a code...)."""

    def __str__(self) -> str:  # LookupError would quote the message
        return str(self.args[0]) if self.args else ""


def format_path(parts: Iterable[object]) -> str:
    """Turn ('provisions', 3, 'section') into 'provisions[3].section'."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


Loc = tuple  # a key path inside a file, like ("provisions", 3, "section")


@dataclass
class SourceFile:
    """A data file as read: its name for messages, its content, and key path -> line."""

    name: str
    content: object = None
    lines: dict[Loc, int] = field(default_factory=dict)

    def line(self, loc: Loc) -> int | None:
        """The line of `loc`, or of its nearest parent that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), None)

    def error(self, loc: Loc, message: str) -> DataError:
        return DataError(self.name, self.line(loc), format_path(loc), message)

    def position(self, key: str, item_id: str) -> int | None:
        """Where the item with `item_id` sits in the top-level list `key` (for messages)."""
        items = self.content.get(key, []) if isinstance(self.content, dict) else []
        for index, item in enumerate(items):
            if isinstance(item, dict) and item.get("id") == item_id:
                return index
        return None


def did_you_mean(value: str, choices: Iterable[object]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or ''."""
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
