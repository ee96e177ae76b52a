"""Splitting long Telegram HTML messages into parts that each stand on their own.

A summary of a busy day, or a reminder mentioning every liaison, can outgrow
one message. Telegram rejects a message whose text is longer than 4096
characters *after* entity parsing (tags removed, ``&amp;`` counted as one
character, lengths in UTF-16 code units, so an emoji outside the Basic
Multilingual Plane counts two), and a part cut in the wrong place fails to
parse at all. So the cut falls at the end of a line wherever possible, then at
whitespace, and only as a last resort between two characters; never inside a
tag or an entity, nor inside a character sequence drawn as one symbol. Tags
open at a cut are closed at the end of the part and reopened, attributes and
all, at the start of the next.

Two more bounds keep each request sane, besides the visible length:

* ``max_html``: the raw HTML of a part. Telegram also limits the total size
  of a message's entities (its maintainers put it near 9,500 characters), which
  a list of ``tg://user`` mentions reaches long before 4096 visible characters;
  8192 raw characters stay clear of it and of any proxy's request limits.
* ``max_entities``: the formatting tags in a part. Telegram ignores entities
  after the hundredth, so a reminder's 101st mention would silently stop
  notifying anyone.

A blank line (the end of one agency's block in a summary) is the preferred
line end, as long as the part is then at least half full. A cut keeps the
newline or space at the end of the earlier part (Telegram trims it when
showing the message), so removing the added closing and reopening tags and
joining the parts gives back the original exactly, except for a part that
would hold only whitespace: Telegram refuses an empty message, so it is
dropped, and nothing visible is lost.
"""

from __future__ import annotations

import html as html_module
import re
import unicodedata
from dataclasses import dataclass

TELEGRAM_LIMIT = 4096
MAX_HTML_LENGTH = 8192
MAX_ENTITIES = 100

_TOKEN = re.compile(
    r"<(?P<close>/?)(?P<name>[a-zA-Z][a-zA-Z0-9-]*)(?P<rest>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);"
)
_TEXT, _OPEN, _CLOSE, _EMPTY = range(4)
_ZERO_WIDTH_JOINER = "\u200d"
_BREAKABLE_SPACES = frozenset(" \t")


@dataclass(frozen=True, slots=True)
class _Atom:
    """The smallest piece a cut may not enter: one character, one entity, or one tag."""

    raw: str
    kind: int
    visible: str = ""  # the text Telegram shows, for _TEXT atoms
    name: str = ""  # the tag's lower-case name, for _OPEN and _CLOSE atoms

    @property
    def units(self) -> int:
        return _utf16_length(self.visible)


def _utf16_length(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def _atoms(html: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    position = 0
    for match in _TOKEN.finditer(html):
        atoms.extend(_Atom(char, _TEXT, char) for char in html[position : match.start()])
        raw = match.group()
        if match["name"] is None:
            atoms.append(_Atom(raw, _TEXT, html_module.unescape(raw)))
        elif match["close"]:
            atoms.append(_Atom(raw, _CLOSE, name=match["name"].lower()))
        elif match["rest"].rstrip().endswith("/"):
            atoms.append(_Atom(raw, _EMPTY))  # self-closed: nothing stays open
        else:
            atoms.append(_Atom(raw, _OPEN, name=match["name"].lower()))
        position = match.end()
    atoms.extend(_Atom(char, _TEXT, char) for char in html[position:])
    return atoms


def _close(open_tags: list[_Atom], closing: _Atom) -> None:
    """Closes the innermost open tag of that name; a stray closing tag changes nothing."""
    for index in range(len(open_tags) - 1, -1, -1):
        if open_tags[index].name == closing.name:
            del open_tags[index:]
            return


def _closing_tags(open_tags: list[_Atom]) -> str:
    return "".join(f"</{tag.name}>" for tag in reversed(open_tags))


def _drawn_as_one(before: _Atom, after: _Atom) -> bool:
    """Whether a cut between these two would split what the reader sees as one symbol."""
    if before.kind != _TEXT or after.kind != _TEXT:
        return False
    if before.visible.endswith(_ZERO_WIDTH_JOINER) or after.visible.startswith(_ZERO_WIDTH_JOINER):
        return True
    first = after.visible[:1]
    return bool(first) and (
        unicodedata.combining(first) != 0
        or "\ufe00" <= first <= "\ufe0f"  # variation selectors (emoji presentation)
        or "\U0001f3fb" <= first <= "\U0001f3ff"  # skin tone modifiers
    )


def _next_cut(
    atoms: list[_Atom],
    start: int,
    open_tags: list[_Atom],
    limit: int,
    max_html: int,
    max_entities: int,
) -> int:
    """Where the part beginning at ``start`` (with ``open_tags`` reopened) should end."""
    stack = list(open_tags)
    units = 0
    raw_length = sum(len(tag.raw) for tag in stack)
    closing_length = len(_closing_tags(stack))
    entities = len(stack)
    paragraph_end = line_end = space_end = any_end = None
    paragraph_units = 0
    previous_text = ""
    for index in range(start, len(atoms)):
        atom = atoms[index]
        raw_length += len(atom.raw)
        if atom.kind == _OPEN:
            stack.append(atom)
            entities += 1
            closing_length += len(atom.name) + 3
        elif atom.kind == _CLOSE:
            _close(stack, atom)
            closing_length = len(_closing_tags(stack))
        elif atom.kind == _TEXT:
            units += atom.units
        if units > limit or entities > max_entities or raw_length + closing_length > max_html:
            break
        if atom.kind != _TEXT:
            continue
        end = index + 1
        after_line_end, previous_text = previous_text == "\n", atom.visible
        if end < len(atoms) and _drawn_as_one(atom, atoms[end]):
            continue
        if atom.visible == "\n":
            line_end = end
            if after_line_end:
                paragraph_end, paragraph_units = end, units
        elif atom.visible in _BREAKABLE_SPACES:
            space_end = end
        any_end = end
    else:
        return len(atoms)
    # A blank line ends a block (one agency's report): cut there rather than
    # part a heading from its lines, unless that would leave most of the room unused.
    if paragraph_end and paragraph_units * 2 >= limit:
        return paragraph_end
    found = line_end or space_end or any_end
    if found is not None:
        end = found
    else:
        # Not even one character fits beside the tags to reopen: send it anyway
        # rather than loop forever (only a limit of a few characters gets here).
        end = next((i + 1 for i in range(start, len(atoms)) if atoms[i].kind == _TEXT), len(atoms))
    return end


def _absorb_closing_tags(atoms: list[_Atom], end: int, stack: list[_Atom]) -> int:
    """Moves the cut past closing tags that follow it, so no part starts with an empty entity."""
    while end < len(atoms) and atoms[end].kind == _CLOSE and stack:
        closing = atoms[end]
        # Only a tag closing the innermost open one, written the plain way,
        # takes exactly the room the added closing tag would have taken.
        if closing.name != stack[-1].name or closing.raw != f"</{closing.name}>":
            break
        stack.pop()
        end += 1
    return end


def split_message(
    html: str,
    limit: int = TELEGRAM_LIMIT,
    *,
    max_html: int = MAX_HTML_LENGTH,
    max_entities: int = MAX_ENTITIES,
) -> list[str]:
    """Splits Telegram HTML into parts each within ``limit`` visible characters, tags balanced.

    Returns no parts at all for a message with nothing to show.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    parts = _split_lines(html, limit, max_html, max_entities)
    if parts is None:
        parts = _split_atoms(html, limit, max_html=max_html, max_entities=max_entities)
    return parts


def _line_facts(segment: str) -> tuple[int, int, int] | None:
    """(visible UTF-16 units, raw length, formatting tags) of a line whose tags all close
    within it; None for one that leaves a tag open or closes one it did not open."""
    units = entities = depth = 0
    position = 0
    for match in _TOKEN.finditer(segment):
        units += _utf16_length(segment[position : match.start()])
        position = match.end()
        if match["name"] is None:
            units += _utf16_length(html_module.unescape(match.group()))
        elif match["close"]:
            depth -= 1
            if depth < 0:
                return None
        elif not match["rest"].rstrip().endswith("/"):
            depth += 1
            entities += 1
    if depth:
        return None
    units += _utf16_length(segment[position:])
    return units, len(segment), entities


def _starts_drawn_as_one(segment: str) -> bool:
    first = segment[:1]
    return bool(first) and (
        first == _ZERO_WIDTH_JOINER
        or unicodedata.combining(first) != 0
        or "\ufe00" <= first <= "\ufe0f"
        or "\U0001f3fb" <= first <= "\U0001f3ff"
    )


def _split_lines(html: str, limit: int, max_html: int, max_entities: int) -> list[str] | None:
    """The common case, fast: every line closes its own tags and fits in a part, so parts are
    whole lines, cut exactly where the general splitter would cut. None for any other text.

    A summary of a few thousand characters takes the general splitter tens of milliseconds
    (it weighs every character); this takes a fraction of one.
    """
    segments = html.split("\n")
    facts = []
    for index, line in enumerate(segments):
        segment = line + "\n" if index < len(segments) - 1 else line
        if index and _starts_drawn_as_one(segment):
            return None  # a cut before it would split what is drawn as one symbol
        known = _line_facts(segment)
        if known is None:
            return None
        facts.append((segment, *known))
    parts: list[str] = []
    start = 0
    while start < len(facts):
        units = raw = entities = 0
        line_end = paragraph_end = None
        paragraph_units = 0
        end = len(facts)
        for index in range(start, len(facts)):
            segment, seg_units, seg_raw, seg_entities = facts[index]
            units, raw, entities = units + seg_units, raw + seg_raw, entities + seg_entities
            if units > limit or raw > max_html or entities > max_entities:
                if line_end is None:
                    return None  # one line alone is too long: cut inside it, the general way
                end = paragraph_end if paragraph_end and paragraph_units * 2 >= limit else line_end
                break
            if segment.endswith("\n"):
                line_end = index + 1
                if segment == "\n" and index > start:
                    paragraph_end, paragraph_units = index + 1, units
        body = "".join(fact[0] for fact in facts[start:end])
        shown = _TOKEN.sub(lambda m: "" if m["name"] else m.group(), body)
        if html_module.unescape(shown).strip():
            parts.append(body)
        start = end
    return parts


def _split_atoms(
    html: str,
    limit: int = TELEGRAM_LIMIT,
    *,
    max_html: int = MAX_HTML_LENGTH,
    max_entities: int = MAX_ENTITIES,
) -> list[str]:
    """The general splitter: any HTML, character by character."""
    atoms = _atoms(html)
    parts: list[str] = []
    open_tags: list[_Atom] = []
    start = 0
    while start < len(atoms):
        end = _next_cut(atoms, start, open_tags, limit, max_html, max_entities)
        stack = list(open_tags)
        for atom in atoms[start:end]:
            if atom.kind == _OPEN:
                stack.append(atom)
            elif atom.kind == _CLOSE:
                _close(stack, atom)
        end = _absorb_closing_tags(atoms, end, stack)
        body = "".join(tag.raw for tag in open_tags) + "".join(a.raw for a in atoms[start:end])
        if end < len(atoms):
            body += _closing_tags(stack)
        if "".join(a.visible for a in atoms[start:end]).strip():
            parts.append(body)
        open_tags, start = stack, end
    return parts
