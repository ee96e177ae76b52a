"""The rollup of the regions below a group: combined by the forms' rules, read at a glance."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from bot.domain.agencies import Agency
from bot.domain.forms import load_forms
from bot.domain.links import GroupRef
from bot.domain.regions import RegionLevel
from bot.domain.rollup import AgencyDay, GroupDay, TreeNode, rollup_of, tally
from bot.texts.i18n import translator
from bot.texts.rollup import render_rollup
from bot.texts.splitting import TELEGRAM_LIMIT, split_message

FORMS = load_forms()
DAY = date(2024, 11, 13)
MORNING = datetime(2024, 11, 13, 1, 0, tzinfo=UTC)
T = translator("id")


def day(*reports: tuple[Agency, dict], expected: tuple[Agency, ...] = ()) -> GroupDay:
    return GroupDay(
        frozenset(expected) | {agency for agency, _ in reports},
        tuple(
            AgencyDay(agency, MORNING + timedelta(minutes=n), answers)
            for n, (agency, answers) in enumerate(reports)
        ),
    )


def test_figures_combine_by_their_declared_rules():
    combined = tally(
        FORMS,
        [
            day(
                (Agency.TNI, {"situasi": "aman", "personel": 120, "kejadian": 0}),
                (Agency.POLRI, {"situasi": "waspada", "personel": 300, "kejadian": 2}),
                (
                    Agency.KPU,
                    {
                        "situasi": "aman",
                        "logistik_kecamatan": "90",
                        "tps_siap": 45,
                        "jumlah_tps": 50,
                    },
                ),
                expected=(Agency.BAWASLU,),
            ),
            day(
                (Agency.POLRI, {"situasi": "rawan", "personel": 80, "kejadian": 1}),
                (Agency.KPU, {"situasi": "aman", "logistik_kecamatan": "75.5", "tps_siap": 10}),
            ),
        ],
    )
    assert combined.groups == 2
    assert (combined.reported_agencies, combined.expected_agencies) == (5, 6)
    assert combined.situation == "rawan"  # the worst level anywhere
    assert combined.figure("personel").value == 500  # sum, across agencies and groups
    assert combined.figure("kejadian").value == 3
    assert combined.figure("logistik_kecamatan").value == Decimal("82.8")  # average of 90, 75.5
    share = combined.figure("tps_siap")  # part_of: only reports that gave both count
    assert (share.value, share.whole, share.share) == (45, 50, Decimal("90.0"))
    assert [f.question_id for f in combined.figures] == [
        "personel",
        "kejadian",
        "logistik_kecamatan",
        "tps_siap",
    ]  # the headlines' order; those nobody answered are left out


def node(chat_id, name, parent, depth, active=True):
    code = f"64.{chat_id:02d}"
    return TreeNode(
        GroupRef(chat_id, name, code, RegionLevel.KABUPATEN_KOTA, active), parent, depth
    )


def province_of(count: int):
    nodes = [TreeNode(GroupRef(0, "Provinsi", "64", RegionLevel.PROVINSI), None, 0)]
    nodes += [node(n, f"Kabupaten Uji Nomor {n}", 0, 1) for n in range(1, count + 1)]
    days = {
        n: day(
            (Agency.POLRI, {"situasi": "aman" if n % 3 else "rawan", "personel": n * 10}),
            (
                Agency.KPU,
                {
                    "situasi": "aman",
                    "logistik_kecamatan": "80",
                    "logistik_desa": "70",
                    "tps_siap": n,
                    "jumlah_tps": n + 5,
                },
            ),
            (Agency.BAWASLU, {"situasi": "waspada", "pelanggaran": 1}),
            expected=tuple(Agency),
        )
        for n in range(1, count + 1)
        if n != 2  # Kabupaten 2 has not reported
    }
    days[2] = day(expected=tuple(Agency))
    return nodes, days


def test_worst_first_then_the_silent_then_the_totals():
    nodes, days = province_of(4)
    nodes.append(node(5, "Kabupaten Tanpa Bot", 0, 1, active=False))
    rollup = rollup_of(FORMS, 0, DAY, nodes, days)
    text = render_rollup(T, FORMS, rollup)
    lines = text.splitlines()
    assert lines[0] == "<b>Rekap wilayah</b> · 5 wilayah di bawah grup ini"
    assert lines[1].startswith("• <b>Kabupaten Uji Nomor 3</b>: 🔴 Rawan · 3 dari 7 instansi")
    assert lines[2].startswith("• <b>Kabupaten Uji Nomor 1</b>: 🟡 Waspada")
    assert lines[3].startswith("• <b>Kabupaten Uji Nomor 4</b>: 🟡 Waspada")
    assert lines[4] == "• <b>Kabupaten Uji Nomor 2</b>: belum ada laporan (0 dari 7 instansi)"
    assert lines[5] == "• <b>Kabupaten Tanpa Bot</b>: bot tidak lagi ada di grup wilayah ini"
    assert lines[6].startswith("<b>Total:</b> 🔴 Rawan · 9 dari 28 instansi · 4 grup")
    assert "Personel yang dikerahkan: 80 · " in lines[6]  # 10 + 30 + 40
    assert (
        "TPS dengan logistik lengkap: 8 dari 23 (34,7%)" in lines[6]
    )  # the share of the sums, rounded down
    english = render_rollup(translator("en"), FORMS, rollup)
    assert english.splitlines()[0] == "<b>Regional rollup</b> · 5 regions below this group"


def test_a_long_rollup_splits_at_line_boundaries():
    nodes, days = province_of(40)
    text = render_rollup(T, FORMS, rollup_of(FORMS, 0, DAY, nodes, days))
    parts = split_message(text)
    assert len(parts) > 1
    assert all(len(html.unescape(re.sub("<[^>]+>", "", p))) <= TELEGRAM_LIMIT for p in parts)
    assert "".join(parts) == text  # nothing lost, nothing added
    for part in parts[:-1]:
        assert part.endswith("\n")  # every cut at the end of a line
