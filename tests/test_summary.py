"""The daily summary, compared against the full text the forum reads."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.domain.agencies import Agency
from bot.domain.days_off import DayOff, DayOffReason, PauseSpan
from bot.domain.forms import DEFAULT_FORMS_PATH, FormSet, load_forms
from bot.services.groups import GroupSettings
from bot.texts.i18n import translator
from bot.texts.summary import SubmittedReport, SummaryInput, overall_status, render_summary

WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")
H_14 = date(2024, 11, 13)  # before Pilkada Serentak 2024, 27 November
t = translator("id")
FORMS = load_forms()


def forms_knowing(labels: dict[str, str]) -> FormSet:
    """The shipped forms, with more questions (as a replaced forms file would have) in Pemda's."""
    data = json.loads(DEFAULT_FORMS_PATH.read_text(encoding="utf-8"))
    data["forms"]["pemda"]["questions"] += [
        {"id": key, "kind": "number", "prompt": f"{label}?", "label": label}
        for key, label in labels.items()
    ]
    path = Path(tempfile.mkdtemp()) / "forms.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return load_forms(path)


def group(**changes) -> GroupSettings:
    settings = {
        "chat_id": -1001,
        "title": "Forkopimda Kutim",
        "region_name": "Kabupaten Kutai Timur",
        "time_zone": "Asia/Makassar",
        "locale": "id",
        "election_name": "Pilkada Serentak 2024",
        "polling_day": date(2024, 11, 27),
        "active": True,
    }
    return GroupSettings(**{**settings, **changes})


def report(agency, unit, liaison, hour, minute, zone=WITA, day=13, **answers) -> SubmittedReport:
    submitted_at = datetime(2024, 11, day, hour, minute, tzinfo=zone)
    return SubmittedReport(agency, unit, liaison, submitted_at, answers)


def tags_balanced(html: str) -> bool:
    stack = []
    for closing, name in re.findall(r"<(/?)([a-z-]+)[^>]*>", html):
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


FULL_DAY = [
    report(
        Agency.DPRD,
        "DPRD",
        "Lina",
        13,
        15,
        situasi="aman",
        catatan="Rapat dengar pendapat dengan KPU besok.",
        tindak_lanjut=None,
    ),
    report(
        Agency.PEMDA,
        "Kesbangpol Kutai Timur",
        "Rudi Hartono",
        8,
        12,
        situasi="aman",
        sarpras="sebagian",
        catatan_netralitas_asn="Dua ASN dipanggil terkait unggahan kampanye.",
        catatan=None,
        tindak_lanjut="Usul rakor khusus netralitas ASN pada Kamis.",
    ),
    report(
        Agency.TNI,
        "Kodim 0909/Sangatta",
        "Serka Budi",
        7,
        45,
        situasi="aman",
        personel=350,
        personel_bko=120,
        kejadian=0,
        uraian_kejadian=None,
        catatan=None,
        tindak_lanjut=None,
    ),
    report(
        Agency.POLRI,
        "Polres Kutai Timur",
        "Iptu Sari",
        9,
        5,
        situasi="waspada",
        personel=1200,
        kejadian=1,
        uraian_kejadian="Perusakan APK di Kecamatan Bengalon.",
        tps_kurang_rawan=1000,
        tps_rawan=188,
        tps_sangat_rawan=12,
        catatan=None,
        tindak_lanjut=None,
    ),
    report(
        Agency.KPU,
        "KPU Kutai Timur",
        "Andi",
        10,
        0,
        situasi="waspada",
        logistik_kecamatan=100,
        logistik_desa="87.5",
        logistik_tps=40,
        tps_siap=1180,
        jumlah_tps=1200,
        surat_suara_kurang=120,
        surat_suara_diganti=80,
        c_pemberitahuan="62.5",
        wilayah_belum_lengkap="Desa Long Lees (Kecamatan Busang).",
        kendala_logistik="Jalan ke Desa Long Lees terputus.",
        tindak_lanjut="Perlu dukungan angkutan udara ke Desa Long Lees.",
    ),
    report(
        Agency.BAWASLU,
        "Bawaslu Kutai Timur",
        "Maya",
        11,
        30,
        situasi="aman",
        pelanggaran=2,
        politik_uang=1,
        hoaks=0,
        kampanye_hitam=0,
        netralitas_asn=1,
        catatan=None,
        tindak_lanjut=None,
    ),
    report(
        Agency.KEJAKSAAN,
        "Kejari Kutai Timur",
        "Hendra",
        12,
        0,
        situasi="aman",
        perkara_pidana=0,
        catatan="Nihil.",
        tindak_lanjut=None,
    ),
]

HEADING = (
    "<b>Ringkasan harian Posko Forkopimda</b>\n"
    "Kabupaten Kutai Timur\n"
    "Rabu, 13 November 2024\n"
    "H-14 menuju hari pemungutan suara Pilkada Serentak 2024 (Rabu, 27 November 2024)\n"
)


def test_a_full_day_with_all_seven_agencies_in_wita():
    summary = render_summary(t, SummaryInput(group(), H_14, FULL_DAY, list(Agency), FORMS))

    assert summary == HEADING + (
        "\n"
        "<b>Status tertinggi yang dilaporkan:</b> 🟡 Waspada · 7 dari 7 instansi melapor\n"
        "\n"
        "<b>Perlu tindak lanjut</b>\n"
        "• Pemda: Usul rakor khusus netralitas ASN pada Kamis.\n"
        "• KPU: Perlu dukungan angkutan udara ke Desa Long Lees.\n"
        "\n"
        "<b>Pemda</b> · Kesbangpol Kutai Timur\n"
        "🟢 Aman · 08.12 WITA · Rudi Hartono\n"
        "Dukungan sarpras untuk KPU dan Bawaslu: sebagian siap\n"
        "Catatan netralitas ASN: Dua ASN dipanggil terkait unggahan kampanye.\n"
        "\n"
        "<b>TNI</b> · Kodim 0909/Sangatta\n"
        "🟢 Aman · 07.45 WITA · Serka Budi\n"
        "Personel yang dikerahkan: 350\n"
        "Personel BKO Polri: 120\n"
        "Kejadian menonjol: 0\n"
        "\n"
        "<b>Polri</b> · Polres Kutai Timur\n"
        "🟡 Waspada · 09.05 WITA · Iptu Sari\n"
        "Personel yang dikerahkan: 1.200\n"
        "Kejadian menonjol: 1 — Perusakan APK di Kecamatan Bengalon.\n"
        "TPS kurang rawan: 1.000\n"
        "TPS rawan: 188\n"
        "TPS sangat rawan: 12\n"
        "\n"
        "<b>KPU</b> · KPU Kutai Timur\n"
        "🟡 Waspada · 10.00 WITA · Andi\n"
        "Logistik tiba di kecamatan (PPK): 100%\n"
        "Logistik tiba di desa/kelurahan (PPS): 87,5%\n"
        "Logistik tiba di TPS (KPPS): 40%\n"
        "TPS dengan logistik lengkap: 1.180 dari 1.200 (98,3%)\n"
        "Surat suara kurang atau rusak: 120, sudah diganti 80 (66,6%)\n"
        "C Pemberitahuan dibagikan: 62,5%\n"
        "Logistik belum lengkap di: Desa Long Lees (Kecamatan Busang).\n"
        "Kendala logistik: Jalan ke Desa Long Lees terputus.\n"
        "\n"
        "<b>Bawaslu</b> · Bawaslu Kutai Timur\n"
        "🟢 Aman · 11.30 WITA · Maya\n"
        "Temuan dan laporan dugaan pelanggaran baru: 2\n"
        "Dugaan politik uang: 1\n"
        "Dugaan hoaks dan ujaran kebencian: 0\n"
        "Dugaan kampanye hitam: 0\n"
        "Dugaan pelanggaran netralitas (ASN, TNI/Polri, kepala desa): 1\n"
        "\n"
        "<b>Kejaksaan</b> · Kejari Kutai Timur\n"
        "🟢 Aman · 12.00 WITA · Hendra\n"
        "Perkara pidana pemilu yang ditangani Sentra Gakkumdu: 0\n"
        "Catatan lain: Nihil.\n"
        "\n"
        "<b>DPRD</b>\n"
        "🟢 Aman · 13.15 WITA · Lina\n"
        "Catatan lain: Rapat dengar pendapat dengan KPU besok."
    )
    assert tags_balanced(summary)


def test_a_partial_day_lists_who_has_not_reported_in_the_groups_zone():
    # The group is in WIT; the reports' instants are given in WITA and shown in WIT.
    reports = [FULL_DAY[1], FULL_DAY[2], FULL_DAY[3], FULL_DAY[6], FULL_DAY[0]]
    data = SummaryInput(group(time_zone="Asia/Jayapura"), H_14, reports, list(Agency), FORMS)

    summary = render_summary(t, data)

    assert summary == HEADING + (
        "\n"
        "<b>Status tertinggi yang dilaporkan:</b> 🟡 Waspada · 5 dari 7 instansi melapor\n"
        "\n"
        "<b>Perlu tindak lanjut</b>\n"
        "• Pemda: Usul rakor khusus netralitas ASN pada Kamis.\n"
        "\n"
        "<b>Pemda</b> · Kesbangpol Kutai Timur\n"
        "🟢 Aman · 09.12 WIT · Rudi Hartono\n"
        "Dukungan sarpras untuk KPU dan Bawaslu: sebagian siap\n"
        "Catatan netralitas ASN: Dua ASN dipanggil terkait unggahan kampanye.\n"
        "\n"
        "<b>TNI</b> · Kodim 0909/Sangatta\n"
        "🟢 Aman · 08.45 WIT · Serka Budi\n"
        "Personel yang dikerahkan: 350\n"
        "Personel BKO Polri: 120\n"
        "Kejadian menonjol: 0\n"
        "\n"
        "<b>Polri</b> · Polres Kutai Timur\n"
        "🟡 Waspada · 10.05 WIT · Iptu Sari\n"
        "Personel yang dikerahkan: 1.200\n"
        "Kejadian menonjol: 1 — Perusakan APK di Kecamatan Bengalon.\n"
        "TPS kurang rawan: 1.000\n"
        "TPS rawan: 188\n"
        "TPS sangat rawan: 12\n"
        "\n"
        "<b>Kejaksaan</b> · Kejari Kutai Timur\n"
        "🟢 Aman · 13.00 WIT · Hendra\n"
        "Perkara pidana pemilu yang ditangani Sentra Gakkumdu: 0\n"
        "Catatan lain: Nihil.\n"
        "\n"
        "<b>DPRD</b>\n"
        "🟢 Aman · 14.15 WIT · Lina\n"
        "Catatan lain: Rapat dengar pendapat dengan KPU besok.\n"
        "\n"
        "Belum melapor: KPU, Bawaslu"
    )


def test_nobody_reported_says_so_and_lists_the_expected_agencies():
    data = SummaryInput(group(), H_14, [], [Agency.KPU, Agency.POLRI], FORMS)

    assert render_summary(t, data) == HEADING + (
        "\nBelum ada instansi yang melapor.\n\nBelum melapor: Polri, KPU"
    )


def test_nobody_reported_and_nobody_expected():
    summary = render_summary(t, SummaryInput(group(), H_14, [], [], FORMS))
    assert summary == HEADING + "\nBelum ada instansi yang melapor."


def test_without_region_or_polling_day_the_heading_says_what_is_missing():
    data = SummaryInput(
        group(region_name=None, polling_day=None, election_name=None),
        H_14,
        [FULL_DAY[6]],
        [Agency.KEJAKSAAN],
        FORMS,
    )

    assert render_summary(t, data) == (
        "<b>Ringkasan harian Posko Forkopimda</b>\n"
        "Wilayah belum diatur (contoh: <code>/wilayah Kabupaten Kutai Timur</code>)\n"
        "Rabu, 13 November 2024\n"
        "\n"
        "<b>Status tertinggi yang dilaporkan:</b> 🟢 Aman · 1 dari 1 instansi melapor\n"
        "\n"
        "<b>Kejaksaan</b> · Kejari Kutai Timur\n"
        "🟢 Aman · 12.00 WITA · Hendra\n"
        "Perkara pidana pemilu yang ditangani Sentra Gakkumdu: 0\n"
        "Catatan lain: Nihil."
    )


def test_html_in_every_user_field_is_shown_literally():
    script = "<script>alert(1)</script> & <b>"
    data = SummaryInput(
        group(region_name=f"Kab. {script}", election_name=f"Pilkada {script}"),
        H_14,
        [
            report(
                Agency.POLRI,
                f"Polres {script}",
                f"Iptu {script}",
                9,
                0,
                situasi="rawan",
                personel=10,
                kejadian=1,
                uraian_kejadian=script,
                tps_rawan=2,
            ),
            report(
                Agency.KPU,
                script,
                script,
                9,
                30,
                situasi=script,
                logistik_kecamatan=script,
                kendala_logistik=script,
                catatan=script,
                sasaran=script,
                **{"<i>id</i>": script},
            ),
            report(
                Agency.PEMDA,
                "Pemda",
                "Rudi",
                10,
                0,
                situasi="aman",
                sarpras=script,
                catatan_netralitas_asn=script,
            ),
        ],
        [Agency.POLRI],
        forms_knowing({"sasaran": f"Sasaran {script}"}),
    )

    summary = render_summary(t, data)

    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;"
    assert summary == (
        "<b>Ringkasan harian Posko Forkopimda</b>\n"
        f"Kab. {escaped}\n"
        "Rabu, 13 November 2024\n"
        f"H-14 menuju hari pemungutan suara Pilkada {escaped} (Rabu, 27 November 2024)\n"
        "\n"
        "<b>Status tertinggi yang dilaporkan:</b> 🔴 Rawan · 3 dari 3 instansi melapor\n"
        "\n"
        "<b>Pemda</b>\n"
        "🟢 Aman · 10.00 WITA · Rudi\n"
        f"Dukungan sarpras untuk KPU dan Bawaslu: {escaped}\n"
        f"Catatan netralitas ASN: {escaped}\n"
        "\n"
        f"<b>Polri</b> · Polres {escaped}\n"
        f"🔴 Rawan · 09.00 WITA · Iptu {escaped}\n"
        "Personel yang dikerahkan: 10\n"
        f"Kejadian menonjol: 1 — {escaped}\n"
        "TPS rawan: 2\n"
        "\n"
        f"<b>KPU</b> · {escaped}\n"
        f"— · 09.30 WITA · {escaped}\n"  # a situation the bot does not know
        f"Logistik tiba di kecamatan (PPK): {escaped}\n"
        f"Kendala logistik: {escaped}\n"
        f"Sasaran {escaped}: {escaped}\n"
        f"&lt;i&gt;id&lt;/i&gt;: {escaped}\n"
        f"Catatan lain: {escaped}"
    )
    assert "<script>" not in summary
    assert tags_balanced(summary)


def test_answers_of_replaced_forms_are_shown_generically():
    data = SummaryInput(
        group(),
        H_14,
        [
            report(
                Agency.DPRD,
                "Sekretariat DPRD",
                "Lina",
                16,
                0,
                situasi="aman",
                partisipasi_sosialisasi=1500,
                lokasi="Sangatta Utara",
                rapat_komisi=True,
                dilewati=None,
                catatan="Sosialisasi di tiga kecamatan.",
            )
        ],
        [Agency.DPRD],
        forms_knowing(
            {"partisipasi_sosialisasi": "Peserta sosialisasi", "rapat_komisi": "Rapat komisi"}
        ),
    )

    assert render_summary(t, data).endswith(
        "<b>DPRD</b> · Sekretariat DPRD\n"
        "🟢 Aman · 16.00 WITA · Lina\n"
        "Peserta sosialisasi: 1.500\n"
        "lokasi: Sangatta Utara\n"
        "Rapat komisi: ya\n"
        "Catatan lain: Sosialisasi di tiga kecamatan."
    )


def test_count_covers_agencies_expected_or_reported_and_keeps_the_latest_report():
    earlier = report(Agency.POLRI, "Polres Kutai Timur", "Iptu Sari", 8, 0, situasi="rawan")
    later = report(Agency.POLRI, "Polres Kutai Timur", "Iptu Sari", 15, 0, situasi="aman")
    dprd = report(Agency.DPRD, "DPRD", "Lina", 9, 0, situasi="aman")
    data = SummaryInput(group(), H_14, [later, dprd, earlier], [Agency.POLRI, Agency.KPU], FORMS)

    summary = render_summary(t, data)

    assert "<b>Status tertinggi yang dilaporkan:</b> 🟢 Aman · 2 dari 3 instansi melapor" in summary
    assert "🟢 Aman · 15.00 WITA · Iptu Sari" in summary
    assert "08.00 WITA" not in summary
    assert summary.endswith("Belum melapor: KPU")


def test_a_report_sent_after_midnight_shows_its_date():
    late = report(Agency.TNI, "Kodim 0909", "Serka Budi", 0, 20, day=14, situasi="aman")
    summary = render_summary(t, SummaryInput(group(), H_14, [late], [Agency.TNI], FORMS))
    assert "🟢 Aman · Kamis, 14 November 2024, 00.20 WITA · Serka Budi" in summary


@pytest.mark.parametrize(
    ("ready", "total", "line"),
    [
        (1199, 1200, "TPS dengan logistik lengkap: 1.199 dari 1.200 (99,9%)"),
        (
            19999,
            20000,
            "TPS dengan logistik lengkap: 19.999 dari 20.000 (99,9%)",
        ),  # never rounded up to 100%
        (1200, 1200, "TPS dengan logistik lengkap: 1.200 dari 1.200 (100%)"),
        (0, 0, "TPS dengan logistik lengkap: 0 dari 0"),
    ],
)
def test_polling_stations_ready(ready, total, line):
    kpu = report(Agency.KPU, "KPU", "Andi", 9, 0, situasi="aman", tps_siap=ready, jumlah_tps=total)
    summary = render_summary(t, SummaryInput(group(), H_14, [kpu], [Agency.KPU], FORMS))
    assert summary.endswith("\n" + line)


def test_quiet_period_shows_in_the_heading():
    summary = render_summary(t, SummaryInput(group(), date(2024, 11, 25), [], [], FORMS))
    assert (
        "H-2 menuju hari pemungutan suara Pilkada Serentak 2024 (Rabu, 27 November 2024)\n"
        "Masa tenang (H-3 sampai H-1): segala bentuk kegiatan kampanye dilarang.\n"
    ) in summary


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["aman", "waspada", "aman"], "waspada"),
        (["aman", "rawan", "waspada"], "rawan"),
        (["aman"], "aman"),
        ([None, "siaga"], None),
        ([], None),
    ],
)
def test_overall_status_is_the_worst(statuses, expected):
    reports = [report(Agency.TNI, "TNI", "Budi", 9, 0, situasi=status) for status in statuses]
    assert overall_status(FORMS, reports) == expected


def test_late_and_corrected_reports_carry_their_marks():
    late = SubmittedReport(
        Agency.POLRI,
        "Polres Kutai Timur",
        "Andi",
        datetime(2024, 11, 14, 8, 30, tzinfo=WITA),
        {"situasi": "waspada"},
        late=True,
    )
    corrected = SubmittedReport(
        Agency.KPU,
        "KPU Kutai Timur",
        "Rina",
        datetime(2024, 11, 13, 16, 0, tzinfo=WITA),
        {"situasi": "aman"},
        corrected_at=datetime(2024, 11, 13, 18, 5, tzinfo=WITA),
    )
    summary = render_summary(
        t, SummaryInput(group(), H_14, [late, corrected], [Agency.POLRI, Agency.KPU], FORMS)
    )
    assert "2 dari 2 instansi melapor (1 terlambat)" in summary
    assert "🟡 Waspada · Kamis, 14 November 2024, 08.30 WITA (terlambat) · Andi" in summary
    assert "🟢 Aman · 16.00 WITA · Rina · ✏️ diperbaiki 18.05 WITA" in summary


def test_a_day_off_reads_as_such_and_counts_nobody_missing():
    pause = PauseSpan(datetime(2024, 11, 12, 16, tzinfo=WITA), datetime(2024, 11, 15, tzinfo=WITA))
    paused = DayOff(DayOffReason.PAUSED, H_14, pause)
    summary = render_summary(t, SummaryInput(group(), H_14, [], [], FORMS, day_off=paused))
    assert "⏸ Posko dijeda sampai Kamis, 14 November 2024: tidak ada laporan yang diwajibkan" in (
        summary
    )
    assert "Tidak ada laporan pada hari ini." in summary and "Belum melapor" not in summary
    christmas = date(2024, 12, 25)
    holiday = DayOff(DayOffReason.HOLIDAY, christmas)
    one = report(Agency.POLRI, "Polres", "Andi", 9, 0, day=13, situasi="aman")
    summary = render_summary(t, SummaryInput(group(), christmas, [one], [], FORMS, day_off=holiday))
    assert "🏖 Libur nasional (Hari Raya Natal): tidak ada laporan yang diwajibkan" in summary
    assert "instansi yang melapor: 1" in summary and " dari " not in summary.split("\n\n")[2]
