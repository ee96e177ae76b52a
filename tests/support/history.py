"""A group's history built in memory, for the renderers' tests: no database, no bot.

``sample_history`` is what a Desk Pilkada has two weeks before polling day:
KPU's logistics arriving day by day, the situation moving between the levels,
an agency that skipped days, a late report, a corrected one, two incidents.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.agencies import Agency
from bot.domain.days_off import DayOff, DayOffReason
from bot.domain.elections import election_day
from bot.domain.forms import FormSet, load_forms
from bot.domain.forum import GroupSettings
from bot.domain.incidents import (
    Incident,
    IncidentStatus,
    Reporter,
    Urgency,
    load_incident_categories,
)
from bot.outputs.history import History, HistoryDay, days_of
from bot.services.reports import StoredReport

ZONE = "Asia/Makassar"
POLLING_DAY = date(2024, 11, 27)

KUTIM = GroupSettings(
    chat_id=-1001234567890,
    title="Forkopimda Kabupaten Kutai Timur",
    region_name="Kabupaten Kutai Timur",
    time_zone=ZONE,
    locale="id",
    election_name="Pilkada Serentak 2024",
    polling_day=POLLING_DAY,
    active=True,
    region_code="64.08",
)

UNITS = {
    Agency.PEMDA: "Kesbangpol Kutai Timur",
    Agency.TNI: "Kodim 0909/Kutai Timur",
    Agency.POLRI: "Polres Kutai Timur",
    Agency.KPU: "KPU Kutai Timur",
    Agency.BAWASLU: "Bawaslu Kutai Timur",
    Agency.KEJAKSAAN: "Kejari Kutai Timur",
}
EXPECTED = tuple(UNITS)
SITUATIONS = ("aman", "aman", "waspada", "aman", "rawan", "aman", "waspada")


def _answers(agency: Agency, index: int, situation: str) -> dict:
    answers: dict = {"situasi": situation}
    if agency is Agency.PEMDA:
        answers |= {"sarpras": "siap" if index % 3 else "sebagian", "catatan": None}
    elif agency in (Agency.TNI, Agency.POLRI):
        answers |= {"personel": 120 + 15 * index, "kejadian": index % 3, "catatan": None}
        if agency is Agency.POLRI:
            answers |= {"tps_kurang_rawan": 300, "tps_rawan": 45, "tps_sangat_rawan": 6}
    elif agency is Agency.KPU:
        answers |= {
            "logistik_kecamatan": min(100, 40 + 6 * index),
            "logistik_desa": min(100, 20 + 6 * index),
            "logistik_tps": min(100, 5 * index),
            "tps_siap": 40 * index,
            "jumlah_tps": 1_234,
            "surat_suara_kurang": 250,
            "surat_suara_diganti": min(250, 20 * index),
            "tindak_lanjut": "Gudang logistik Kecamatan Sangatta Utara butuh pengamanan tambahan"
            if index == 12
            else None,
        }
    elif agency is Agency.BAWASLU:
        answers |= {"pelanggaran": index % 4, "politik_uang": index % 2, "hoaks": 1}
    elif agency is Agency.KEJAKSAAN:
        answers |= {"perkara_pidana": index // 5}
    return answers


def _report(
    agency: Agency, day: date, at: datetime, answers: dict, **marks: object
) -> StoredReport:
    return StoredReport(
        chat_id=KUTIM.chat_id,
        agency=agency,
        report_date=day,
        user_id=700 + agency.order,
        liaison_name=f"Penghubung {agency.label}",
        unit_name=UNITS[agency],
        answers=answers,
        submitted_at=at,
        **marks,  # type: ignore[arg-type]
    )


def sample_history(
    first: date = date(2024, 11, 13),
    last: date = date(2024, 11, 26),
    group: GroupSettings = KUTIM,
    forms: FormSet | None = None,
    silent: frozenset[Agency] = frozenset(),
) -> History:
    """Reports for every day of ``first``..``last``: Kejaksaan misses every fourth day,
    TNI's report of the third day came late, KPU corrected the last day's report;
    the ``silent`` agencies never report. The 20th is a day off (a pause)."""
    forms = forms or load_forms()
    zone = ZoneInfo(group.time_zone)
    days, versions = [], []
    for index, day in enumerate(days_of(first, last)):
        situation = SITUATIONS[index % len(SITUATIONS)]
        off = DayOff(DayOffReason.PAUSED, day) if day == date(2024, 11, 20) else None
        reports = {}
        for agency in EXPECTED:
            if agency in silent or (agency is Agency.KEJAKSAAN and index % 4 == 3) or off:
                continue
            at = datetime.combine(day, time(8 + agency.order, 5 * index % 60), zone)
            late = agency is Agency.TNI and index == 2
            if late:
                at = datetime.combine(day + timedelta(days=1), time(9, 30), zone)
            answers = _answers(agency, index, situation if agency is Agency.POLRI else "aman")
            report = _report(agency, day, at, answers, late=late)
            if agency is Agency.KPU and day == last:
                versions.append(
                    _report(agency, day, at, {**answers, "logistik_tps": 50}, current=False)
                )
                report = _report(
                    agency,
                    day,
                    at + timedelta(hours=2),
                    answers,
                    replaced_earlier=True,
                    first_submitted_at=at,
                )
            versions.append(report)
            reports[agency] = report
        days.append(
            HistoryDay(
                day=day,
                election=election_day(group, day),
                expected=() if off else EXPECTED,
                reports=reports,
                day_off=off,
            )
        )
    return History(
        group=group,
        first=first,
        last=last,
        today=last + timedelta(days=1),
        made_at=datetime.combine(last + timedelta(days=1), time(8, 0), zone).astimezone(UTC),
        forms=forms,
        days=tuple(days),
        versions=tuple(versions),
        incidents=_incidents(group, first),
        categories=load_incident_categories(),
    )


def _incidents(group: GroupSettings, first: date) -> tuple[Incident, ...]:
    zone = ZoneInfo(group.time_zone)
    happened = datetime.combine(first + timedelta(days=4), time(21, 15), zone)
    reporter = Reporter(707, "Penghubung Polri", Agency.POLRI, UNITS[Agency.POLRI])
    return tuple(
        Incident(
            id=number,
            chat_id=group.chat_id,
            number=number,
            year=2024,
            category=category,
            urgency=Urgency.URGENT if number == 1 else Urgency.NORMAL,
            kecamatan="Sangatta Utara",
            desa="Swarga Bara",
            location=None,
            occurred_at=happened + timedelta(days=3 * (number - 1)),
            reported_at=happened + timedelta(days=3 * (number - 1), minutes=20),
            description=description,
            reporter=reporter,
            photos=(),
            status=status,
            status_at=happened + timedelta(days=3 * (number - 1), hours=2),
            message_id=None,
        )
        for number, category, description, status in (
            (
                1,
                "bentrok",
                "Keributan antarpendukung di depan posko <b>paslon</b>",
                IncidentStatus.DONE,
            ),
            (2, "logistik_rusak", "Kotak suara rusak terkena banjir", IncidentStatus.HANDLING),
        )
    )


def with_answers(history: History, agency: Agency, day: date, **answers: object) -> History:
    """The history with the agency's current report of ``day`` given extra answers."""
    days = []
    for history_day in history.days:
        if history_day.day == day:
            report = history_day.reports[agency]
            report = replace(report, answers={**report.answers, **answers})
            history_day = replace(history_day, reports={**history_day.reports, agency: report})
        days.append(history_day)
    return replace(history, days=tuple(days))
