"""How a range of days reads: in captions ("13–26 Nov 2024") and when one is refused."""

from __future__ import annotations

from babel.dates import format_interval

from bot.domain.ranges import DayRange, RangeError, RangeProblem
from bot.texts.html import escape, shorten
from bot.texts.i18n import Translator


def range_label(t: Translator, day_range: DayRange) -> str:
    """ "13–26 Nov 2024", "28 Okt – 3 Nov 2024", or "26 Nov 2024" for a single day.

    Babel's interval formats leave out what both ends share, as people write it.
    """
    if day_range.days == 1:
        return t.short_date(day_range.first)
    return format_interval(day_range.first, day_range.last, "yMMMd", locale=t.locale)


def range_problem_text(t: Translator, error: RangeError, command: str) -> str:
    """Why the range after ``command`` ("/ekspor" or "ekspor") is refused, and how to write one."""
    _ = t.gettext
    command = "/" + command.lstrip("/")
    shown = escape(shorten(error.text))
    if error.problem is RangeProblem.IMPOSSIBLE_DATE:
        problem = _("Tanggal «{date}» tidak ada di kalender.").format(date=shown)
    elif error.problem is RangeProblem.OUT_OF_RANGE_YEAR:
        problem = _("Tahun pada tanggal «{date}» harus antara 2000 dan 2100.").format(date=shown)
    elif error.problem is RangeProblem.REVERSED:
        assert error.first is not None and error.last is not None
        problem = _(
            "Pada «{range}» tanggal awal ({first}) jatuh sesudah tanggal akhir ({last}); "
            "tulis tanggal awal dahulu."
        ).format(range=shown, first=t.short_date(error.first), last=t.short_date(error.last))
    elif error.problem is RangeProblem.FUTURE:
        assert error.last is not None
        problem = _(
            "Tanggal {date} belum tiba. Rentang «{range}» harus berakhir paling lambat hari ini."
        ).format(date=t.short_date(error.last), range=shown)
    elif error.problem is RangeProblem.TOO_LONG:
        assert error.limit is not None
        problem = _("Rentang «{range}» terlalu panjang: paling lama {days} hari.").format(
            range=shown, days=t.number(error.limit)
        )
    elif error.problem is RangeProblem.NO_DAYS:
        problem = _("Rentang paling sedikit 1 hari.")
    else:  # RangeProblem.UNRECOGNISED
        problem = _("Rentang «{range}» tidak dikenali.").format(range=shown)
    forms = _(
        "Tulis jumlah hari (<code>{command} 7</code>), <code>kemarin</code>, "
        "<code>minggu ini</code>, <code>bulan ini</code>, <code>bulan lalu</code>, sebuah tanggal, "
        "atau <code>{command} dari 1-11-2024 sampai 27-11-2024</code>."
    ).format(command=escape(command))
    return problem + " " + forms
