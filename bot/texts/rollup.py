"""The "Rekap wilayah" block: a group's regions below it, one line each, at a glance.

It follows the group's own summary when groups are linked below it. Each line
names a region, says how many of its expected agencies reported, its most
serious situation and its headline figures combined by the rules of the forms
data (``bot.domain.rollup``), worded as each question's ``summary`` (or
``part_of`` share) says; the worst come first, the regions with no report at
all last, then the totals. Long rollups are split at line boundaries by the
caller, like every long message.
"""

from __future__ import annotations

from bot.domain.forms import FormSet
from bot.domain.rollup import Figure, RegionLine, Rollup, Tally
from bot.texts.html import escape
from bot.texts.i18n import Translator
from bot.texts.situation import situation_text
from bot.texts.summary import answer_text, share_text

SEPARATOR = " · "


def render_rollup(t: Translator, forms: FormSet, rollup: Rollup) -> str:
    """The block as Telegram HTML: a heading, a line per region, the totals line."""
    _ = t.gettext
    count = len(rollup.regions)
    lines = [
        _("<b>Rekap wilayah</b> · {count} wilayah di bawah grup ini").format(count=t.number(count))
    ]
    lines += [_region_line(t, forms, region) for region in rollup.regions]
    lines.append(_total_line(t, forms, rollup.total))
    return "\n".join(lines)


def _region_line(t: Translator, forms: FormSet, region: RegionLine) -> str:
    _ = t.gettext
    name = f"<b>{escape(region.name)}</b>"
    if not region.active:
        return "• " + _("{name}: bot tidak lagi ada di grup wilayah ini").format(name=name)
    tally = region.tally
    if not tally.has_reports:
        if tally.expected_agencies == 0:
            return "• " + _("{name}: belum ada laporan (belum ada penghubung)").format(name=name)
        return "• " + _("{name}: belum ada laporan (0 dari {expected} instansi)").format(
            name=name, expected=t.number(tally.expected_agencies)
        )
    return "• " + _("{name}: {details}").format(name=name, details=_details(t, forms, tally))


def _total_line(t: Translator, forms: FormSet, total: Tally) -> str:
    _ = t.gettext
    if not total.has_reports:
        return _("<b>Total:</b> belum ada laporan dari wilayah di bawah grup ini")
    return _("<b>Total:</b> {details}").format(details=_details(t, forms, total))


def _details(t: Translator, forms: FormSet, tally: Tally) -> str:
    _ = t.gettext
    parts = []
    if tally.situation is not None:
        parts.append(situation_text(t, forms, tally.situation))
    parts.append(
        _("{reported} dari {expected} instansi").format(
            reported=t.number(tally.reported_agencies), expected=t.number(tally.expected_agencies)
        )
    )
    if tally.groups > 1:
        parts.append(_("{count} grup").format(count=t.number(tally.groups)))
    parts += [_figure_text(t, forms, figure) for figure in tally.figures]
    return SEPARATOR.join(parts)


def _figure_text(t: Translator, forms: FormSet, figure: Figure) -> str:
    question = forms.questions[figure.question_id]
    if question.part_of is not None and figure.whole is not None:
        whole = forms.questions[question.part_of.question]
        return share_text(t, question, whole, figure.value, figure.whole)
    return answer_text(t, question, figure.value)
