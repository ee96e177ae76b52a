"""The incident report conversation as a pure state machine: progress in, reply in, step out.

Like the daily form (``bot.domain.forms.engine``), nothing here talks to
Telegram or the database: the handler keeps an ``IncidentProgress`` in the
database between messages and calls ``answer`` with whatever the person
sent, the clock's "now" and the group's zone. A refused reply never costs an
answer already given: the progress comes back unchanged with a ``Problem``.

Steps, in order: category (buttons), kecamatan, desa, location (a pin from
the phone, or Lewati), time (Sekarang, or "08.30" today), description,
urgency (Biasa, Segera), photos (up to five, one by one or as an album;
Selesai or Lewati). Then the review (Kirim, Ubah, Batal).

Two replies fit any step before Kirim, because phones send them when people
think of it: a location pin (stored, replacing an earlier one) and a photo
(stored while fewer than five are). The step being asked stays where it was,
except that the location step is answered by its pin.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.forms.engine import SKIP_TEXTS, clean_text
from bot.domain.incidents.categories import IncidentCategories
from bot.domain.incidents.places import Location
from bot.domain.user_input import clean_keyword, clean_line
from bot.domain.zones import INDONESIAN_ZONES

PROGRESS_VERSION = 1
MAX_PHOTOS = 5
PLACE_MAX_LENGTH = 60
# The post carries the whole text as one caption (Telegram: 1,024 characters),
# heading, reporter, place and time included: see bot.texts.incidents.
DESCRIPTION_MAX_LENGTH = 500
NOTE_MAX_LENGTH = 300
# A typed time a little ahead of the clock is a phone's clock, not the future.
CLOCK_SLACK = timedelta(minutes=5)
NOW = "now"  # the "Sekarang" button's value
DONE = "done"  # the photo step's "Selesai" (or "Lewati") button's value


class Step(StrEnum):
    """The questions, in the order they are asked; values travel in button data."""

    CATEGORY = "kategori"
    KECAMATAN = "kecamatan"
    DESA = "desa"
    LOCATION = "lokasi"
    TIME = "waktu"
    DESCRIPTION = "uraian"
    URGENCY = "urgensi"
    PHOTOS = "foto"


STEPS = tuple(Step)


class Urgency(StrEnum):
    NORMAL = "biasa"
    URGENT = "segera"


class MediaKind(StrEnum):
    PHOTO = "photo"
    DOCUMENT = "document"  # an image sent as a file: posted as a file, not a photo


@dataclass(frozen=True)
class Photo:
    """A photo as Telegram keeps it: the bot stores the id, never the picture."""

    file_id: str
    unique_id: str  # the same picture sent twice has the same one
    kind: MediaKind = MediaKind.PHOTO


class ProblemCode(StrEnum):
    CHOICE_EXPECTED = "choice_expected"
    TEXT_EMPTY = "text_empty"
    TEXT_TOO_LONG = "text_too_long"
    TIME_UNREADABLE = "time_unreadable"
    TIME_IN_FUTURE = "time_in_future"
    LOCATION_EXPECTED = "location_expected"
    PHOTO_EXPECTED = "photo_expected"
    TOO_MANY_PHOTOS = "too_many_photos"
    SAME_PHOTO = "same_photo"
    NOT_ACCEPTED = "not_accepted"  # a video, voice note, sticker, contact, poll, other file
    STALE_BUTTON = "stale_button"
    AT_REVIEW = "at_review"


class Notice(StrEnum):
    """Something accepted on the side, which the reply mentions before the question."""

    PHOTO_ADDED = "photo_added"
    LOCATION_ADDED = "location_added"


@dataclass(frozen=True)
class TextReply:
    text: str


@dataclass(frozen=True)
class ChoiceReply:
    """A tap on a button of a step: a category, an urgency, Sekarang, Selesai."""

    step: Step
    value: str


@dataclass(frozen=True)
class SkipReply:
    step: Step


@dataclass(frozen=True)
class LocationReply:
    location: Location


@dataclass(frozen=True)
class PhotoReply:
    photo: Photo


@dataclass(frozen=True)
class OtherReply:
    """Anything else: ``what`` names it for the explanation (video, voice, sticker …)."""

    what: str


Reply = TextReply | ChoiceReply | SkipReply | LocationReply | PhotoReply | OtherReply


@dataclass(frozen=True)
class Problem:
    code: ProblemCode
    step: Step | None
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class IncidentProgress:
    """The answers so far and the step being asked (None: the review)."""

    category: str | None = None
    kecamatan: str | None = None
    desa: str | None = None
    location: Location | None = None
    location_answered: bool = False  # given or skipped
    occurred_at: datetime | None = None  # aware, UTC
    description: str | None = None
    urgency: Urgency | None = None
    photos: tuple[Photo, ...] = ()
    photos_done: bool = False
    current: Step | None = Step.CATEGORY
    editing: bool = False  # answering one step again from the review

    @property
    def at_review(self) -> bool:
        return self.current is None

    def answered(self, step: Step) -> bool:
        if step is Step.LOCATION:
            return self.location_answered
        if step is Step.PHOTOS:
            return self.photos_done
        return getattr(self, _FIELDS[step]) is not None

    @property
    def urgent(self) -> bool:
        return self.urgency is Urgency.URGENT

    def to_json(self) -> dict[str, Any]:
        return {
            "version": PROGRESS_VERSION,
            "category": self.category,
            "kecamatan": self.kecamatan,
            "desa": self.desa,
            "location": self.location.to_json() if self.location else None,
            "location_answered": self.location_answered,
            "occurred_at": self.occurred_at.isoformat() if self.occurred_at else None,
            "description": self.description,
            "urgency": self.urgency.value if self.urgency else None,
            "photos": [[p.file_id, p.unique_id, p.kind.value] for p in self.photos],
            "photos_done": self.photos_done,
            "current": self.current.value if self.current else None,
            "editing": self.editing,
        }

    @classmethod
    def from_json(cls, data: object) -> IncidentProgress:
        """Reads what ``to_json`` wrote; ``ValueError`` if it is not that."""
        if not isinstance(data, dict) or data.get("version") != PROGRESS_VERSION:
            raise ValueError(f"not incident progress version {PROGRESS_VERSION}: {data!r:.200}")
        try:
            occurred = data["occurred_at"]
            location = data["location"]
            return cls(
                category=_optional_str(data["category"]),
                kecamatan=_optional_str(data["kecamatan"]),
                desa=_optional_str(data["desa"]),
                location=Location.from_json(location) if location is not None else None,
                location_answered=bool(data["location_answered"]),
                occurred_at=datetime.fromisoformat(occurred).astimezone(UTC) if occurred else None,
                description=_optional_str(data["description"]),
                urgency=Urgency(data["urgency"]) if data["urgency"] else None,
                photos=tuple(
                    Photo(str(file_id), str(unique_id), MediaKind(kind))
                    for file_id, unique_id, kind in data["photos"]
                ),
                photos_done=bool(data["photos_done"]),
                current=Step(data["current"]) if data["current"] else None,
                editing=bool(data["editing"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"incident progress is malformed: {error}") from None


_FIELDS = {
    Step.CATEGORY: "category",
    Step.KECAMATAN: "kecamatan",
    Step.DESA: "desa",
    Step.TIME: "occurred_at",
    Step.DESCRIPTION: "description",
    Step.URGENCY: "urgency",
}


def _optional_str(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise ValueError(f"expected text, found {value!r:.50}")


@dataclass(frozen=True)
class Result:
    progress: IncidentProgress
    problem: Problem | None = None
    notice: Notice | None = None


def start() -> IncidentProgress:
    return IncidentProgress()


def next_step(progress: IncidentProgress) -> Step | None:
    return next((step for step in STEPS if not progress.answered(step)), None)


def begin_edit(progress: IncidentProgress, step: Step) -> IncidentProgress:
    """Asks one step again from the review ("Ubah"); its answer stays until replaced.

    Photos are the exception: asking for them again starts from none, since
    the way to change a photo is to send the right ones.
    """
    if not progress.at_review:
        raise ValueError("only the review's Ubah asks a step again")
    if step is Step.PHOTOS:
        return replace(progress, photos=(), photos_done=False, current=step, editing=True)
    return replace(progress, current=step, editing=True)


def answer(
    categories: IncidentCategories,
    progress: IncidentProgress,
    reply: Reply,
    now: datetime,
    zone: str,
) -> Result:
    """Takes one reply and moves on, or explains why not. ``zone`` is the group's."""
    if isinstance(reply, LocationReply):
        return _located(progress, reply.location)
    if isinstance(reply, PhotoReply):
        return _photographed(progress, reply.photo)
    if isinstance(reply, OtherReply):
        return _refuse(progress, ProblemCode.NOT_ACCEPTED, what=reply.what)
    step = progress.current
    if step is None:
        if isinstance(reply, ChoiceReply | SkipReply):
            return _refuse(progress, ProblemCode.STALE_BUTTON)
        return _refuse(progress, ProblemCode.AT_REVIEW)
    if isinstance(reply, ChoiceReply | SkipReply) and reply.step is not step:
        return _refuse(progress, ProblemCode.STALE_BUTTON)
    accepted = _accept(categories, progress, step, reply, now, zone)
    if isinstance(accepted, Problem):
        return Result(progress, accepted)
    return Result(_moved_on(accepted))


def _moved_on(progress: IncidentProgress) -> IncidentProgress:
    """After an answer: the next unanswered step, or the review (always, after an edit)."""
    following = None if progress.editing else next_step(progress)
    return replace(progress, current=following, editing=False)


def _refuse(progress: IncidentProgress, code: ProblemCode, **params: object) -> Result:
    return Result(progress, Problem(code, progress.current, params))


def _located(progress: IncidentProgress, location: Location) -> Result:
    placed = replace(progress, location=location, location_answered=True)
    if progress.current is Step.LOCATION:
        placed = _moved_on(placed)
    return Result(placed, notice=Notice.LOCATION_ADDED)


def _photographed(progress: IncidentProgress, photo: Photo) -> Result:
    if any(kept.unique_id == photo.unique_id for kept in progress.photos):
        return _refuse(progress, ProblemCode.SAME_PHOTO)
    if len(progress.photos) >= MAX_PHOTOS:
        return _refuse(progress, ProblemCode.TOO_MANY_PHOTOS, limit=MAX_PHOTOS)
    return Result(replace(progress, photos=(*progress.photos, photo)), notice=Notice.PHOTO_ADDED)


def _accept(
    categories: IncidentCategories,
    progress: IncidentProgress,
    step: Step,
    reply: TextReply | ChoiceReply | SkipReply,
    now: datetime,
    zone: str,
) -> IncidentProgress | Problem:
    if step is Step.CATEGORY:
        value = _choice(reply, {c.value: c.label for c in categories})
        if value is None:
            return _problem(step, ProblemCode.CHOICE_EXPECTED, reply)
        return replace(progress, category=value)
    if step is Step.URGENCY:
        value = _choice(reply, {u.value: u.value for u in Urgency})
        if value is None:
            return _problem(step, ProblemCode.CHOICE_EXPECTED, reply)
        return replace(progress, urgency=Urgency(value))
    if step is Step.LOCATION:
        if isinstance(reply, SkipReply) or _skips(reply):
            return replace(progress, location=None, location_answered=True)
        return Problem(ProblemCode.LOCATION_EXPECTED, step)
    if step is Step.PHOTOS:
        if (isinstance(reply, ChoiceReply) and reply.value == DONE) or _skips(reply):
            return replace(progress, photos_done=True)
        if isinstance(reply, TextReply) and _folded(reply.text) in ("selesai", "lanjut"):
            return replace(progress, photos_done=True)
        return Problem(ProblemCode.PHOTO_EXPECTED, step, {"count": len(progress.photos)})
    if step is Step.TIME:
        if isinstance(reply, ChoiceReply) and reply.value == NOW:
            return replace(progress, occurred_at=now.astimezone(UTC))
        if not isinstance(reply, TextReply):
            return Problem(ProblemCode.STALE_BUTTON, step)
        moment = occurred_at(reply.text, now, zone)
        if isinstance(moment, Problem):
            return moment
        return replace(progress, occurred_at=moment)
    if not isinstance(reply, TextReply):
        return Problem(ProblemCode.STALE_BUTTON, step)
    if step is Step.DESCRIPTION:
        text = clean_text(reply.text)
        limit = DESCRIPTION_MAX_LENGTH
    else:
        text = clean_line(reply.text)
        limit = PLACE_MAX_LENGTH
    if not text:
        return Problem(ProblemCode.TEXT_EMPTY, step)
    if len(text) > limit:
        return Problem(ProblemCode.TEXT_TOO_LONG, step, {"length": len(text), "limit": limit})
    if step is Step.DESCRIPTION:
        return replace(progress, description=text)
    if step is Step.KECAMATAN:
        return replace(progress, kecamatan=text)
    return replace(progress, desa=text)


def _problem(step: Step, code: ProblemCode, reply: Reply) -> Problem:
    typed = reply.text if isinstance(reply, TextReply) else ""
    return Problem(code, step, {"input": typed})


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", clean_line(text)).split()).casefold()


def _skips(reply: Reply) -> bool:
    return isinstance(reply, TextReply) and (
        clean_text(reply.text) in SKIP_TEXTS or _folded(reply.text) == "lewati"
    )


def _choice(reply: Reply, names: dict[str, str]) -> str | None:
    """The value tapped, or typed as its value or label in any case."""
    if isinstance(reply, ChoiceReply):
        return reply.value if reply.value in names else None
    if isinstance(reply, TextReply):
        typed = _folded(reply.text)
        for value, label in names.items():
            if typed in (value.casefold(), " ".join(label.split()).casefold()):
                return value
    return None


_CLOCK = re.compile(r"(?:jam|pukul|pkl\.?)?\s*(\d{1,2})[.:](\d{2})\s*([a-z]{3,4})?")


def occurred_at(text: str, now: datetime, zone: str) -> datetime | Problem:
    """A time typed as "08.30" (or "8:30", "pukul 08.30 WITA"): that time today, in UTC.

    Today is the group's (or the typed zone's) date at ``now``. "sekarang"
    means now. A time later than now is refused: what has not happened yet
    is no incident.
    """
    typed = clean_keyword(text).casefold()
    if typed == "sekarang":
        return now.astimezone(UTC)
    match = _CLOCK.fullmatch(typed)
    if match is None:
        return Problem(ProblemCode.TIME_UNREADABLE, Step.TIME, {"input": text})
    hour, minute, zone_word = int(match[1]), int(match[2]), match[3]
    if zone_word is not None:
        if zone_word.upper() not in INDONESIAN_ZONES:
            return Problem(ProblemCode.TIME_UNREADABLE, Step.TIME, {"input": text})
        zone = INDONESIAN_ZONES[zone_word.upper()]
    if hour > 23 or minute > 59:
        return Problem(ProblemCode.TIME_UNREADABLE, Step.TIME, {"input": text})
    local = now.astimezone(ZoneInfo(zone))
    moment = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if moment > now + CLOCK_SLACK:
        return Problem(ProblemCode.TIME_IN_FUTURE, Step.TIME, {"input": text})
    return moment.astimezone(UTC)


def clean_note(text: str) -> str | Problem:
    """A follow-up note as stored, or why it cannot be."""
    note = clean_text(text)
    if not note:
        return Problem(ProblemCode.TEXT_EMPTY, None)
    if len(note) > NOTE_MAX_LENGTH:
        return Problem(
            ProblemCode.TEXT_TOO_LONG, None, {"length": len(note), "limit": NOTE_MAX_LENGTH}
        )
    return note
