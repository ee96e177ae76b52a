"""A liaison's way through a report form: answers, mistakes, skips, edits, and what they read."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from bot.domain.agencies import Agency
from bot.domain.forms import (
    ChoiceReply,
    FormProgress,
    KeepReply,
    OtherReply,
    Problem,
    ProblemCode,
    SkipReply,
    TextReply,
    answer,
    at_review,
    begin_edit,
    load_forms,
    resume,
    start,
)
from bot.domain.forms.definitions import Form, Question, QuestionKind
from bot.texts.form_texts import answer_text, problem_text, question_text, review_text
from bot.texts.i18n import translator

# The engine is tested against a forms file of its own, so the shipped questions
# can change without rewriting how the conversation behaves.
FORMS = load_forms(Path(__file__).resolve().parent / "support" / "forms" / "engine_forms.json")
KPU = FORMS.form_for(Agency.KPU)
POLRI = FORMS.form_for(Agency.POLRI)
DPRD = FORMS.form_for(Agency.DPRD)


@pytest.fixture
def t():
    return translator("id")


def round_tripped(progress: FormProgress) -> FormProgress:
    """What the handlers get back from the database's JSON column."""
    restored = FormProgress.from_json(json.loads(json.dumps(progress.to_json())))
    assert restored == progress
    assert restored.to_json() == progress.to_json()
    return restored


def reply(form: Form, progress: FormProgress, message) -> tuple[FormProgress, Problem | None]:
    """One message, with the progress stored and restored as the bot does between messages."""
    step = answer(form, progress, message)
    if step.problem is not None:
        assert step.progress == progress, "a refused reply must not change anything"
    return round_tripped(step.progress), step.problem


def fill(form: Form, *messages) -> FormProgress:
    progress = round_tripped(start(form))
    for message in messages:
        progress, problem = reply(form, progress, message)
        assert problem is None, (message, problem)
    return progress


def refused(form: Form, progress: FormProgress, message) -> Problem:
    after, problem = reply(form, progress, message)
    assert problem is not None
    assert after == progress
    return problem


KPU_COMPLETE = (
    ChoiceReply("situasi", "aman"),
    TextReply("87,5"),
    TextReply("100%"),
    TextReply("1.150"),
    TextReply("1.200"),
    SkipReply("kendala_logistik"),
)


# --- answering in order ------------------------------------------------------


def test_a_whole_report_is_asked_in_order_and_kept():
    progress = start(KPU)
    assert progress.current == "situasi" and progress.answers == {} and not at_review(progress)
    expected_current = [
        "logistik_kecamatan",
        "logistik_desa",
        "tps_siap",
        "jumlah_tps",
        "kendala_logistik",
        None,
    ]
    for message, current in zip(KPU_COMPLETE, expected_current, strict=True):
        progress, problem = reply(KPU, progress, message)
        assert problem is None and progress.current == current
    assert at_review(progress)
    assert progress.answers == {
        "situasi": "aman",
        "logistik_kecamatan": "87.5",
        "logistik_desa": 100,
        "tps_siap": 1150,
        "jumlah_tps": 1200,
        "kendala_logistik": None,
    }


@pytest.mark.parametrize("typed", ["aman", "AMAN", "  Aman ", "Waspada", "rawan"])
def test_a_choice_may_be_typed_instead_of_tapped(typed):
    progress = fill(POLRI, TextReply(typed))
    assert progress.answers["situasi"] == typed.strip().lower()


def test_a_choice_that_is_not_offered_is_refused():
    problem = refused(POLRI, start(POLRI), TextReply("aman sekali"))
    assert (problem.code, problem.question_id, problem.params["input"]) == (
        "choice_expected",
        "situasi",
        "aman sekali",
    )


def test_text_answers_are_cleaned_but_keep_their_lines():
    progress = fill(POLRI, ChoiceReply("situasi", "waspada"), TextReply("12"), TextReply("1"))
    progress, problem = reply(
        POLRI,
        progress,
        TextReply(
            "  Bentrok\u200b antar\x07 pendukung\u202e\t di desa A\r\nSudah ditangani.\u2066  "
        ),
    )
    assert problem is None
    assert (
        progress.answers["uraian_kejadian"]
        == "Bentrok antar pendukung  di desa A\nSudah ditangani."
    )


def test_text_limits():
    progress = fill(POLRI, ChoiceReply("situasi", "aman"), TextReply("12"), TextReply("1"))
    too_long = refused(POLRI, progress, TextReply("a" * 501))
    assert (too_long.code, too_long.params) == ("text_too_long", {"length": 501, "limit": 500})
    assert refused(POLRI, progress, TextReply(" \u200b\x00 ")).code == "text_empty"
    progress, problem = reply(POLRI, progress, TextReply("a" * 500))
    assert problem is None and progress.current == "tps_rawan"


# --- mistakes ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("dua belas", "not_a_number"),
        ("-5", "negative"),
        ("12.5", "ambiguous_separator"),
        ("1,200", "ambiguous_separator"),
        ("12,5", "decimal_not_allowed"),
        ("NaN", "not_a_number"),
        ("1e3", "not_a_number"),
        ("", "empty"),
        ("   ", "empty"),
        ("9" * 5000, "not_a_number"),
        ("2000000", "too_large"),
    ],
)
def test_number_mistakes_keep_earlier_answers(typed, code):
    progress = fill(POLRI, ChoiceReply("situasi", "rawan"))
    problem = refused(POLRI, progress, TextReply(typed))
    assert problem.code == code
    assert problem.question_id == "personel"
    assert problem.params["input"] == typed
    assert progress.answers == {"situasi": "rawan"}


def test_full_width_digits_are_accepted():
    progress = fill(POLRI, ChoiceReply("situasi", "aman"), TextReply("１．２００"))
    assert progress.answers["personel"] == 1200


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("150%", "too_large"),
        ("87.5", "ambiguous_separator"),
        ("-1", "negative"),
        ("separuh", "not_a_number"),
    ],
)
def test_percent_mistakes(typed, code):
    progress = fill(KPU, ChoiceReply("situasi", "aman"))
    assert refused(KPU, progress, TextReply(typed)).code == code


def test_a_sticker_is_not_an_answer():
    assert refused(POLRI, start(POLRI), OtherReply()).code == "choice_expected"
    progress = fill(POLRI, ChoiceReply("situasi", "aman"))
    assert refused(POLRI, progress, OtherReply()).code == "not_text"


def test_buttons_from_an_older_message_are_stale():
    progress = fill(POLRI, ChoiceReply("situasi", "aman"))
    assert refused(POLRI, progress, ChoiceReply("situasi", "rawan")).code == "stale_button"
    assert refused(POLRI, progress, SkipReply("tps_rawan")).code == "stale_button"
    assert refused(POLRI, start(POLRI), ChoiceReply("situasi", "gawat")).code == "stale_button"
    review = fill(DPRD, ChoiceReply("situasi", "aman"), SkipReply("catatan"))
    assert refused(DPRD, review, ChoiceReply("situasi", "rawan")).code == "stale_button"
    assert refused(DPRD, review, TextReply("halo")).code == "at_review"


# --- skipping ----------------------------------------------------------------


def test_optional_questions_can_be_skipped_required_ones_cannot():
    progress = fill(POLRI, ChoiceReply("situasi", "aman"))
    assert refused(POLRI, progress, SkipReply("personel")).code == "not_optional"
    progress = fill(POLRI, ChoiceReply("situasi", "aman"), TextReply("250"), TextReply("0"))
    progress, problem = reply(POLRI, progress, TextReply(" - "))  # a dash skips optional text
    assert problem is None and progress.answers["uraian_kejadian"] is None
    progress, problem = reply(POLRI, progress, SkipReply("tps_rawan"))
    assert problem is None and at_review(progress)
    assert progress.answers == {
        "situasi": "aman",
        "personel": 250,
        "kejadian": 0,
        "uraian_kejadian": None,
        "tps_rawan": None,
    }


def test_a_dash_is_an_answer_where_text_is_required():
    form = Form(
        Agency.DPRD, (Question("wajib", QuestionKind.TEXT, "Wajib?", "Wajib", max_length=10),)
    )
    progress = fill(form, TextReply("-"))
    assert progress.answers == {"wajib": "-"}


# --- cross-field checks ------------------------------------------------------


def test_ready_polling_stations_cannot_exceed_all_polling_stations():
    progress = fill(KPU, *KPU_COMPLETE[:4])  # 1.150 TPS siap
    problem = refused(KPU, progress, TextReply("1.000"))
    assert problem.code == "check_failed"
    assert problem.question_id == "jumlah_tps"
    assert (problem.params["left"], problem.params["right"]) == (1150, 1000)
    assert problem.params["other_id"] == "tps_siap"
    progress, problem = reply(KPU, progress, TextReply("1.150"))  # equal is fine
    assert problem is None and progress.current == "kendala_logistik"


def test_a_failed_check_mid_form_can_be_fixed_at_its_other_side():
    progress = fill(KPU, *KPU_COMPLETE[:3], TextReply("1.500"))  # typo: meant 150
    refused(KPU, progress, TextReply("1.200"))
    editing = round_tripped(begin_edit(KPU, progress, "tps_siap"))
    progress, problem = reply(KPU, editing, TextReply("150"))
    assert problem is None and progress.current == "jumlah_tps" and not progress.editing
    progress, problem = reply(KPU, progress, TextReply("1.200"))
    assert problem is None and progress.current == "kendala_logistik"
    with pytest.raises(ValueError):
        begin_edit(KPU, progress, "kendala_logistik")  # not answered yet


# --- editing from the review -------------------------------------------------


def test_edit_from_the_review_returns_to_the_review():
    review = fill(KPU, *KPU_COMPLETE)
    editing = round_tripped(begin_edit(KPU, review, "logistik_desa"))
    assert (editing.current, editing.editing) == ("logistik_desa", True)
    assert editing.answers == review.answers  # the old answer stays until replaced
    refused(KPU, editing, TextReply("seratus"))
    after, problem = reply(KPU, editing, TextReply("99,9"))
    assert problem is None
    assert at_review(after) and not after.editing
    assert after.answers == {**review.answers, "logistik_desa": "99.9"}


def test_an_edit_that_breaks_a_check_is_refused():
    review = fill(KPU, *KPU_COMPLETE)
    editing = begin_edit(KPU, review, "jumlah_tps")
    problem = refused(KPU, editing, TextReply("1.000"))
    assert (problem.code, problem.question_id) == ("check_failed", "jumlah_tps")
    editing = begin_edit(KPU, review, "tps_siap")
    assert refused(KPU, editing, TextReply("1.201")).code == "check_failed"


def test_an_optional_answer_can_be_skipped_while_editing():
    review = fill(
        POLRI,
        ChoiceReply("situasi", "aman"),
        TextReply("1"),
        TextReply("2"),
        TextReply("Pawai tanpa izin."),
        TextReply("3"),
    )
    after, problem = reply(
        POLRI, begin_edit(POLRI, review, "uraian_kejadian"), SkipReply("uraian_kejadian")
    )
    assert problem is None and at_review(after) and after.answers["uraian_kejadian"] is None


def test_begin_edit_refuses_unknown_questions():
    review = fill(DPRD, ChoiceReply("situasi", "aman"), SkipReply("catatan"))
    with pytest.raises(ValueError):
        begin_edit(DPRD, review, "personel")


# --- storage -----------------------------------------------------------------


def test_progress_json_is_plain_and_versioned():
    progress = fill(KPU, *KPU_COMPLETE[:2])
    assert progress.to_json() == {
        "version": 1,
        "answers": {"situasi": "aman", "logistik_kecamatan": "87.5"},
        "current": "logistik_desa",
        "editing": False,
    }


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"version": 2, "answers": {}, "current": None, "editing": False},
        {"version": 1, "answers": [], "current": None, "editing": False},
        {"version": 1, "answers": {"a": 1.5}, "current": None, "editing": False},
        {"version": 1, "answers": {"a": True}, "current": None, "editing": False},
        {"version": 1, "answers": {}, "current": 3, "editing": False},
        {"version": 1, "answers": {}, "current": None, "editing": "no"},
    ],
)
def test_malformed_stored_progress_is_refused(data):
    with pytest.raises(ValueError):
        FormProgress.from_json(data)


def test_progress_cannot_be_changed_behind_the_engines_back():
    progress = fill(DPRD, ChoiceReply("situasi", "aman"))
    with pytest.raises(TypeError):
        progress.answers["situasi"] = "rawan"


def test_resume_fits_old_progress_to_a_changed_form():
    stored = FormProgress({"situasi": "aman", "hilang": 3}, "dihapus")
    assert resume(DPRD, stored) == FormProgress({"situasi": "aman"}, "catatan")
    in_flight = FormProgress({"situasi": "aman"}, "catatan")
    assert resume(DPRD, in_flight) == in_flight


# --- what the liaison reads --------------------------------------------------


def test_question_texts(t):
    assert question_text(t, KPU, start(KPU)) == (
        "<b>Pertanyaan 1 dari 6</b>\nSituasi umum hari ini?\n"
        "<i>Pilih salah satu tombol di bawah.</i>"
    )
    progress = fill(POLRI, ChoiceReply("situasi", "aman"))
    assert question_text(t, POLRI, progress) == (
        "<b>Pertanyaan 2 dari 5</b>\nJumlah personel dikerahkan hari ini?\n"
        "<i>Ketik angka, misalnya 1.200.</i>"
    )
    progress = fill(KPU, ChoiceReply("situasi", "aman"))
    assert question_text(t, KPU, progress).endswith("<i>Ketik persentase 0–100, misalnya 87,5.</i>")
    progress = fill(POLRI, ChoiceReply("situasi", "aman"), TextReply("1"), TextReply("0"))
    assert question_text(t, POLRI, progress).endswith(
        "<i>Ketik jawaban singkat (paling banyak 500 karakter), atau tekan Lewati.</i>"
    )
    progress = fill(
        POLRI, ChoiceReply("situasi", "aman"), TextReply("1"), TextReply("0"), TextReply("-")
    )
    assert question_text(t, POLRI, progress).endswith(
        "<i>Ketik angka, misalnya 1.200, atau tekan Lewati.</i>"
    )


def test_question_text_while_editing_shows_the_current_answer(t):
    review = fill(KPU, *KPU_COMPLETE)
    assert question_text(t, KPU, begin_edit(KPU, review, "jumlah_tps")) == (
        "<b>Ubah jawaban: Jumlah TPS</b>\nJumlah TPS seluruhnya?\nJawaban sekarang: 1.200\n"
        "<i>Ketik angka, misalnya 1.200.</i>"
    )


def _problem_for(form: Form, progress: FormProgress, message) -> Problem:
    return refused(form, progress, message)


def test_problem_texts(t):
    personel = fill(POLRI, ChoiceReply("situasi", "aman"))
    assert problem_text(t, POLRI, _problem_for(POLRI, personel, TextReply("12.5"))) == (
        '"12.5" tidak dapat dibaca sebagai angka. Ketik bilangan bulat;'
        " gunakan titik sebagai pemisah ribuan, misalnya 1.200."
    )
    assert problem_text(t, POLRI, _problem_for(POLRI, personel, TextReply("1,200"))) == (
        '"1,200" tidak dapat dibaca sebagai angka. Ketik bilangan bulat;'
        " gunakan titik sebagai pemisah ribuan, misalnya 1.200."
    )
    assert problem_text(t, POLRI, _problem_for(POLRI, personel, TextReply("-5"))) == (
        "Angka untuk Personel tidak boleh negatif. Ketik 0 jika tidak ada."
    )
    assert problem_text(t, POLRI, _problem_for(POLRI, personel, TextReply("12,5"))) == (
        '"12,5" bukan bilangan bulat. Ketik tanpa koma desimal, misalnya 12; '
        "gunakan titik sebagai pemisah ribuan, misalnya 1.200."
    )
    assert problem_text(t, POLRI, _problem_for(POLRI, personel, TextReply("<b>banyak</b>"))) == (
        '"&lt;b&gt;banyak&lt;/b&gt;" bukan angka. Ketik angka, misalnya 1.200.'
    )
    assert problem_text(t, POLRI, _problem_for(POLRI, personel, TextReply("9" * 5000))) == (
        '"' + "9" * 39 + '…" bukan angka. Ketik angka, misalnya 1.200.'
    )
    assert problem_text(t, POLRI, _problem_for(POLRI, personel, TextReply("2.000.000"))) == (
        '"2.000.000" terlalu besar: angka untuk Personel paling banyak 1.000.000.'
    )
    assert problem_text(t, POLRI, _problem_for(POLRI, personel, OtherReply())) == (
        "Mohon jawab dengan pesan teks, bukan stiker, foto, atau berkas."
        " Ketik angka, misalnya 1.200."
    )
    assert problem_text(t, POLRI, _problem_for(POLRI, personel, SkipReply("personel"))) == (
        "Pertanyaan ini wajib dijawab dan tidak dapat dilewati. Ketik angka, misalnya 1.200."
    )
    assert problem_text(
        t, POLRI, _problem_for(POLRI, personel, ChoiceReply("situasi", "aman"))
    ) == ("Tombol itu sudah tidak berlaku. Silakan jawab pertanyaan terakhir.")
    assert problem_text(t, POLRI, _problem_for(POLRI, start(POLRI), TextReply("gawat"))) == (
        '"gawat" bukan salah satu pilihan. Tekan salah satu tombol: Aman, Waspada, Rawan.'
    )


def test_percent_and_text_problem_texts(t):
    kecamatan = fill(KPU, ChoiceReply("situasi", "aman"))
    assert problem_text(t, KPU, _problem_for(KPU, kecamatan, TextReply("150%"))) == (
        '"150%" melebihi 100%. Ketik persentase 0–100, misalnya 87,5.'
    )
    assert problem_text(t, KPU, _problem_for(KPU, kecamatan, TextReply("87.5"))) == (
        '"87.5" tidak dapat dibaca sebagai angka. '
        "Gunakan koma sebagai tanda desimal, misalnya 87,5."
    )
    uraian = fill(POLRI, ChoiceReply("situasi", "aman"), TextReply("1"), TextReply("0"))
    assert problem_text(t, POLRI, _problem_for(POLRI, uraian, TextReply("x" * 1234))) == (
        "Jawaban terlalu panjang: 1.234 karakter, paling banyak 500. Persingkat lalu kirim lagi."
    )


def test_check_failed_text(t):
    progress = fill(KPU, *KPU_COMPLETE[:4])
    assert problem_text(t, KPU, _problem_for(KPU, progress, TextReply("1.000"))) == (
        "Jumlah TPS siap (1.150) tidak boleh melebihi jumlah TPS seluruhnya (1.000)."
    )


def test_review_text(t):
    review = fill(KPU, *KPU_COMPLETE)
    assert review_text(t, KPU, review) == (
        "<b>Periksa laporan Anda</b>\n"
        "Situasi: Aman\n"
        "Logistik ke kecamatan: 87,5%\n"
        "Logistik ke desa/kelurahan: 100%\n"
        "TPS siap: 1.150\n"
        "Jumlah TPS: 1.200\n"
        "Kendala logistik: —\n"
        "\n"
        "Jika sudah benar, tekan Kirim. Tekan Ubah untuk mengganti jawaban, "
        "atau Batal untuk membatalkan laporan."
    )
    assert question_text(t, KPU, review) == review_text(t, KPU, review)


def test_user_text_is_escaped_in_the_review(t):
    review = fill(DPRD, ChoiceReply("situasi", "waspada"), TextReply("Rapat <i>besok</i> & lusa"))
    assert review_text(t, DPRD, review).splitlines()[1:3] == [
        "Situasi: Waspada",
        "Catatan: Rapat &lt;i&gt;besok&lt;/i&gt; &amp; lusa",
    ]


def test_answer_text(t):
    personel = POLRI.question("personel")
    assert answer_text(t, personel, 1200) == "1.200"
    assert answer_text(t, personel, None) == "—"
    assert answer_text(t, KPU.question("logistik_desa"), "87.5") == "87,5%"
    assert answer_text(t, KPU.question("situasi"), "rawan") == "Rawan"


def test_answers_read_in_english_for_an_english_group():
    t = translator("en")
    assert answer_text(t, POLRI.question("personel"), 1200) == "1,200"
    assert answer_text(t, KPU.question("logistik_desa"), "87.5") == "87.5%"


SHIPPED = load_forms()


def test_a_remembered_answer_is_offered_and_kept_with_one_tap():
    kpu = SHIPPED.form_for(Agency.KPU)
    progress = start(kpu, {"jumlah_tps": 1200, "tps_siap": 900, "kendala_logistik": "x"})
    assert progress.remembered == {"jumlah_tps": 1200}  # only remembered questions
    at_total = replace(progress, current="jumlah_tps")
    step = answer(kpu, at_total, KeepReply("jumlah_tps"))
    assert step.problem is None and step.progress.answers["jumlah_tps"] == 1200
    assert step.progress.remembered == {"jumlah_tps": 1200}  # kept through the form


@pytest.mark.parametrize(
    ("last", "current", "tapped"),
    [
        ({}, "jumlah_tps", "jumlah_tps"),  # nothing remembered: a forged button
        ({"jumlah_tps": 1200}, "tps_siap", "tps_siap"),  # a question that is not remembered
        ({"jumlah_tps": 1200}, "tps_siap", "jumlah_tps"),  # another question's button
        ({"jumlah_tps": 5_000_000}, "jumlah_tps", "jumlah_tps"),  # no longer fits the bounds
    ],
)
def test_a_keep_button_that_does_not_fit_is_stale(last, current, tapped):
    kpu = SHIPPED.form_for(Agency.KPU)
    progress = replace(start(kpu, last), current=current)
    step = answer(kpu, progress, KeepReply(tapped))
    assert step.problem is not None and step.problem.code == ProblemCode.STALE_BUTTON
    assert step.progress == progress
