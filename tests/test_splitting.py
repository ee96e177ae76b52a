"""Long HTML messages split into parts Telegram accepts, with nothing lost."""

from __future__ import annotations

import html
import random
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.agencies import Agency
from bot.domain.forms import load_forms
from bot.services.groups import GroupSettings
from bot.texts import splitting
from bot.texts.i18n import translator
from bot.texts.splitting import MAX_ENTITIES, MAX_HTML_LENGTH, TELEGRAM_LIMIT, split_message
from bot.texts.summary import SubmittedReport, SummaryInput, render_summary

TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>")


def visible(part: str) -> str:
    """The text Telegram shows: tags gone, entities decoded."""
    return html.unescape(TAG.sub("", part))


def telegram_length(part: str) -> int:
    return len(visible(part).encode("utf-16-le")) // 2


def open_tags_after(text: str, stack: list[str] | None = None) -> list[str]:
    """The raw opening tags still open after ``text``; raises on mismatched closing tags."""
    stack = list(stack or [])
    for match in TAG.finditer(text):
        if not match[1]:
            stack.append(match[0])
        else:
            opening = stack.pop()
            assert TAG.match(opening)[2] == match[2], f"{match[0]} closes {opening}"
    return stack


def styled_text(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each visible character (an entity counts as one) with the tags around it."""
    styled = []
    stack: list[str] = []
    for match in re.finditer(
        r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>|&[#a-zA-Z0-9]+;|.", text, flags=re.DOTALL
    ):
        if match[2] is None:
            styled.append((html.unescape(match[0]), tuple(stack)))
        elif match[1]:
            stack.pop()
        else:
            stack.append(match[0])
    return styled


def check(parts: list[str], original: str, limit: int = TELEGRAM_LIMIT) -> None:
    """Every part is within limits and valid on its own, and together they are the original."""
    assert parts
    for part in parts:
        assert telegram_length(part) <= limit
        assert len(part) <= MAX_HTML_LENGTH
        assert open_tags_after(part) == []  # balanced: nothing left open at the end
        assert visible(part).strip()
        assert not re.search(r"&[#a-zA-Z0-9]*$", TAG.sub("", part)), "entity cut"
    # Together the parts show the original text, every character as it was styled.
    assert [char for part in parts for char in styled_text(part)] == styled_text(original)


def long_summary() -> str:
    zone = ZoneInfo("Asia/Makassar")
    group = GroupSettings(
        -1001,
        "Forkopimda",
        "Kabupaten Kutai Timur",
        "Asia/Makassar",
        "id",
        "Pilkada Serentak 2024",
        date(2024, 11, 27),
        True,
    )
    note = (
        "Patroli gabungan di Kecamatan Sangatta Utara & Bengalon; warga melaporkan "
        "dugaan <politik uang> di dua desa. "
    ) * 9
    reports = [
        SubmittedReport(
            agency,
            f"Unit {agency.label}",
            "Petugas",
            datetime(2024, 11, 13, 9, tzinfo=zone),
            {"situasi": "waspada", "catatan": note},
        )
        for agency in Agency
    ]
    return render_summary(
        translator("id"),
        SummaryInput(group, date(2024, 11, 13), reports, list(Agency), load_forms()),
    )


def test_a_short_message_is_left_alone():
    text = "<b>Ringkasan</b>\nSemua aman."
    assert split_message(text) == [text]


@pytest.mark.parametrize("text", ["", "\n\n", "<b> </b>"])
def test_nothing_to_show_gives_no_parts(text):
    assert split_message(text) == []


def test_a_long_summary_splits_between_lines():
    summary = long_summary()
    assert telegram_length(summary) > TELEGRAM_LIMIT

    parts = split_message(summary)

    # 7,524 characters would fit in two parts only by cutting a note in half.
    assert len(parts) == 3
    check(parts, summary)
    assert all(part.endswith("\n") for part in parts[:-1])  # cut at line ends only
    assert all(part.startswith("<b>") for part in parts)  # each begins a heading or a block


def test_many_lines_with_a_small_limit_each_part_ends_a_line():
    lines = [f"<b>Baris {n}</b>: TPS rawan &amp; kejadian <i>nihil</i>" for n in range(200)]
    text = "\n".join(lines)

    parts = split_message(text, limit=200)

    check(parts, text, limit=200)
    assert all(part.endswith("\n") for part in parts[:-1])
    assert all(telegram_length(part) > 150 for part in parts[:-1])  # packed, not one line each


def test_a_tag_spanning_lines_is_closed_and_reopened():
    text = (
        "<blockquote expandable>"
        + "\n".join(f"Catatan {n}" for n in range(30))
        + "</blockquote>\nSelesai."
    )

    parts = split_message(text, limit=60)

    check(parts, text, limit=60)
    assert all(part.startswith("<blockquote expandable>") for part in parts[:-1])
    assert all(part.endswith("</blockquote>") for part in parts[:-1])


def test_a_single_overlong_line_is_cut_at_spaces_with_tags_reopened():
    text = "<b>Kendala:</b> <i>" + " ".join(f"desa{n}" for n in range(60)) + "</i> selesai"

    parts = split_message(text, limit=50)

    check(parts, text, limit=50)
    assert len(parts) > 5
    for part in parts[1:-1]:
        assert part.startswith("<i>") and part.endswith(" </i>")  # cut after a space


def test_a_link_cut_in_two_keeps_its_address():
    href = '<a href="https://kpu.go.id/?kab=kutim&amp;hal=2">'
    text = href + "Laporan distribusi logistik kabupaten lengkap</a>"

    parts = split_message(text, limit=20)

    check(parts, text, limit=20)
    assert all(part.startswith(href) and part.endswith("</a>") for part in parts)


def test_a_word_longer_than_the_limit_is_cut_between_entities():
    text = "<code>" + "&amp;&lt;x" * 20 + "</code>"

    parts = split_message(text, limit=7)

    check(parts, text, limit=7)
    assert all(telegram_length(part) == 7 for part in parts[:-1])


def test_length_counts_utf16_units_and_keeps_emoji_whole():
    assert split_message("🟢" * 10, limit=5) == ["🟢🟢"] * 5
    thumbs = "👍🏽" * 6  # each drawn as one: a hand and its skin tone
    assert split_message(thumbs, limit=9) == ["👍🏽👍🏽"] * 3


def test_entities_count_once_toward_the_limit():
    text = "&lt;" * TELEGRAM_LIMIT
    assert split_message(text, max_html=5 * TELEGRAM_LIMIT) == [text]


def test_raw_html_stays_within_its_bound():
    text = "&lt;" * TELEGRAM_LIMIT  # 4096 visible, 16384 raw

    parts = split_message(text)

    check(parts, text)
    assert [len(part) for part in parts] == [8192, 8192]


def test_a_long_list_of_mentions_respects_the_entity_bound():
    text = "\n".join(f'<a href="tg://user?id={n}">P{n}</a>' for n in range(250))

    parts = split_message(text)

    check(parts, text)
    assert len(parts) == 3
    assert all(part.count("<a ") <= MAX_ENTITIES for part in parts)


def test_a_limit_below_one_is_refused():
    with pytest.raises(ValueError):
        split_message("x", limit=0)


def test_a_blank_line_is_the_preferred_cut_unless_it_wastes_the_room():
    block = "<b>{name}</b>\nPersonel: 350\nCatatan: patroli malam di pasar."
    text = "\n\n".join(block.format(name=name) for name in ("TNI", "Polri", "KPU"))

    assert [visible(part).split("\n")[0] for part in split_message(text, limit=120)] == [
        "TNI",
        "KPU",
    ]  # whole blocks, though a line of KPU's would have fitted
    heading_only = split_message("Judul\n\n" + "baris panjang sekali\n" * 10, limit=100)
    assert telegram_length(heading_only[0]) > 50  # not a part holding just the heading


def random_lines(chance: random.Random) -> str:
    """Lines as summaries and rollups write them: bold names, entities, emoji, blank lines."""
    pieces = [
        "kata",
        "<b>Tebal</b>",
        "&amp;",
        "🟢",
        "👍🏽",
        '<a href="tg://user?id=1">Andi</a>',
        "x",
    ]
    lines = []
    for _ in range(chance.randrange(1, 60)):
        if chance.random() < 0.15:
            lines.append("")
            continue
        lines.append(" ".join(chance.choice(pieces) for _ in range(chance.randrange(1, 25))))
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(200))
def test_the_fast_path_cuts_exactly_where_the_general_splitter_does(seed):
    chance = random.Random(seed)
    text = random_lines(chance)
    limit = chance.choice([40, 80, 200, 500, TELEGRAM_LIMIT])
    bounds = {
        "max_html": chance.choice([300, MAX_HTML_LENGTH]),
        "max_entities": chance.choice([5, 100]),
    }
    fast = splitting._split_lines(text, limit, bounds["max_html"], bounds["max_entities"])
    general = splitting._split_atoms(text, limit, **bounds)
    if fast is not None:  # None: a line too long for one part, left to the general splitter
        assert fast == general
    assert split_message(text, limit, **bounds) == general
