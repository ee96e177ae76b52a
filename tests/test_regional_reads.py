"""The regional reads on both databases: a tree read through the links as they stand at the read.

The end-to-end isolation test (``test_region_isolation.py``) plays the same
rules through the chats; these tests pin down the service on its own, where
each rule can be set up in one line.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain.agencies import Agency
from bot.domain.forms import load_forms
from bot.domain.links import LinkRefusal
from bot.domain.regions import RegionLevel
from bot.services import groups, links, regional
from bot.services.liaisons import request_registration
from bot.services.reports import store_report
from bot.storage.db import close_database, open_database
from bot.storage.models import Group

FORMS = load_forms()
DAY = date(2024, 11, 13)
NOW = datetime(2024, 11, 13, 1, 0, tzinfo=UTC)
NATIONAL = -100
KALTIM, KUTIM, SAMARINDA, SANGATTA = -164, -16408, -16472, -1640804
KALTARA, BULUNGAN = -165, -16501


@pytest.fixture
async def db(database_url):
    await open_database(database_url)
    yield
    await close_database()


async def group(chat_id: int, name: str, code: str | None, level: RegionLevel) -> None:
    await groups.set_region(chat_id, name, name, code=code, level=level, now=NOW)


async def linked(lower: int, upper: int) -> links.LinkRecord:
    request = await links.request_link(lower, upper, requested_by=1)
    decided = await links.decide(request.id, upper, approve=True, admin_id=2)
    assert decided is not None and decided.approved
    return decided


async def report(chat_id: int, agency: Agency, **answers) -> None:
    group_id = (await Group.get(chat_id=chat_id)).id
    await request_registration(
        chat_id, "", 10 + agency.order, "Penghubung", None, agency, agency.label,
        approved=True, now=NOW,
    )  # fmt: skip
    await store_report(
        group_id, chat_id, agency, DAY, 10 + agency.order, "Penghubung", agency.label,
        answers, NOW,
    )  # fmt: skip


@pytest.fixture
async def tree(db):
    """National ← Kaltim ← (Kutai Timur ← Sangatta Utara, Samarinda); Kaltara ← Bulungan."""
    await group(NATIONAL, "Nasional", None, RegionLevel.NASIONAL)
    await group(KALTIM, "Provinsi Kalimantan Timur", "64", RegionLevel.PROVINSI)
    await group(KUTIM, "Kabupaten Kutai Timur", "64.08", RegionLevel.KABUPATEN_KOTA)
    await group(SAMARINDA, "Kota Samarinda", "64.72", RegionLevel.KABUPATEN_KOTA)
    await group(SANGATTA, "Kecamatan Sangatta Utara", "64.08.04", RegionLevel.KECAMATAN)
    await group(KALTARA, "Provinsi Kalimantan Utara", "65", RegionLevel.PROVINSI)
    await group(BULUNGAN, "Kabupaten Bulungan", "65.01", RegionLevel.KABUPATEN_KOTA)
    for lower, upper in (
        (KALTIM, NATIONAL),
        (KUTIM, KALTIM),
        (SAMARINDA, KALTIM),
        (SANGATTA, KUTIM),
        (KALTARA, NATIONAL),
        (BULUNGAN, KALTARA),
    ):
        await linked(lower, upper)
    await report(KUTIM, Agency.POLRI, situasi="waspada", personel=100, kejadian=1)
    await report(SANGATTA, Agency.POLRI, situasi="rawan", personel=20, kejadian=2)
    await report(SANGATTA, Agency.KPU, situasi="aman", tps_siap=8, jumlah_tps=10)
    await report(SAMARINDA, Agency.TNI, situasi="aman", personel=50, kejadian=0)
    await report(BULUNGAN, Agency.POLRI, situasi="rawan", personel=7, kejadian=9)


async def test_a_province_sees_its_regencies_and_their_districts_combined(tree):
    rollup = await regional.rollup(KALTIM, DAY, FORMS)
    assert [r.name for r in rollup.regions] == ["Kabupaten Kutai Timur", "Kota Samarinda"]
    kutim, samarinda = rollup.regions
    assert kutim.tally.situation == "rawan"  # the kecamatan's Rawan is Kutai Timur's worst
    assert kutim.tally.groups == 2 and kutim.tally.reported_agencies == 3
    assert kutim.tally.figure("personel").value == 120
    assert kutim.tally.figure("tps_siap").share == 80
    assert samarinda.tally.situation == "aman"
    assert rollup.total.figure("personel").value == 170
    assert rollup.total.figure("kejadian").value == 3  # Bulungan's 9 is another province's


async def test_nothing_above_or_beside_is_visible(tree):
    # A regency sees its kecamatan only; a kecamatan sees nothing but itself.
    kutim = await regional.rollup(KUTIM, DAY, FORMS)
    assert [r.name for r in kutim.regions] == ["Kecamatan Sangatta Utara"]
    assert await regional.rollup(SANGATTA, DAY, FORMS) is None
    for viewer, target in (
        (KUTIM, KALTIM),  # up
        (KUTIM, SAMARINDA),  # sibling
        (SANGATTA, KUTIM),  # up
        (KALTIM, BULUNGAN),  # another province's regency
        (KALTARA, KUTIM),
        (SAMARINDA, SANGATTA),  # a sibling's kecamatan
    ):
        seen = await regional.day_status_seen_by(viewer, target, DAY, FORMS)
        assert seen is None, (viewer, target)
        assert await regional.group_seen_by(viewer, target) is None
        assert await regional.rollup(viewer, DAY, FORMS, root_chat_id=target) is None
    seen = await regional.day_status_seen_by(NATIONAL, SANGATTA, DAY, FORMS)
    assert [r.agency for r in seen.reports] == [Agency.POLRI, Agency.KPU]


async def test_an_ended_link_hides_at_once_and_all_below_it(tree):
    link = await links.link_up(KUTIM)
    assert await links.end_link(link.id, KALTIM, admin_id=3) is not None
    rollup = await regional.rollup(KALTIM, DAY, FORMS)
    assert [r.name for r in rollup.regions] == ["Kota Samarinda"]
    assert await regional.day_status_seen_by(KALTIM, SANGATTA, DAY, FORMS) is None
    assert await regional.day_status_seen_by(NATIONAL, KUTIM, DAY, FORMS) is None
    # Kutai Timur itself still sees its kecamatan.
    assert await regional.day_status_seen_by(KUTIM, SANGATTA, DAY, FORMS) is not None


async def test_a_group_the_bot_left_is_listed_but_not_read(tree):
    await groups.deactivate_group(KUTIM)
    rollup = await regional.rollup(KALTIM, DAY, FORMS)
    kutim = next(r for r in rollup.regions if r.name == "Kabupaten Kutai Timur")
    assert not kutim.active and kutim.tally.reported_agencies == 0
    assert rollup.regions[-1] == kutim  # no report: last
    assert await regional.day_status_seen_by(KALTIM, SANGATTA, DAY, FORMS) is None


@pytest.mark.parametrize(
    ("lower", "upper", "reason"),
    [
        (SANGATTA, KALTIM, LinkRefusal.ALREADY_LINKED),
        (KALTIM, KUTIM, LinkRefusal.ALREADY_LINKED),
        (NATIONAL, KALTIM, LinkRefusal.TOP_LEVEL),
    ],
)
async def test_refusals_store_nothing(tree, lower, upper, reason):
    before = await links.link_up(lower)
    with pytest.raises(links.LinkRefused) as refused:
        await links.request_link(lower, upper, requested_by=1)
    assert refused.value.reason is reason
    assert await links.link_up(lower) == before


async def test_a_cycle_is_refused(tree):
    await links.end_link((await links.link_up(KALTIM)).id, KALTIM, admin_id=1)
    with pytest.raises(links.LinkRefused) as refused:
        await links.request_link(KALTIM, SANGATTA, requested_by=1)
    assert refused.value.reason is LinkRefusal.CYCLE


async def test_a_linked_group_keeps_its_region(tree):
    with pytest.raises(groups.RegionLocked):
        await groups.set_region(
            KUTIM, "x", "Kota Samarinda", code="64.72", level=RegionLevel.KABUPATEN_KOTA, now=NOW
        )
    assert (await groups.find_group(KUTIM)).region_code == "64.08"
    assert (await groups.find_group(KALTIM)).has_groups_below
    assert not (await groups.find_group(SANGATTA)).has_groups_below
