"""The bot's own posts, in Indonesian, on the days that matter."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.domain.agencies import Agency
from bot.services.groups import GroupSettings
from bot.texts.group_view import countdown_line
from bot.texts.i18n import translator
from bot.texts.posts import (
    Liaison,
    milestone_text,
    not_reported_text,
    reminder_text,
    report_opening_text,
)

PILKADA = date(2024, 11, 27)
H_14 = date(2024, 11, 13)
COUNTDOWN_H_14 = "H-14 menuju hari pemungutan suara Pilkada Serentak 2024 (Rabu, 27 November 2024)"
t = translator("id")


def group(**changes) -> GroupSettings:
    settings = {
        "chat_id": -1001,
        "title": "Forkopimda Kutim",
        "region_name": "Kabupaten Kutai Timur",
        "time_zone": "Asia/Makassar",
        "locale": "id",
        "election_name": "Pilkada Serentak 2024",
        "polling_day": PILKADA,
        "active": True,
    }
    return GroupSettings(**{**settings, **changes})


LIAISONS = [
    Liaison(505, "Maya <b>Bawaslu</b> & co", Agency.BAWASLU),
    Liaison(303, "Andi", Agency.KPU),
    Liaison(404, "Sari", Agency.KPU),
]


def test_report_opening():
    assert report_opening_text(t, group(), H_14) == (
        "<b>Laporan harian dibuka</b>\n"
        "Rabu, 13 November 2024\n"
        f"{COUNTDOWN_H_14}\n"
        "\n"
        "Penghubung instansi, silakan sampaikan laporan hari ini dengan menekan tombol di bawah."
    )


def test_report_opening_without_polling_day():
    assert report_opening_text(t, group(polling_day=None), H_14) == (
        "<b>Laporan harian dibuka</b>\n"
        "Rabu, 13 November 2024\n"
        "\n"
        "Penghubung instansi, silakan sampaikan laporan hari ini dengan menekan tombol di bawah."
    )


def test_reminder_mentions_missing_liaisons_by_agency_with_names_escaped():
    assert reminder_text(t, group(), H_14, LIAISONS) == (
        "<b>Pengingat laporan harian</b>\n"
        "Rabu, 13 November 2024\n"
        "Laporan hari ini belum diterima dari:\n"
        '• KPU: <a href="tg://user?id=303">Andi</a>, <a href="tg://user?id=404">Sari</a>\n'
        '• Bawaslu: <a href="tg://user?id=505">Maya &lt;b&gt;Bawaslu&lt;/b&gt; &amp; co</a>\n'
        "\n"
        "Mohon segera sampaikan laporan hari ini. Terima kasih."
    )


def test_reminder_with_nobody_missing_thanks_everyone():
    assert reminder_text(t, group(), H_14, []) == (
        "<b>Pengingat laporan harian</b>\n"
        "Rabu, 13 November 2024\n"
        "Semua instansi sudah melapor hari ini. Terima kasih."
    )


def test_a_liaison_without_a_name_is_mentioned_by_role():
    text = reminder_text(t, group(), H_14, [Liaison(7, "  ", Agency.POLRI)])
    assert '• Polri: <a href="tg://user?id=7">Penghubung Polri</a>' in text


def test_belum_lists_missing_agencies_with_their_liaisons():
    missing_agencies = [Agency.KEJAKSAAN, Agency.KPU, Agency.BAWASLU]
    assert not_reported_text(t, group(), H_14, missing_agencies, LIAISONS) == (
        "<b>Belum melapor hari ini</b>\n"
        "Rabu, 13 November 2024\n"
        '• KPU: <a href="tg://user?id=303">Andi</a>, <a href="tg://user?id=404">Sari</a>\n'
        '• Bawaslu: <a href="tg://user?id=505">Maya &lt;b&gt;Bawaslu&lt;/b&gt; &amp; co</a>\n'
        "• Kejaksaan"
    )


def test_belum_leaves_out_liaisons_whose_agency_has_reported():
    text = not_reported_text(t, group(), H_14, [Agency.BAWASLU], LIAISONS)
    assert "Andi" not in text and "tg://user?id=505" in text


def test_belum_when_everyone_has_reported():
    assert not_reported_text(t, group(), H_14, [], []) == (
        "Semua instansi sudah melapor hari ini (Rabu, 13 November 2024). Terima kasih."
    )


def test_milestone_h_30():
    assert milestone_text(t, group(), date(2024, 10, 28)) == (
        "<b>Hitung mundur H-30</b>\n"
        "H-30 menuju hari pemungutan suara Pilkada Serentak 2024 (Rabu, 27 November 2024)\n"
        "Mari pastikan kesiapan logistik dan keamanan serta jaga netralitas ASN menjelang hari "
        "pemungutan suara.\n"
        "\n"
        # From H-30 the campaign's weekly reports turn daily (the calendar's rhythm).
        "Mulai hari ini laporan diminta setiap hari."
    )


def test_milestone_h_3_names_the_quiet_period_and_what_it_forbids():
    assert milestone_text(t, group(), date(2024, 11, 24)) == (
        "<b>Masa tenang · H-3</b>\n"
        "H-3 menuju hari pemungutan suara Pilkada Serentak 2024 (Rabu, 27 November 2024)\n"
        "Berlangsung sampai Selasa, 26 November 2024. Selama masa tenang dilarang:\n"
        "• segala bentuk kegiatan kampanye, termasuk melalui media sosial dan media massa;\n"
        "• memasang alat peraga kampanye; yang masih terpasang harus sudah dibersihkan;\n"
        "• menjanjikan atau memberikan uang atau materi lainnya kepada pemilih.\n"
        "Mari bersama awasi dan cegah politik uang, hoaks, dan kampanye terselubung."
    )
    assert milestone_text(t, group(), date(2024, 11, 24)).count("Masa tenang") == 1


def test_milestone_h_1_is_the_logistics_deadline():
    assert milestone_text(t, group(), date(2024, 11, 26)) == (
        "<b>Masa tenang · H-1</b>\n"
        "H-1 menuju hari pemungutan suara Pilkada Serentak 2024 (Rabu, 27 November 2024)\n"
        "Segala bentuk kegiatan kampanye dilarang sampai hari pemungutan suara.\n"
        "Hari ini batas akhir: seluruh logistik pemungutan suara harus sudah tiba di setiap TPS.\n"
        "Malam ini rawan “serangan fajar”: awasi dan cegah politik uang, hoaks, dan kampanye "
        "terselubung."
    )


def test_milestone_hari_h_calls_voters_to_the_tps():
    assert milestone_text(t, group(), PILKADA) == (
        "<b>Hari ini pemungutan suara</b>\n"
        "Hari H pemungutan suara Pilkada Serentak 2024 (Rabu, 27 November 2024)\n"
        "Mari ajak masyarakat datang ke TPS dan menggunakan hak pilihnya secara langsung, umum, "
        "bebas, rahasia, jujur, dan adil (Luber Jurdil).\n"
        "TPS dibuka pukul 07.00 sampai 13.00 WITA."
    )


def test_milestone_escapes_the_election_name():
    text = milestone_text(t, group(election_name="PSU <i>Kutim</i>"), H_14)
    assert "H-14 menuju hari pemungutan suara PSU &lt;i&gt;Kutim&lt;/i&gt; (Rabu" in text


@pytest.mark.parametrize("days_before", [30, 14, 7, 3, 1, 0])
def test_every_milestone_has_a_post_with_the_countdown(days_before):
    text = milestone_text(t, group(), PILKADA - timedelta(days=days_before))
    assert text is not None and "27 November 2024" in text


# H-2 is inside the masa tenang announced on H-3; H+1 opens the kecamatan
# recapitulation, announced only to kecamatan forums (this one is a regency's).
@pytest.mark.parametrize("days_before", [31, 29, 15, 13, 8, 6, 5, 2, -1, -30])
def test_other_days_have_no_milestone(days_before):
    assert milestone_text(t, group(), PILKADA - timedelta(days=days_before)) is None


def test_no_milestone_without_polling_day():
    assert milestone_text(t, group(polling_day=None), H_14) is None


def test_after_polling_day_the_countdown_names_the_stage_and_its_end():
    assert countdown_line(t, group(), date(2024, 11, 28)) == (
        "H+1 · rekapitulasi tingkat kecamatan, sampai Selasa, 3 Desember 2024"
    )
    assert countdown_line(t, group(), date(2024, 11, 30)) == (
        "H+3 · rekapitulasi tingkat kabupaten/kota, sampai Jumat, 6 Desember 2024"
    )


def test_after_the_election_the_countdown_counts_on():
    # The template's last stage (the count) ends on H+19.
    assert countdown_line(t, group(), date(2024, 12, 17)) == (
        "H+20 pemungutan suara Pilkada Serentak 2024 (Rabu, 27 November 2024)"
    )


def test_the_voting_hours_carry_the_groups_zone():
    assert milestone_text(t, group(time_zone="Asia/Jayapura"), PILKADA).endswith(
        "TPS dibuka pukul 07.00 sampai 13.00 WIT."
    )
