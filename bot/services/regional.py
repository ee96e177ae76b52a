"""The one door to another group's data: every read across groups checks the links as it reads.

A group may read its own data and that of the groups linked below it through
approved links, all the way down, while the bot is in each of them; nothing
else. Every function here asks the database for a group's tree *in the same
statement* that reads the data, through ``_tree``: a recursive walk that starts
only when the group asked about is the asker or lies below it by approved
links at that instant. So a summary, a button tapped weeks later or a region
named in a command can never show data across a link that has ended, was
refused, or never existed; and no caller can forget the check, because there
is no other way in. (A group's own day is ``bot.services.day_status``.)

Values put into the SQL are integers and ISO dates made here from typed
values, never text a person typed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from bot.domain.agencies import Agency
from bot.domain.forms import FormSet
from bot.domain.forum import GroupSettings
from bot.domain.links import GroupRef
from bot.domain.rollup import AgencyDay, GroupDay, Rollup, TreeNode, rollup_of
from bot.services.day_status import DayStatus, day_status
from bot.services.groups import GROUP_COLUMNS, settings_of_row
from bot.services.links import MAX_DEPTH
from bot.storage.db import as_datetime, as_json, fetch_rows


def _tree(viewer_chat_id: int, root_chat_id: int) -> str:
    """``WITH`` clauses defining ``tree``: ``root`` and the groups linked below it, as
    ``viewer`` may see them now; empty unless ``root`` is ``viewer`` or lies below it.

    Columns: id, parent_id, depth, active. A group the bot was removed from is
    in the tree (its name is known above) but its data is not read and
    nothing below it is reached.
    """
    viewer, root = int(viewer_chat_id), int(root_chat_id)
    return f"""WITH RECURSIVE up(id, depth) AS (
    SELECT g.id, 0 FROM "groups" g WHERE g.chat_id = {root} AND g.active
    UNION ALL
    SELECT l.upper_id, up.depth + 1 FROM group_links l
    JOIN up ON l.lower_id = up.id
    JOIN "groups" a ON a.id = l.upper_id
    WHERE l.state = 'approved' AND a.active AND up.depth < {MAX_DEPTH}
), tree(id, parent_id, depth, active) AS (
    SELECT g.id, CAST(NULL AS INTEGER), 0, g.active FROM "groups" g
    WHERE g.chat_id = {root} AND g.active
      AND EXISTS (SELECT 1 FROM up JOIN "groups" v ON v.id = up.id WHERE v.chat_id = {viewer})
    UNION ALL
    SELECT l.lower_id, l.upper_id, tree.depth + 1, b.active FROM group_links l
    JOIN tree ON l.upper_id = tree.id
    JOIN "groups" b ON b.id = l.lower_id
    WHERE l.state = 'approved' AND tree.active AND tree.depth < {MAX_DEPTH}
)
"""


def _nodes_sql(viewer: int, root: int) -> str:
    return (
        _tree(viewer, root) + f"SELECT tree.id, tree.parent_id, tree.depth, {GROUP_COLUMNS} "
        'FROM tree JOIN "groups" g ON g.id = tree.id ORDER BY tree.depth, g.region_code, g.id'
    )


def _reports_sql(viewer: int, root: int, day: date, only_root: bool) -> str:
    return _tree(viewer, root) + (
        "SELECT r.group_id, r.agency, r.submitted_at, r.answers, r.unit_name, r.liaison_name "
        "FROM tree JOIN reports r ON r.group_id = tree.id "
        f"WHERE tree.active AND r.report_date = '{day.isoformat()}' AND r.\"current\""
        + (" AND tree.depth = 0" if only_root else "")
        + " ORDER BY r.submitted_at"
    )


def _expected_sql(viewer: int, root: int, only_root: bool) -> str:
    return _tree(viewer, root) + (
        "SELECT DISTINCT l.group_id, l.agency FROM tree JOIN liaisons l ON l.group_id = tree.id "
        "WHERE tree.active AND l.status = 'approved'" + (" AND tree.depth = 0" if only_root else "")
    )


class _Tree:
    """The rows of one tree: groups by database id, with their place in it."""

    def __init__(self, rows: Sequence[Sequence]) -> None:
        self.settings: dict[int, GroupSettings] = {}
        self.parent: dict[int, int | None] = {}
        self.depth: dict[int, int] = {}
        for row in rows:
            group_id, parent_id, depth, *columns = row
            self.settings[group_id] = settings_of_row(columns)
            self.parent[group_id] = parent_id
            self.depth[group_id] = depth

    def nodes(self) -> list[TreeNode]:
        return [
            TreeNode(
                group=_ref(group),
                parent_chat_id=(
                    self.settings[parent].chat_id
                    if (parent := self.parent[gid]) is not None
                    else None
                ),
                depth=self.depth[gid],
            )
            for gid, group in self.settings.items()
        ]


def _ref(group: GroupSettings) -> GroupRef:
    return GroupRef(
        chat_id=group.chat_id,
        name=group.region_name or group.title,
        code=group.region_code,
        level=group.region_level,
        active=group.active,
    )


async def linked_below(viewer_chat_id: int) -> list[TreeNode]:
    """Every group linked below the viewer (names and codes, no data), nearest first."""
    tree = _Tree(await fetch_rows(_nodes_sql(viewer_chat_id, viewer_chat_id)))
    return [node for node in tree.nodes() if node.depth > 0]


async def group_seen_by(viewer_chat_id: int, target_chat_id: int) -> GroupSettings | None:
    """The target group's settings, if the viewer may see it (itself or linked below)."""
    tree = _Tree(await fetch_rows(_nodes_sql(viewer_chat_id, target_chat_id)))
    root = next((gid for gid, depth in tree.depth.items() if depth == 0), None)
    return tree.settings[root] if root is not None else None


async def day_status_seen_by(
    viewer_chat_id: int, target_chat_id: int, day: date, forms: FormSet
) -> DayStatus | None:
    """The target group's own day as its summary shows it, if the viewer may see it now.

    Read as the group's own /ringkasan reads it once the links allow it, so a
    region seen from above says exactly what its own chat says (late and
    corrected reports, days off, the agencies it expects), never whom to mention.
    """
    group = await group_seen_by(viewer_chat_id, target_chat_id)
    if group is None:
        return None
    return await day_status(group, day, forms, mentions=False)


async def rollup(
    viewer_chat_id: int,
    day: date,
    forms: FormSet,
    root_chat_id: int | None = None,
    *,
    every_region: bool = False,
) -> Rollup | None:
    """The rollup of ``root`` (default: the viewer) for ``day`` as the viewer may see it now.

    None when the viewer may not see ``root``, or nothing is linked below it.
    Each group's day is its own local date ``day``. With ``every_region`` the
    record also holds a line for every group in the tree (for exports).
    """
    root = viewer_chat_id if root_chat_id is None else root_chat_id
    tree = _Tree(await fetch_rows(_nodes_sql(viewer_chat_id, root)))
    if not any(depth > 0 for depth in tree.depth.values()):
        return None
    reports: dict[int, list[AgencyDay]] = defaultdict(list)
    for group_id, agency, submitted_at, answers, *_names in await fetch_rows(
        _reports_sql(viewer_chat_id, root, day, only_root=False)
    ):
        reports[group_id].append(
            AgencyDay(Agency(agency), as_datetime(submitted_at), as_json(answers))  # type: ignore[arg-type]
        )
    expected: dict[int, set[Agency]] = defaultdict(set)
    for group_id, agency in await fetch_rows(_expected_sql(viewer_chat_id, root, only_root=False)):
        expected[group_id].add(Agency(agency))
    days = {
        group.chat_id: GroupDay(
            # As each group's own summary counts them: only the agencies it expects daily.
            frozenset(expected.get(gid, set()) & group.expected),
            _one_per_agency(reports.get(gid, [])),
        )
        for gid, group in tree.settings.items()
        if group.active and gid in tree.depth and tree.depth[gid] > 0
    }
    root_group = next(group for gid, group in tree.settings.items() if tree.depth[gid] == 0)
    return rollup_of(forms, root_group.chat_id, day, tree.nodes(), days, every_region=every_region)


def _one_per_agency(reports: list[AgencyDay]) -> tuple[AgencyDay, ...]:
    """The latest report of each agency (there is one current report per agency and day)."""
    latest = {report.agency: report for report in reports}  # rows come oldest first
    return tuple(latest[agency] for agency in Agency if agency in latest)
