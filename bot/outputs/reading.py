"""Reading a group's range of days for the outputs: a handful of queries whatever its length.

A day here is what the group's own summary said of it (``bot.services.day_status``):
the current version of each agency's report, who was expected (agencies the
group expects daily with a serving liaison and a form in the day's stage; none
on a day off). Unlike the summary, which reads one day, a year is read at once:
every version of the range in one query, the liaisons once, the pauses once.

Liaisons are read as they stand now: the bot keeps no history of who served
when, so a past day counts the agencies that have a liaison today (a stand-in
only up to the leave they covered), exactly as the summary of a past day does.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.domain.agencies import Agency
from bot.domain.countdown import local_today
from bot.domain.elections import election_day
from bot.domain.forms import FormSet
from bot.domain.forum import GroupSettings
from bot.domain.incidents import IncidentCategories
from bot.outputs.history import History, HistoryDay, days_of
from bot.services import regional
from bot.services.day_status import agencies_with_liaison, days_off_between, expected_on
from bot.services.incidents import incidents_between, local_day_bounds
from bot.services.liaisons import approved_liaisons
from bot.services.reports import StoredReport, report_versions


async def read_history(
    group: GroupSettings,
    first: date,
    last: date,
    forms: FormSet,
    now: datetime,
    categories: IncidentCategories | None = None,
) -> History:
    """``group``'s days ``first``..``last`` as its own chat sees them, and the regions below
    it that its approved links show it now."""
    forms = forms.complete
    versions = await report_versions(group.chat_id, first, last)
    current: dict[date, dict[Agency, StoredReport]] = {}
    for version in versions:
        if version.current:
            current.setdefault(version.report_date, {})[version.agency] = version
    serving = await approved_liaisons(group.chat_id)
    days_off = await days_off_between(group, first, last)
    days = []
    for day in days_of(first, last):
        election = election_day(group, day)
        off = days_off.get(day)
        reports = current.get(day, {})
        expected = (
            ()
            if off
            else tuple(
                expected_on(
                    election,
                    agencies_with_liaison(group, [r for r in serving if r.serves_on(day)]),
                    forms,
                )
            )
        )
        days.append(
            HistoryDay(
                day=day,
                election=election,
                expected=expected,
                reports={agency: reports[agency] for agency in Agency if agency in reports},
                day_off=off,
            )
        )
    start, _ = local_day_bounds(first, group.time_zone)
    _, end = local_day_bounds(last, group.time_zone)
    incidents = await incidents_between([group.chat_id], start, end)
    rollups = []
    if group.has_groups_below:
        for day in days_of(first, last):
            rollup = await regional.rollup(group.chat_id, day, forms, every_region=True)
            if rollup is not None:
                rollups.append(rollup)
    return History(
        group=group,
        first=first,
        last=last,
        today=local_today(now, group.time_zone),
        made_at=now,
        forms=forms,
        days=tuple(days),
        versions=tuple(versions),
        incidents=tuple(incidents),
        categories=categories,
        rollups=tuple(rollups),
    )
