"""A Babel extraction method for the election calendars, so their names reach the catalog.

Stage and deadline names ("masa tenang", "rekapitulasi tingkat
kabupaten/kota") and the short names of sources ("PKPU 2/2024") are read by
users inside sentences ("H+3 · rekapitulasi tingkat kabupaten/kota, sampai …").
Registered in ``bot.devtools.catalogs.METHOD_MAP`` for
``bot/domain/elections/presets/*.json``. The election's name is not
extracted: it is stored as the group's election name, like a typed one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

Extracted = tuple[int, str | None, str, list[str]]


def extract_calendar(fileobj, keywords, comment_tags, options) -> Iterator[Extracted]:
    """Yields ``(lineno, None, message, comments)`` for every name users read."""
    raw = fileobj.read()
    text = raw.decode((options or {}).get("encoding", "utf-8")) if isinstance(raw, bytes) else raw
    data = json.loads(text)
    if not isinstance(data, dict):
        return
    wanted = (
        ("stages", "name", "stage name, read inside sentences: keep it lower case"),
        ("deadlines", "name", "deadline, read inside sentences: keep it lower case"),
        ("sources", "short", "short name of a source of the calendar's dates"),
    )
    for section, key, what in wanted:
        items = data.get(section)
        for item in items if isinstance(items, list) else ():
            value = item.get(key) if isinstance(item, dict) else None
            if isinstance(value, str) and value.strip():
                yield _line_of(text, value), None, value, [f"Election calendar, {what}."]


def _line_of(text: str, value: str) -> int:
    position = text.find(json.dumps(value, ensure_ascii=False))
    return text.count("\n", 0, position) + 1 if position >= 0 else 1
