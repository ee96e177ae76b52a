"""What the liaison reads during a report: the question, why a reply was refused, the review.

Every explanation carries an example of a reply that works, because the
person reading it is often typing on a phone between two duties and should
get it right on the second try. Output is Telegram HTML: anything from the
forms file or from the user is escaped here.

Examples of typed numbers ("1.200", "87,5") stay in the Indonesian format in
every language: input is always read that way (see ``bot.domain.forms.numbers``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bot.domain.forms.definitions import (
    DEFAULT_MAXIMUM,
    DEFAULT_MINIMUM,
    Form,
    Question,
    QuestionKind,
)
from bot.domain.forms.engine import Answer, FormProgress, Problem, ProblemCode
from bot.domain.user_input import clean_line
from bot.texts.html import escape, shorten
from bot.texts.i18n import Translator

SKIPPED = "—"
QUOTE_LIMIT = 40


def question_text(t: Translator, form: Form, progress: FormProgress) -> str:
    """The current question with its number, or its current answer when editing.

    At the review (no current question) this is the review itself.
    """
    if progress.current is None:
        return review_text(t, form, progress)
    _ = t.gettext
    question = form.question(progress.current)
    if progress.editing:
        lines = [_("<b>Ubah jawaban: {label}</b>").format(label=_data(t, question.label))]
    else:
        number = form.questions.index(question) + 1
        lines = [
            _("<b>Pertanyaan {number} dari {total}</b>").format(
                number=t.number(number), total=t.number(len(form.questions))
            )
        ]
    lines.append(_data(t, question.prompt))
    if progress.editing and question.id in progress.answers:
        current = answer_text(t, question, progress.answers[question.id])
        lines.append(_("Jawaban sekarang: {answer}").format(answer=current))
    lines.append(f"<i>{_hint(t, question)}</i>")
    return "\n".join(lines)


def _hint(t: Translator, question: Question) -> str:
    """How to answer this kind of question, with an example."""
    _ = t.gettext
    optional = question.optional
    if question.kind is QuestionKind.CHOICE:
        if optional:
            return _("Pilih salah satu tombol di bawah, atau tekan Lewati.")
        return _("Pilih salah satu tombol di bawah.")
    if question.kind is QuestionKind.NUMBER:
        minimum, maximum = question.bounds
        if (minimum, maximum) != (DEFAULT_MINIMUM, DEFAULT_MAXIMUM):
            values = {"minimum": t.number(minimum), "maximum": t.number(maximum)}
            if optional:
                return _("Ketik angka {minimum} sampai {maximum}, atau tekan Lewati.").format(
                    **values
                )
            return _("Ketik angka {minimum} sampai {maximum}.").format(**values)
        if optional:
            # TRANSLATORS: numbers are typed the Indonesian way in every language: keep "1.200".
            return _("Ketik angka, misalnya 1.200, atau tekan Lewati.")
        # TRANSLATORS: numbers are typed the Indonesian way in every language: keep "1.200".
        return _("Ketik angka, misalnya 1.200.")
    if question.kind is QuestionKind.PERCENT:
        if optional:
            # TRANSLATORS: numbers are typed the Indonesian way in every language: keep "87,5".
            return _("Ketik persentase 0–100, misalnya 87,5, atau tekan Lewati.")
        # TRANSLATORS: numbers are typed the Indonesian way in every language: keep "87,5".
        return _("Ketik persentase 0–100, misalnya 87,5.")
    limit = t.number(question.length_limit)
    if optional:
        return _("Ketik jawaban singkat (maks. {limit} karakter), atau tekan Lewati.").format(
            limit=limit
        )
    return _("Ketik jawaban singkat (maks. {limit} karakter).").format(limit=limit)


def problem_text(t: Translator, form: Form, problem: Problem) -> str:
    """Why the reply was refused, politely, and what would be accepted."""
    _ = t.gettext
    code = problem.code
    params = problem.params
    if code == ProblemCode.STALE_BUTTON:
        return _(
            "Tombol itu sudah tidak berlaku. Silakan jawab pertanyaan yang terakhir ditanyakan."
        )
    if code == ProblemCode.AT_REVIEW:
        return _(
            "Semua pertanyaan sudah terjawab. Tekan Kirim untuk mengirim laporan, "
            "Ubah untuk mengganti jawaban, atau Batal."
        )
    try:
        question = form.question(problem.question_id)
    except KeyError:
        return _("Jawaban belum bisa diterima. Silakan coba lagi.")
    hint = _hint(t, question)
    quoted = _quote(params.get("input", ""))
    label = _data(t, question.label)
    percent = question.kind is QuestionKind.PERCENT
    if code == ProblemCode.EMPTY or code == ProblemCode.TEXT_EMPTY:
        return _("Jawaban masih kosong.") + " " + hint
    if code == ProblemCode.NOT_A_NUMBER:
        if percent:
            return _("«{input}» bukan persentase.").format(input=quoted) + " " + hint
        return _("«{input}» bukan angka.").format(input=quoted) + " " + hint
    if code == ProblemCode.NEGATIVE:
        if percent:
            return _("Persentase tidak boleh negatif.") + " " + hint
        return _("Angka untuk {label} tidak boleh negatif. Ketik 0 jika tidak ada.").format(
            label=label
        )
    if code == ProblemCode.TOO_SMALL:
        return _("Angka untuk {label} paling sedikit {minimum}.").format(
            label=label, minimum=t.number(question.bounds[0])
        )
    if code == ProblemCode.TOO_LARGE:
        if percent:
            return _("«{input}» melebihi 100%.").format(input=quoted) + " " + hint
        return _("«{input}» terlalu besar: angka untuk {label} paling banyak {maximum}.").format(
            input=quoted, label=label, maximum=t.number(question.bounds[1])
        )
    if code == ProblemCode.AMBIGUOUS_SEPARATOR:
        if percent:
            # TRANSLATORS: numbers are typed the Indonesian way in every language: keep "87,5".
            return _(
                "«{input}» bukan angka yang jelas. Untuk desimal pakai koma, misalnya 87,5."
            ).format(input=quoted)
        # TRANSLATORS: numbers are typed the Indonesian way in every language: keep "1.200".
        return _(
            "«{input}» bukan angka yang jelas. Ketik bilangan bulat; untuk ribuan pakai titik, "
            "misalnya 1.200."
        ).format(input=quoted)
    if code == ProblemCode.TOO_PRECISE:
        # TRANSLATORS: numbers are typed the Indonesian way in every language: keep "87,5".
        return _(
            "«{input}» terlalu rinci. Tulis persentase dengan paling banyak satu angka di "
            "belakang koma, misalnya 87,5."
        ).format(input=quoted)
    if code == ProblemCode.DECIMAL_NOT_ALLOWED:
        # TRANSLATORS: numbers are typed the Indonesian way in every language:
        # keep "12" and "1.200".
        return _(
            "«{input}» bukan bilangan bulat. Ketik tanpa koma desimal, misalnya 12; "
            "untuk ribuan pakai titik, misalnya 1.200."
        ).format(input=quoted)
    if code == ProblemCode.TEXT_TOO_LONG:
        return _(
            "Jawaban terlalu panjang: {length} karakter, paling banyak {limit}. "
            "Persingkat lalu kirim lagi."
        ).format(
            length=t.number(int(str(params.get("length", 0)))),
            limit=t.number(question.length_limit),
        )
    if code == ProblemCode.CHOICE_EXPECTED:
        choices = ", ".join(_data(t, choice.label) for choice in question.choices)
        if quoted:
            return _(
                "«{input}» bukan salah satu pilihan. Tekan salah satu tombol: {choices}."
            ).format(input=quoted, choices=choices)
        return _("Tekan salah satu tombol: {choices}.").format(choices=choices)
    if code == ProblemCode.NOT_TEXT:
        return _("Mohon jawab dengan pesan teks, bukan stiker, foto, atau berkas.") + " " + hint
    if code == ProblemCode.NOT_OPTIONAL:
        return _("Pertanyaan ini wajib dijawab, tidak bisa dilewati.") + " " + hint
    if code == ProblemCode.CHECK_FAILED:
        return _check_message(t, form, params)
    return _("Jawaban belum bisa diterima. Silakan coba lagi.") + " " + hint


def _check_message(t: Translator, form: Form, params) -> str:
    """The check's own message from the forms file, filled with both answers."""
    left = form.question(params["left_id"])
    right = form.question(params["right_id"])
    values = {
        "left": answer_text(t, left, params["left"]),
        "right": answer_text(t, right, params["right"]),
        "left_label": _data(t, left.label),
        "right_label": _data(t, right.label),
    }
    message = params["message"]
    try:
        return escape(t.gettext(message)).format(**values)
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder must not hide the message;
        # the source was checked when the forms file was loaded.
        return escape(message).format(**values)


def answer_text(t: Translator, question: Question, value: Answer) -> str:
    """An answer as shown in the review: "1.200", "87,5%", "Aman", "—" for skipped."""
    if value is None:
        return SKIPPED
    if question.kind is QuestionKind.CHOICE:
        choice = question.choice(str(value))
        return _data(t, choice.label) if choice else escape(value)
    if question.kind is QuestionKind.NUMBER:
        return t.number(Decimal(str(value)))
    if question.kind is QuestionKind.PERCENT:
        return t.percent(Decimal(str(value)))
    return escape(value)


def review_text(t: Translator, form: Form, progress: FormProgress) -> str:
    """Every answer, one line each, before the liaison sends the report."""
    _ = t.gettext
    lines = [_("<b>Periksa laporan Anda</b>")]
    for question in form.questions:
        value = progress.answers.get(question.id)
        lines.append(f"{_data(t, question.label)}: {answer_text(t, question, value)}")
    lines.append("")
    lines.append(
        _(
            "Jika sudah benar, tekan Kirim. Tekan Ubah untuk mengganti jawaban, "
            "atau Batal untuk membatalkan laporan."
        )
    )
    return "\n".join(lines)


def _data(t: Translator, text: str) -> str:
    """A prompt or label from the forms file, translated and escaped."""
    return escape(t.gettext(text))


def _quote(raw: object) -> str:
    """Enough of the user's input to recognise it, on one line and escaped."""
    return escape(shorten(clean_line(str(raw)), QUOTE_LIMIT))


def report_day_line(t: Translator, day: date, today: date, correcting: bool) -> str:
    """Which day a form chosen for a day is about: a correction, or yesterday's late report."""
    _ = t.gettext
    if correcting:
        return _("<b>Perbaikan laporan untuk {date}</b>").format(date=t.full_date(day))
    if day < today:
        return _("<b>Laporan untuk {date} (terlambat)</b>").format(date=t.full_date(day))
    return _("<b>Laporan untuk {date}</b>").format(date=t.full_date(day))
