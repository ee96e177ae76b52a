"""A national deployment's data, generated and bulk-loaded before the bot starts.

Group ``i`` (0-based) has chat id ``-(1002000000000 + i)``, one of the three
Indonesian zones, an election calendar (the template around its polling day)
and seven approved liaisons, one per agency, with user ids ``6000000000 + 8 i + k``.
Polling days are spread so that the groups are in every stage at once: from
H-74 (before the campaign: weekly reports) to H+25 (the election over:
none), through the campaign, the masa tenang, polling day and the count.

- The first ``broadcast_groups`` post only their summary, at ``due_minute``,
  on H-14 (daily reports); five of their seven agencies have reported that
  day, and their summaries of the ``post_history_days`` days before are
  recorded as sent.
- The others keep the default schedule (every kind on) with today's,
  tomorrow's and ``post_history_days`` days of earlier posts recorded as sent
  (the kinds their stage ran each day): a deployment in the middle of its
  day, whose posts do not fall due during the benchmark.
- ``summary_group`` (the first of the others) holds ``summary_days`` days of
  reports from all seven agencies, up to today.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.agencies import Agency
from bot.domain.elections import ElectionDay, calendar_for, day_of
from bot.domain.forms import Form, FormSet, QuestionKind
from bot.scheduling.post_kinds import POST_KINDS
from bot.scheduling.slots import PostKind
from tests.bench.database import BenchDatabase

AGENCIES = tuple(Agency)
# Most groups are in WIB, then WITA, then WIT, roughly as Indonesia's regencies are.
ZONES = ("Asia/Jakarta",) * 12 + ("Asia/Makassar",) * 5 + ("Asia/Jayapura",) * 3
FIRST_CHAT = 1_002_000_000_000
FIRST_USER = 6_000_000_000
REPORTED_IN_BROADCAST = 5  # of the seven agencies, in the broadcast groups' summary day


def chat_id_of(index: int) -> int:
    return -(FIRST_CHAT + index)


def user_id_of(index: int, agency_index: int) -> int:
    return FIRST_USER + 8 * index + agency_index


def zone_of(index: int) -> ZoneInfo:
    return ZoneInfo(ZONES[index % len(ZONES)])


def _json(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def sample_answers(form: Form) -> dict:
    """Answers a liaison could have given: first choices, small numbers, a short note."""
    answers: dict = {}
    for position, question in enumerate(form.questions):
        if question.kind is QuestionKind.CHOICE:
            answers[question.id] = question.choices[0].value
        elif question.kind is QuestionKind.NUMBER:
            # A part stays below its whole: "TPS siap <= jumlah TPS" holds.
            answers[question.id] = 1 if question.part_of else 10 + position
        elif question.kind is QuestionKind.PERCENT:
            answers[question.id] = "87.5"
        else:
            answers[question.id] = "Situasi kondusif, tidak ada kendala berarti."
    return answers


@dataclass(frozen=True)
class Population:
    groups: int
    broadcast_groups: int
    summary_days: int
    due_minute: datetime  # aware UTC, on a minute boundary
    now: datetime  # aware UTC: "today" for every group is its local date at this instant
    post_history_days: int = 2  # days of scheduled posts already recorded before today

    @property
    def summary_group(self) -> int:
        return self.broadcast_groups

    def local_today(self, index: int) -> date:
        return self.now.astimezone(zone_of(index)).date()

    def due_date(self, index: int) -> date:
        """The local date of the broadcast group's summary at ``due_minute``."""
        return self.due_minute.astimezone(zone_of(index)).date()

    def polling_day_of(self, index: int) -> date:
        """H-14 for the broadcast groups; H-74 to H+25 for the others, group by group."""
        if index < self.broadcast_groups:
            return self.due_date(index) + timedelta(days=14)
        return self.local_today(index) + timedelta(days=index % 100 - 25)

    def region_of(self, index: int) -> str:
        return f"Kabupaten Uji {index}"

    def day_of(self, index: int) -> ElectionDay:
        """The group's day today: its stage decides the form its liaisons fill in."""
        calendar = calendar_for(None, self.polling_day_of(index), (), self.region_of(index))
        return day_of(calendar, self.local_today(index))

    def _post_times(self, index: int) -> str | None:
        if index >= self.broadcast_groups:
            return None  # the default schedule: every kind on
        local = self.due_minute.astimezone(zone_of(index))
        return _json(
            {
                kind.value: local.strftime("%H:%M") if kind is PostKind.RINGKASAN else None
                for kind in PostKind
            }
        )

    def group_rows(self) -> Iterator[tuple]:
        for index in range(self.groups):
            yield (
                index + 1,
                chat_id_of(index),
                f"Forkopimda Uji {index}",
                self.region_of(index),
                zone_of(index).key,
                "id",
                "Pilkada Serentak",
                self.polling_day_of(index),
                self._post_times(index),
                True,
                self.now - timedelta(days=30),  # created
                self.now - timedelta(hours=1),  # last changed: not just before the run
            )

    def liaison_rows(self) -> Iterator[tuple]:
        for index in range(self.groups):
            for k, agency in enumerate(AGENCIES):
                yield (
                    7 * index + k + 1,
                    index + 1,
                    user_id_of(index, k),
                    f"Penghubung {agency.label} {index}",
                    None,
                    agency.value,
                    f"{agency.label} Kabupaten Uji {index}",
                    "approved",
                    None,
                    None,
                    self.now,
                    self.now,
                )

    def report_rows(self, forms: FormSet) -> Iterator[tuple]:
        answers = {agency: _json(sample_answers(forms.form_for(agency))) for agency in AGENCIES}

        def report(index: int, k: int, day: date) -> tuple:
            agency = AGENCIES[k]
            morning = datetime.combine(day, time(8, k), tzinfo=zone_of(index)).astimezone(UTC)
            return (
                agency.value,
                day,
                user_id_of(index, k),
                f"Penghubung {agency.label} {index}",
                f"{agency.label} Kabupaten Uji {index}",
                answers[agency],
                morning,
                True,
                index + 1,
            )

        for index in range(self.broadcast_groups):
            for k in range(REPORTED_IN_BROADCAST):
                yield report(index, k, self.due_date(index))
        today = self.local_today(self.summary_group)
        for back in range(self.summary_days):
            for k in range(len(AGENCIES)):
                yield report(self.summary_group, k, today - timedelta(days=back))

    def scheduled_post_rows(self) -> Iterator[tuple]:
        for index in range(self.groups):
            if index < self.broadcast_groups:
                due = self.due_date(index)
                for back in range(1, self.post_history_days + 1):
                    yield (
                        PostKind.RINGKASAN.value,
                        due - timedelta(days=back),
                        "sent",
                        None,
                        self.now,
                        index + 1,
                    )
                continue
            today = self.local_today(index)
            calendar = calendar_for(None, self.polling_day_of(index), (), self.region_of(index))
            for offset in range(-self.post_history_days, 2):
                day = today + timedelta(days=offset)
                # The kinds the group's stage ran that day, as a running bot records them.
                election = day_of(calendar, day)
                for kind in (k for k, spec in POST_KINDS.items() if spec.runs_on(election)):
                    yield (
                        kind.value,
                        today + timedelta(days=offset),
                        "sent",
                        None,
                        self.now,
                        index + 1,
                    )


# The columns each seeding fills (the bench's populations, trees and years of reports).
GROUP_COLUMNS = (
    "id",
    "chat_id",
    "title",
    "region_name",
    "time_zone",
    "locale",
    "election_name",
    "polling_day",
    "post_times",
    "active",
    "created_at",
    "updated_at",
)
LIAISON_COLUMNS = (
    "id",
    "group_id",
    "user_id",
    "name",
    "username",
    "agency",
    "unit_name",
    "status",
    "request_message_id",
    "decided_by",
    "created_at",
    "updated_at",
)
REPORT_COLUMNS = (
    "agency",
    "report_date",
    "user_id",
    "liaison_name",
    "unit_name",
    "answers",
    "submitted_at",
    "current",
    "group_id",
)
POST_COLUMNS = ("kind", "local_date", "state", "message_id", "updated_at", "group_id")

Table = tuple[tuple[str, ...], Iterable[tuple]]


async def load_tables(database: BenchDatabase, tables: dict[str, Table]) -> dict[str, int]:
    """Inserts each table's rows, in order, then analyzes; returns the rows per table."""
    counts = {}
    for table, (columns, rows) in tables.items():
        loaded = list(rows)
        await database.insert(table, columns, loaded)
        counts[table] = len(loaded)
    await database.analyze()
    return counts


async def seed(database: BenchDatabase, population: Population, forms: FormSet) -> dict[str, int]:
    """Loads the population into a migrated, empty database; returns the rows per table."""
    tables = {
        "groups": (
            GROUP_COLUMNS,
            population.group_rows(),
        ),
        "liaisons": (
            LIAISON_COLUMNS,
            population.liaison_rows(),
        ),
        "reports": (
            REPORT_COLUMNS,
            population.report_rows(forms),
        ),
        "scheduled_posts": (
            POST_COLUMNS,
            population.scheduled_post_rows(),
        ),
    }
    return await load_tables(database, tables)
