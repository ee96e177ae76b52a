"""Every button's callback data: one typed class per kind of button, packed and parsed here.

Telegram gives a button at most 64 bytes of data and hands it back verbatim
when it is tapped, maybe weeks later, maybe from a keyboard an older version
of the bot sent, maybe forged by a modified client. So data is parsed in one
place, strictly, into a typed value; anything that does not parse is no
button of ours and gets the "no longer valid" answer (``handlers.stale_buttons``).

Wire format, version 1 (the one every keyboard in the chats carries today):
``<prefix>:<field>[:<field>…]`` with the prefix naming the kind. A kind whose
fields change gets a new prefix (``f2``…); the old prefix stays in ``KINDS``
for as long as its keyboards may be tapped, parsed into the old class, which
its handler answers (as stale, if nothing better can be done).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar, TypeVar

from bot.domain.agencies import Agency
from bot.domain.incidents import IncidentStatus

MAX_BYTES = 64  # Telegram's limit for callback data
_TOKEN = re.compile(r"[\w-]{1,8}")
_QUESTION = re.compile(r"[a-z0-9_]{1,24}")
_VALUE = re.compile(r"[a-z0-9_]{1,16}")
_NUMBER = re.compile(r"-?[0-9]{1,20}")
_UNSIGNED = re.compile(r"[0-9]+")
_REGION_CODE = re.compile(r"[0-9]{2}(?:\.[0-9]{2}){0,2}")
_DAY = re.compile(r"[0-9]{8}")


class CallbackData:
    """A kind of button data. Subclasses are frozen dataclasses with a ``PREFIX``."""

    PREFIX: ClassVar[str]
    VERSION: ClassVar[int] = 1

    def pack(self) -> str:
        data = ":".join((self.PREFIX, *self._fields()))
        if len(data.encode()) > MAX_BYTES:
            raise ValueError(f"callback data longer than {MAX_BYTES} bytes: {data!r}")
        return data

    def _fields(self) -> tuple[str, ...]:
        raise NotImplementedError

    @classmethod
    def _unpack(cls, fields: list[str]) -> CallbackData | None:
        raise NotImplementedError

    @classmethod
    def matches(cls, data: object) -> bool:
        """For ``CallbackQueryHandler(pattern=...)``: True when ``data`` parses as this kind."""
        return isinstance(parse(data), cls)


C = TypeVar("C", bound=CallbackData)


class FormAction:
    """What a report form button does; values are part of the wire format."""

    CHOOSE, SKIP, SUBMIT, CHANGE, CANCEL, EDIT, BACK, KEEP, YESTERDAY = (
        "a",
        "s",
        "kirim",
        "ubah",
        "batal",
        "e",
        "kembali",
        "t",  # "Tetap": the last answer to a remembered question
        "kmr",  # "Isi laporan kemarin": the form becomes yesterday's late report
    )
    # How many fields after the action each carries (question id, choice value).
    ARITY: ClassVar[dict[str, int]] = {
        CHOOSE: 2,
        SKIP: 1,
        EDIT: 1,
        KEEP: 1,
        SUBMIT: 0,
        CHANGE: 0,
        CANCEL: 0,
        BACK: 0,
        YESTERDAY: 0,
    }


@dataclass(frozen=True)
class _TokenTap(CallbackData):
    """A button of a conversation in a private chat, bound to one form by its token."""

    token: str
    action: str
    question: str | None = None
    value: str | None = None

    def _fields(self) -> tuple[str, ...]:
        return tuple(f for f in (self.token, self.action, self.question, self.value) if f)

    @classmethod
    def _unpack(cls, fields: list[str]) -> _TokenTap | None:
        if len(fields) < 2 or not _TOKEN.fullmatch(fields[0]):
            return None
        token, action, *rest = fields
        if FormAction.ARITY.get(action) != len(rest):
            return None
        if rest and not _QUESTION.fullmatch(rest[0]):
            return None
        if len(rest) == 2 and not _VALUE.fullmatch(rest[1]):
            return None
        return cls(token, action, *rest)


@dataclass(frozen=True)
class FormTap(_TokenTap):
    """A button of a report form; ``token`` binds it to one form, so an old form's is stale."""

    PREFIX: ClassVar[str] = "f"


@dataclass(frozen=True)
class IncidentFormTap(_TokenTap):
    """A button of an incident report; ``question`` is the step, ``value`` a category,
    an urgency, "now" or "done" (see ``bot.domain.incidents.engine``)."""

    PREFIX: ClassVar[str] = "kj"


@dataclass(frozen=True)
class IncidentFollowUp(CallbackData):
    """Ditangani or Selesai under an incident in its group."""

    PREFIX: ClassVar[str] = "tl"
    incident_id: int  # as tapped: the service refuses one out of range or of another group
    status: IncidentStatus

    def _fields(self) -> tuple[str, ...]:
        return (str(self.incident_id), self.status.value)

    @classmethod
    def _unpack(cls, fields: list[str]) -> IncidentFollowUp | None:
        if len(fields) != 2 or not _UNSIGNED.fullmatch(fields[0]) or len(fields[0]) > 12:
            return None
        try:
            status = IncidentStatus(fields[1])
        except ValueError:
            return None
        if status is IncidentStatus.NEW:
            return None
        return cls(int(fields[0]), status)


@dataclass(frozen=True)
class AgencyChoice(CallbackData):
    """An agency on the /daftar keyboard; only the person who asked may tap it."""

    PREFIX: ClassVar[str] = "daftar"
    user_id: int
    agency: Agency

    def _fields(self) -> tuple[str, ...]:
        return (str(self.user_id), self.agency.value)

    @classmethod
    def _unpack(cls, fields: list[str]) -> AgencyChoice | None:
        if len(fields) != 2 or not _UNSIGNED.fullmatch(fields[0]):
            return None
        try:
            return cls(int(fields[0]), Agency(fields[1]))
        except ValueError:
            return None


@dataclass(frozen=True)
class RegistrationDecision(CallbackData):
    """An admin's Setujui or Tolak on a liaison's registration request."""

    PREFIX: ClassVar[str] = "reg"
    liaison_id: int  # as tapped: it may be out of any id's range, which the service refuses
    approve: bool

    def _fields(self) -> tuple[str, ...]:
        return (str(self.liaison_id), "y" if self.approve else "n")

    @classmethod
    def _unpack(cls, fields: list[str]) -> RegistrationDecision | None:
        if len(fields) != 2 or not _UNSIGNED.fullmatch(fields[0]) or fields[1] not in ("y", "n"):
            return None
        return cls(int(fields[0]), fields[1] == "y")


@dataclass(frozen=True)
class LiaisonRemoval(CallbackData):
    """A liaison an admin picked to remove."""

    PREFIX: ClassVar[str] = "hapus"
    liaison_id: int

    def _fields(self) -> tuple[str, ...]:
        return (str(self.liaison_id),)

    @classmethod
    def _unpack(cls, fields: list[str]) -> LiaisonRemoval | None:
        if len(fields) != 1 or not _UNSIGNED.fullmatch(fields[0]):
            return None
        return cls(int(fields[0]))


@dataclass(frozen=True)
class _ChatChoice(CallbackData):
    chat_id: int

    def _fields(self) -> tuple[str, ...]:
        return (str(self.chat_id),)

    @classmethod
    def _unpack(cls, fields: list[str]) -> _ChatChoice | None:
        if len(fields) != 1 or not _NUMBER.fullmatch(fields[0]):
            return None
        return cls(int(fields[0]))


@dataclass(frozen=True)
class GroupChoice(_ChatChoice):
    """The group a liaison serving several reports for, picked in the private chat."""

    PREFIX: ClassVar[str] = "pilih"


@dataclass(frozen=True)
class IncidentGroupChoice(_ChatChoice):
    """The group an incident is reported for, picked in the private chat."""

    PREFIX: ClassVar[str] = "pilihkj"


@dataclass(frozen=True)
class RegionChoice(CallbackData):
    """One of the regions a name given to /wilayah fits; admins pick the group's region."""

    PREFIX: ClassVar[str] = "wil"
    code: str  # dotted Kemendagri code

    def _fields(self) -> tuple[str, ...]:
        return (self.code,)

    @classmethod
    def _unpack(cls, fields: list[str]) -> RegionChoice | None:
        if len(fields) != 1 or not _REGION_CODE.fullmatch(fields[0]):
            return None
        return cls(fields[0])


@dataclass(frozen=True)
class UpperChoice(CallbackData):
    """A group /induk listed: the lower group's admin asks to join it."""

    PREFIX: ClassVar[str] = "induk"
    chat_id: int

    def _fields(self) -> tuple[str, ...]:
        return (str(self.chat_id),)

    @classmethod
    def _unpack(cls, fields: list[str]) -> UpperChoice | None:
        if len(fields) != 1 or not _NUMBER.fullmatch(fields[0]):
            return None
        return cls(int(fields[0]))


@dataclass(frozen=True)
class LinkDecision(CallbackData):
    """The upper group's Terima or Tolak on a request to join it."""

    PREFIX: ClassVar[str] = "hub"
    link_id: int  # as tapped: it may be out of any id's range, which the service refuses
    accept: bool

    def _fields(self) -> tuple[str, ...]:
        return (str(self.link_id), "y" if self.accept else "n")

    @classmethod
    def _unpack(cls, fields: list[str]) -> LinkDecision | None:
        if len(fields) != 2 or not _UNSIGNED.fullmatch(fields[0]) or fields[1] not in ("y", "n"):
            return None
        return cls(int(fields[0]), fields[1] == "y")


@dataclass(frozen=True)
class LinkEnd(CallbackData):
    """A link picked on the /lepas chooser: either group's admin ends it."""

    PREFIX: ClassVar[str] = "lepas"
    link_id: int

    def _fields(self) -> tuple[str, ...]:
        return (str(self.link_id),)

    @classmethod
    def _unpack(cls, fields: list[str]) -> LinkEnd | None:
        if len(fields) != 1 or not _UNSIGNED.fullmatch(fields[0]):
            return None
        return cls(int(fields[0]))


@dataclass(frozen=True)
class RegionView(CallbackData):
    """A region below the group, picked to see its summary of a day (read only)."""

    PREFIX: ClassVar[str] = "rv"
    code: str
    day: date

    def _fields(self) -> tuple[str, ...]:
        return (self.code, self.day.strftime("%Y%m%d"))

    @classmethod
    def _unpack(cls, fields: list[str]) -> RegionView | None:
        if (
            len(fields) != 2
            or not _REGION_CODE.fullmatch(fields[0])
            or not _DAY.fullmatch(fields[1])
        ):
            return None
        try:
            return cls(fields[0], datetime.strptime(fields[1], "%Y%m%d").date())
        except ValueError:
            return None


@dataclass(frozen=True)
class LateGroupChoice(_ChatChoice):
    """The group a liaison serving several sends yesterday's late report for (/lapor kemarin)."""

    PREFIX: ClassVar[str] = "pilihk"


@dataclass(frozen=True)
class ReportCorrection(CallbackData):
    """ "Ubah laporan" under a sent report's confirmation: the group and the report's day.

    Tapped days later it is refused: only today's report and, until the
    cut-off, yesterday's may be corrected.
    """

    PREFIX: ClassVar[str] = "koreksi"
    chat_id: int
    report_date: date

    def _fields(self) -> tuple[str, ...]:
        return (str(self.chat_id), self.report_date.strftime("%Y%m%d"))

    @classmethod
    def _unpack(cls, fields: list[str]) -> ReportCorrection | None:
        if len(fields) != 2 or not _NUMBER.fullmatch(fields[0]) or not _DAY.fullmatch(fields[1]):
            return None
        try:
            day = date(int(fields[1][:4]), int(fields[1][4:6]), int(fields[1][6:]))
        except ValueError:
            return None
        return cls(int(fields[0]), day)


@dataclass(frozen=True)
class StandInDecision(CallbackData):
    """An admin's "Setujui sebagai pengganti": approves a request as a stand-in for a leave."""

    PREFIX: ClassVar[str] = "ganti"
    liaison_id: int  # as tapped: the service refuses one out of range
    leave_id: int

    def _fields(self) -> tuple[str, ...]:
        return (str(self.liaison_id), str(self.leave_id))

    @classmethod
    def _unpack(cls, fields: list[str]) -> StandInDecision | None:
        if len(fields) != 2 or not all(_UNSIGNED.fullmatch(field) for field in fields):
            return None
        return cls(int(fields[0]), int(fields[1]))


# Prefix -> kind: every button data the bot has sent and may still be tapped.
KINDS: dict[str, type[CallbackData]] = {
    kind.PREFIX: kind
    for kind in (
        FormTap,
        AgencyChoice,
        RegistrationDecision,
        LiaisonRemoval,
        GroupChoice,
        IncidentFormTap,
        IncidentFollowUp,
        IncidentGroupChoice,
        RegionChoice,
        UpperChoice,
        LinkDecision,
        LinkEnd,
        RegionView,
        LateGroupChoice,
        ReportCorrection,
        StandInDecision,
    )
}


def parse(data: object) -> CallbackData | None:
    """The typed button ``data`` stands for, or None when no button of ours carries it."""
    if not isinstance(data, str) or len(data.encode()) > MAX_BYTES:
        return None
    prefix, _, rest = data.partition(":")
    kind = KINDS.get(prefix)
    if kind is None or not rest:
        return None
    return kind._unpack(rest.split(":"))


def parse_as(kind: type[C], data: object) -> C | None:
    """``data`` parsed as ``kind``, or None when it is something else."""
    parsed = parse(data)
    return parsed if isinstance(parsed, kind) else None
