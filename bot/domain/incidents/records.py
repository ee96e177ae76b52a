"""Incidents as plain, frozen records: what the services return and the renderers read.

Exports, briefs and charts (issue 13) and regional rollups (issue 14) read
these through ``bot.services.incidents``; nothing here knows the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.domain.agencies import Agency
from bot.domain.incidents.engine import Photo, Urgency
from bot.domain.incidents.places import Location


class IncidentStatus(StrEnum):
    """Where an incident stands; values are stored and travel in button data."""

    NEW = "baru"
    HANDLING = "ditangani"
    DONE = "selesai"

    @property
    def is_open(self) -> bool:
        return self is not IncidentStatus.DONE


def may_change(current: IncidentStatus, to: IncidentStatus) -> bool:
    """Ditangani may be noted again (each note is a step of the handling); nothing after Selesai."""
    return current.is_open and to is not IncidentStatus.NEW


@dataclass(frozen=True)
class Reporter:
    user_id: int
    name: str
    agency: Agency | None  # None: a group admin who is no liaison
    unit_name: str


@dataclass(frozen=True)
class Incident:
    id: int
    chat_id: int
    number: int  # per group and year: "Kejadian #12"
    year: int
    category: str  # a category value (label through IncidentCategories.label_of)
    urgency: Urgency
    kecamatan: str
    desa: str
    location: Location | None
    occurred_at: datetime  # aware
    reported_at: datetime  # aware
    description: str
    reporter: Reporter
    photos: tuple[Photo, ...]
    status: IncidentStatus
    status_at: datetime  # of the last change (reported_at while new)
    message_id: int | None  # the incident's first message in the group, once posted

    @property
    def urgent(self) -> bool:
        return self.urgency is Urgency.URGENT

    @property
    def is_open(self) -> bool:
        return self.status.is_open


@dataclass(frozen=True)
class StatusChange:
    """One step of an incident's history: who moved it where, when, and why."""

    id: int
    incident_id: int
    chat_id: int
    number: int
    year: int
    status: IncidentStatus
    note: str
    user_id: int
    name: str
    agency: Agency | None
    unit_name: str
    at: datetime  # aware


@dataclass(frozen=True)
class CategoryCount:
    category: str
    count: int


@dataclass(frozen=True)
class IncidentDigest:
    """What a summary says of incidents: the day's by category, and those still open."""

    of_day: tuple[CategoryCount, ...]
    still_open: tuple[Incident, ...]

    @property
    def total_of_day(self) -> int:
        return sum(count.count for count in self.of_day)
