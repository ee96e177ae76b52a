"""The forms file: the shipped default, the operator's mistakes, and catalog extraction."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from bot.devtools.catalogs import METHOD_MAP
from bot.devtools.forms_extract import extract_forms
from bot.domain.agencies import Agency
from bot.domain.forms import (
    DEFAULT_FORMS_PATH,
    Choice,
    FormsFileError,
    QuestionKind,
    load_forms,
)

SITUASI = {
    "id": "situasi",
    "kind": "choice",
    "prompt": "Bagaimana situasi di wilayah tugas Anda hari ini?",
    "label": "Situasi",
    "choices": [{"value": "aman", "label": "Aman"}, {"value": "rawan", "label": "Rawan"}],
}


SITUATION = {
    "question": "situasi",
    "levels": [{"value": "aman", "emoji": "🟢"}, {"value": "rawan", "emoji": "🔴"}],
}


def minimal() -> dict:
    """The smallest valid file: the situation question, every agency present."""
    return {
        "version": 1,
        "situation": copy.deepcopy(SITUATION),
        "common": [copy.deepcopy(SITUASI)],
        "forms": {agency.value: {"questions": []} for agency in Agency},
    }


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "forms.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def load_error(tmp_path: Path, data) -> str:
    with pytest.raises(FormsFileError) as caught:
        load_forms(write(tmp_path, data))
    message = str(caught.value)
    assert str(tmp_path / "forms.json") in message
    return message


def test_default_forms_cover_every_agency_with_the_agreed_ids():
    forms = load_forms()
    assert set(forms.forms) == set(Agency)
    before = forms.for_day("sebelum_hari_h", "kampanye")
    ids = {agency: [q.id for q in before.form_for(agency).questions] for agency in Agency}
    # Every form begins with the situation and ends with the follow-up question.
    # Before polling day: logistics down to the TPS.
    assert ids == {
        Agency.PEMDA: [
            "situasi",
            "sarpras",
            "catatan_netralitas_asn",
            "catatan",
            "tindak_lanjut",
        ],
        Agency.TNI: [
            "situasi",
            "personel",
            "personel_bko",
            "kejadian",
            "uraian_kejadian",
            "catatan",
            "tindak_lanjut",
        ],
        Agency.POLRI: [
            "situasi",
            "personel",
            "kejadian",
            "uraian_kejadian",
            "tps_kurang_rawan",
            "tps_rawan",
            "tps_sangat_rawan",
            "catatan",
            "tindak_lanjut",
        ],
        Agency.KPU: [
            "situasi",
            "logistik_kecamatan",
            "logistik_desa",
            "logistik_tps",
            "tps_siap",
            "jumlah_tps",
            "surat_suara_kurang",
            "surat_suara_diganti",
            "c_pemberitahuan",
            "wilayah_belum_lengkap",
            "kendala_logistik",
            "tindak_lanjut",
        ],
        Agency.BAWASLU: [
            "situasi",
            "pelanggaran",
            "politik_uang",
            "hoaks",
            "kampanye_hitam",
            "netralitas_asn",
            "catatan",
            "tindak_lanjut",
        ],
        Agency.KEJAKSAAN: ["situasi", "perkara_pidana", "catatan", "tindak_lanjut"],
        Agency.DPRD: ["situasi", "catatan", "tindak_lanjut"],
    }


def ids_on(phase: str, stage_id: str | None, agency: Agency) -> list[str]:
    return [q.id for q in load_forms().for_day(phase, stage_id).form_for(agency).questions]


def test_polling_day_asks_about_the_tps_and_turnout():
    assert ids_on("hari_h", "pemungutan", Agency.KPU) == [
        "situasi",
        "tps_siap",
        "jumlah_tps",
        "tps_buka_tepat",
        "partisipasi",
        "tindak_lanjut",
    ]
    assert "kejadian_tps" in ids_on("hari_h", "pemungutan", Agency.POLRI)
    assert "kejadian_tps" not in ids_on("sebelum_hari_h", "masa_tenang", Agency.POLRI)


def test_the_count_asks_about_the_recapitulation_and_re_votes():
    assert ids_on("setelah_hari_h", "rekap_kabkota", Agency.KPU) == [
        "situasi",
        "rekap_ppk",
        "rekap_kabkota",
        "kotak_kembali",
        "keberatan",
        "kendala_rekap",
        "tindak_lanjut",
    ]
    # A day after the group's own recapitulation, in no stage, asks the same.
    assert ids_on("setelah_hari_h", None, Agency.KPU) == ids_on(
        "setelah_hari_h", "rekap_kabkota", Agency.KPU
    )
    assert "rekomendasi_psu" in ids_on("setelah_hari_h", "rekap_kecamatan", Agency.BAWASLU)
    assert "rekomendasi_psu" not in ids_on("sebelum_hari_h", "kampanye", Agency.BAWASLU)


@pytest.mark.parametrize(
    ("phase", "stage_id"),
    [("sebelum_hari_h", "kampanye"), ("hari_h", "pemungutan"), ("setelah_hari_h", None)],
)
def test_bawaslu_and_polri_keep_their_counts_through_every_stage(phase, stage_id):
    assert {"pelanggaran", "politik_uang", "hoaks", "netralitas_asn"} <= set(
        ids_on(phase, stage_id, Agency.BAWASLU)
    )
    assert {"personel", "kejadian"} <= set(ids_on(phase, stage_id, Agency.POLRI))


def test_default_question_details():
    forms = load_forms()
    tni = forms.form_for(Agency.TNI)
    situasi = tni.question("situasi")
    assert situasi.kind is QuestionKind.CHOICE
    assert situasi.choices == (
        Choice("aman", "Aman"),
        Choice("waspada", "Waspada"),
        Choice("rawan", "Rawan"),
    )
    personel = tni.question("personel")
    assert (personel.kind, personel.minimum, personel.maximum, personel.optional) == (
        QuestionKind.NUMBER,
        0,
        1_000_000,
        False,
    )
    uraian = tni.question("uraian_kejadian")
    assert (uraian.kind, uraian.max_length, uraian.optional) == (QuestionKind.TEXT, 500, True)
    assert tni.question("personel_bko").optional
    polri = forms.form_for(Agency.POLRI)
    assert polri.question("tps_rawan").optional and polri.question("tps_rawan").remember
    kpu = forms.form_for(Agency.KPU)
    assert kpu.question("logistik_desa").kind is QuestionKind.PERCENT
    assert [(c.rule, c.left, c.right) for c in kpu.checks] == [
        ("lte", "tps_siap", "jumlah_tps"),
        ("lte", "surat_suara_diganti", "surat_suara_kurang"),
    ]
    assert kpu.labels["logistik_desa"] == "Logistik tiba di desa/kelurahan (PPS)"
    assert kpu.question("jumlah_tps").remember and not kpu.question("tps_siap").remember
    assert forms.form_for(Agency.PEMDA).labels == {
        "situasi": "Situasi",
        "sarpras": "Dukungan sarpras untuk KPU dan Bawaslu",
        "catatan_netralitas_asn": "Catatan netralitas ASN",
        "catatan": "Catatan lain",
        "tindak_lanjut": "Perlu tindak lanjut",
    }
    assert [c.label for c in forms.form_for(Agency.PEMDA).question("sarpras").choices] == [
        "Siap",
        "Sebagian siap",
        "Belum siap",
    ]
    assert forms.follow_up == "tindak_lanjut"
    with pytest.raises(KeyError):
        kpu.question("personel")


def test_a_custom_file_replaces_the_default(tmp_path):
    data = minimal()
    data["forms"]["dprd"]["questions"] = [
        {
            "id": "partisipasi",
            "kind": "percent",
            "prompt": "Perkiraan partisipasi?",
            "label": "Partisipasi",
        },
        {"id": "rapat", "kind": "number", "prompt": "Rapat?", "label": "Rapat", "min": 1, "max": 9},
        {
            "id": "kesimpulan",
            "kind": "text",
            "prompt": "Kesimpulan?",
            "label": "Kesimpulan",
            "max_length": 80,
        },
    ]
    dprd = load_forms(write(tmp_path, data)).form_for(Agency.DPRD)
    assert [q.id for q in dprd.questions] == ["situasi", "partisipasi", "rapat", "kesimpulan"]
    assert (dprd.question("partisipasi").minimum, dprd.question("partisipasi").maximum) == (0, 100)
    assert (dprd.question("rapat").minimum, dprd.question("rapat").maximum) == (1, 9)
    assert dprd.question("kesimpulan").max_length == 80


def _mutated(change) -> dict:
    data = minimal()
    change(data)
    return data


def _add(agency: str, *questions, checks=None):
    def change(data):
        data["forms"][agency]["questions"] = list(questions)
        if checks is not None:
            data["forms"][agency]["checks"] = checks

    return change


NUMBER_A = {"id": "a", "kind": "number", "prompt": "A?", "label": "A"}
NUMBER_B = {"id": "b", "kind": "number", "prompt": "B?", "label": "B"}
TEXT_C = {"id": "c", "kind": "text", "prompt": "C?", "label": "C"}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(version=2), "'version' must be 1"),
        (lambda d: d.update(version=True), "'version' must be 1"),
        (lambda d: d["forms"].pop("kpu"), "no form for ['kpu']"),
        (lambda d: d["forms"].update(polda={"questions": []}), "unknown agencies ['polda']"),
        (lambda d: d.update(common=[]), "form 'pemda': has no questions"),
        (_add("tni", {**NUMBER_A, "id": "Personel"}), "form 'tni', question 1: 'id' must match"),
        (_add("tni", {**NUMBER_A, "id": "a" * 25}), "'id' must match"),
        (_add("tni", NUMBER_A, NUMBER_A), "form 'tni': question id 'a' is used twice"),
        (
            _add("tni", {**NUMBER_A, "id": "situasi"}),
            "form 'tni': question ids ['situasi'] are already used",
        ),
        (
            _add("tni", {**NUMBER_A, "kind": "date"}),
            "form 'tni', question 'a': 'kind' must be one of",
        ),
        (_add("tni", {**NUMBER_A, "prompt": " "}), "question 'a': 'prompt' must be non-empty"),
        (
            _add("tni", {k: v for k, v in NUMBER_A.items() if k != "label"}),
            "question 'a': missing ['label']",
        ),
        (_add("tni", {**NUMBER_A, "maks": 5}), "question 'a': unexpected keys ['maks']"),
        (_add("tni", {**TEXT_C, "min": 0}), "question 'c': unexpected keys ['min']"),
        (_add("tni", {**NUMBER_A, "min": 10, "max": 5}), "'min' (10) is greater than 'max' (5)"),
        (_add("tni", {**NUMBER_A, "min": -1}), "'min' must not be negative"),
        (_add("tni", {**NUMBER_A, "max": 2.5}), "'max' must be a whole number"),
        (_add("tni", {**NUMBER_A, "optional": "ya"}), "'optional' must be true or false"),
        (_add("tni", {**TEXT_C, "max_length": 0}), "'max_length' must be 1 to 2000"),
        (
            _add("tni", {**SITUASI, "id": "s", "choices": []}),
            "question 's': 'choices' must not be empty",
        ),
        (
            _add("tni", {**SITUASI, "id": "s", "choices": [{"value": "Aman!", "label": "Aman"}]}),
            "question 's', choice 1: 'value' must match",
        ),
        (
            _add("tni", {**SITUASI, "id": "s", "choices": [{"value": "x" * 17, "label": "X"}]}),
            "'value' must match",
        ),
        (
            _add(
                "tni",
                {
                    **SITUASI,
                    "id": "s",
                    "choices": [{"value": "a", "label": "Ya"}, {"value": "b", "label": "ya"}],
                },
            ),
            "choices 'a' and 'b' both read 'ya'",
        ),
        (
            _add(
                "kpu",
                NUMBER_A,
                NUMBER_B,
                checks=[{"rule": "lt", "left": "a", "right": "b", "message": "m"}],
            ),
            "form 'kpu', check 1: 'rule' must be one of",
        ),
        (
            _add(
                "kpu",
                NUMBER_A,
                checks=[{"rule": "lte", "left": "a", "right": "zz", "message": "m"}],
            ),
            "'right' names no question of this form: 'zz'",
        ),
        (
            _add(
                "kpu",
                NUMBER_A,
                TEXT_C,
                checks=[{"rule": "lte", "left": "a", "right": "c", "message": "m"}],
            ),
            "'right' question 'c' is text, not number or percent",
        ),
        (
            _add(
                "kpu",
                NUMBER_A,
                checks=[{"rule": "lte", "left": "a", "right": "situasi", "message": "m"}],
            ),
            "'right' question 'situasi' is choice",
        ),
        (
            _add(
                "kpu",
                NUMBER_A,
                NUMBER_B,
                checks=[{"rule": "lte", "left": "a", "right": "b", "message": "{rigth}"}],
            ),
            "unknown placeholders ['rigth']",
        ),
        (
            _add(
                "kpu",
                NUMBER_A,
                NUMBER_B,
                checks=[{"rule": "lte", "left": "a", "right": "b", "message": "{left"}],
            ),
            "braces do not pair up",
        ),
        (
            _add(
                "kpu", NUMBER_A, checks=[{"rule": "lte", "left": "a", "right": "a", "message": "m"}]
            ),
            "'left' and 'right' are the same question",
        ),
    ],
)
def test_mistakes_in_the_file_are_named(tmp_path, change, expected):
    assert expected in load_error(tmp_path, _mutated(change))


def _situation(**changes):
    return lambda data: data["situation"].update(changes)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("situation"), 'no situation question: add "situation"'),
        (_situation(question="cuaca"), "'situation': 'question' must name a question of 'common'"),
        (
            _situation(
                levels=[{"value": "rawan", "emoji": "🔴"}, {"value": "aman", "emoji": "🟢"}]
            ),
            "'levels' must list each choice of 'situasi' once, in the order of its choices",
        ),
        (
            _situation(levels=[{"value": "aman", "emoji": "🟢"}, {"value": "rawan"}]),
            "'situation', level 2: missing ['emoji']",
        ),
        (
            _situation(
                levels=[
                    {"value": "aman", "emoji": "aman sekali ya"},
                    {"value": "rawan", "emoji": "🔴"},
                ]
            ),
            "'emoji' must be one emoji",
        ),
        (
            lambda d: (
                d["common"].append({**NUMBER_A, "id": "skor"})
                or d["situation"].update(question="skor")
            ),
            "question 'skor' is number, not choice",
        ),
        (
            _add("tni", {**NUMBER_A, "combine": "median"}),
            "question 'a': 'combine' must be one of ['sum', 'min', 'max', 'average', 'latest', "
            "'worst', 'all'], found 'median'",
        ),
        (
            _add("tni", {**TEXT_C, "combine": "sum"}),
            "question 'c': 'combine' 'sum' does not fit a text question; use one of ['all', "
            "'latest']",
        ),
        (
            _add("tni", {**TEXT_C, "unit": "personel"}),
            "form 'tni', question 'c': 'unit' is for number and percent questions, not text",
        ),
        (
            _add("tni", {**NUMBER_A, "kind": "percent", "unit": "TPS"}),
            "a percent question's 'unit' is '%', found 'TPS'",
        ),
        (
            lambda d: d.update(headlines=["personel"]),
            "'headlines', item 1: names no question of any form: 'personel'",
        ),
        (
            lambda d: d.update(headlines=["situasi"]),
            "'situasi' is a choice question; headlines are figures",
        ),
        (
            lambda d: d.update(charts={"peta": ["situasi"]}),
            "'charts' has an unknown topic 'peta'; known: ['jumlah', 'logistik']",
        ),
        (
            lambda d: d.update(charts={"jumlah": ["personel"]}),
            "'charts': 'jumlah', item 1: names no question of any form: 'personel'",
        ),
        (
            lambda d: d.update(charts={"logistik": ["situasi"]}),
            "'situasi' is a choice question; 'logistik' draws percent questions",
        ),
        (
            _add("tni", {**NUMBER_A, "summary": "A: {nilai}"}),
            "question 'a': 'summary': unknown placeholders ['nilai']; allowed: ['label', 'unit', "
            "'value']",
        ),
        (
            _add("tni", NUMBER_A, {**TEXT_C, "attach_to": "x"}),
            "question 'c': 'attach_to' names no other question of this form: 'x'",
        ),
        (
            _add(
                "tni",
                {
                    **NUMBER_A,
                    "part_of": {
                        "question": "c",
                        "summary": "{value} dari {total}",
                        "summary_if_total_zero": "{value}",
                    },
                },
                TEXT_C,
            ),
            "question 'a': 'part_of' question 'c' is text, not number",
        ),
        (
            lambda d: (
                d["forms"]["tni"].update(questions=[{**NUMBER_A, "unit": "personel"}]),
                d["forms"]["polri"].update(questions=[{**NUMBER_A, "unit": "orang"}]),
            ),
            "question 'a' means different things in forms 'tni' and 'polri'",
        ),
    ],
)
def test_meaning_mistakes_are_named(tmp_path, change, expected):
    assert expected in load_error(tmp_path, _mutated(change))


def test_the_default_forms_declare_what_each_answer_means():
    forms = load_forms()
    assert forms.situation.question_id == "situasi"
    assert [(level.value, level.emoji) for level in forms.situation.levels] == [
        ("aman", "🟢"),
        ("waspada", "🟡"),
        ("rawan", "🔴"),
    ]
    assert forms.headlines == (
        "personel",
        "kejadian",
        "logistik_kecamatan",
        "logistik_desa",
        "logistik_tps",
        "tps_siap",
        "partisipasi",
        "rekap_ppk",
        "pelanggaran",
        "perkara_pidana",
    )
    questions = forms.questions
    assert (questions["personel"].unit, questions["personel"].combine_rule) == ("personel", "sum")
    assert questions["personel"].headline and not questions["jumlah_tps"].headline
    assert (questions["logistik_desa"].unit, questions["logistik_desa"].combine_rule) == (
        "%",
        "average",
    )
    assert questions["situasi"].combine_rule == "worst"
    assert questions["sarpras"].combine_rule == "worst"
    assert questions["uraian_kejadian"].attach_to == "kejadian"
    assert questions["tps_siap"].part_of.question == "jumlah_tps"
    assert questions["catatan"].combine_rule == "all" and questions["catatan"].closing


def test_a_check_on_another_forms_question_is_refused(tmp_path):
    def change(data):
        data["forms"]["tni"]["questions"] = [NUMBER_A]
        data["forms"]["kpu"]["questions"] = [NUMBER_B]
        data["forms"]["kpu"]["checks"] = [
            {"rule": "lte", "left": "a", "right": "b", "message": "m"}
        ]

    assert "form 'kpu', check 1: 'left' names no question" in load_error(tmp_path, _mutated(change))


def test_broken_json_and_missing_files(tmp_path):
    assert "not valid JSON (line 1" in load_error(tmp_path, '{"version": 1,')
    assert "must be a JSON object" in load_error(tmp_path, "[]")
    with pytest.raises(FormsFileError, match="cannot be read"):
        load_forms(tmp_path / "absent.json")


def _default_strings() -> set[str]:
    data = json.loads(DEFAULT_FORMS_PATH.read_text(encoding="utf-8"))
    questions = data["common"] + [data["follow_up"]]
    questions += [q for form in data["forms"].values() for q in form["questions"]]
    strings = {
        q[key] for q in questions for key in ("prompt", "label", "unit", "summary") if key in q
    }
    strings |= {
        c[key]
        for q in questions
        for c in q.get("choices", [])
        for key in ("label", "summary")
        if key in c
    }
    strings |= {
        q["part_of"][key]
        for q in questions
        if "part_of" in q
        for key in ("summary", "summary_if_total_zero")
    }
    strings |= {c["message"] for form in data["forms"].values() for c in form.get("checks", [])}
    return strings


def test_extractor_yields_every_string_of_the_default_file():
    with DEFAULT_FORMS_PATH.open("rb") as fileobj:
        extracted = list(extract_forms(fileobj, ["_"], ["TRANSLATORS:"], {}))
    messages = {message for _, _, message, _ in extracted}
    assert messages == _default_strings()
    assert {
        "Jumlah personel Polri yang dikerahkan hari ini?",
        "Personel yang dikerahkan",
        "Waspada",
        "Sebagian siap",
        "Jumlah TPS dengan logistik lengkap ({left}) tidak boleh melebihi jumlah seluruh TPS "
        "({right}).",
        "Persoalan yang perlu dibahas atau ditindaklanjuti Forkopimda?",
    } <= messages
    lines = DEFAULT_FORMS_PATH.read_text(encoding="utf-8").splitlines()
    for lineno, funcname, message, comments in extracted:
        assert funcname is None
        assert json.dumps(message, ensure_ascii=False) in lines[lineno - 1]
        assert comments and comments[0].startswith("Forms file")


def test_extractor_is_lenient_with_half_written_files():
    text = json.dumps(
        {
            "version": 1,
            "forms": {
                "tni": {"questions": [{"id": "x", "prompt": "Apa?"}, "nonsense", {"label": ""}]}
            },
        }
    )
    extracted = list(extract_forms(io.BytesIO(text.encode()), [], [], {}))
    assert [message for _, _, message, _ in extracted] == ["Apa?"]


def test_babel_method_map_entry_works():
    """The catalog updater's own method map finds the shipped forms file and reads it whole."""
    bot_dir = DEFAULT_FORMS_PATH.parents[2]
    extracted = {
        (filename, message)
        for filename, _, message, _, _ in extract_from_dir(bot_dir, method_map=METHOD_MAP)
        if filename.endswith(".json")
    }
    found = {(name, message) for name, message in extracted if name.startswith("domain/forms/")}
    assert ("domain/forms/default_forms.json", "Jumlah seluruh TPS?") in found
    assert {message for _, message in found} == _default_strings()
    # The incident categories' labels are extracted from their own file.
    assert ("domain/incidents/default_categories.json", "Politik uang") in extracted


# -- stages: a question (or a whole form) asked only in some stages of the election ----------

TPS = {"id": "jumlah_tps", "kind": "number", "prompt": "Jumlah TPS?", "label": "Jumlah TPS"}
OPENED = {
    "id": "tps_buka",
    "kind": "number",
    "prompt": "TPS dibuka tepat waktu?",
    "label": "TPS dibuka",
    "stages": ["hari_h"],
    "part_of": {
        "question": "jumlah_tps",
        "summary": "{value} dari {total}",
        "summary_if_total_zero": "{value} dari {total}",
    },
}


def test_a_question_is_asked_in_the_stages_it_names(tmp_path):
    data = minimal()
    data["forms"]["kpu"]["questions"] = [
        TPS,
        OPENED,
        {
            "id": "rekap",
            "kind": "percent",
            "prompt": "Rekap?",
            "label": "Rekap",
            "stages": ["rekap_kecamatan", "rekap_kabkota"],
        },
    ]
    forms = load_forms(write(tmp_path, data))
    asked = {
        (phase, stage): [q.id for q in forms.for_day(phase, stage).form_for(Agency.KPU).questions]
        for phase, stage in (
            ("sebelum_hari_h", "kampanye"),
            ("hari_h", "pemungutan"),
            ("setelah_hari_h", "rekap_kabkota"),
            ("setelah_hari_h", None),
        )
    }
    assert asked == {
        ("sebelum_hari_h", "kampanye"): ["situasi", "jumlah_tps"],
        ("hari_h", "pemungutan"): ["situasi", "jumlah_tps", "tps_buka"],
        ("setelah_hari_h", "rekap_kabkota"): ["situasi", "jumlah_tps", "rekap"],
        ("setelah_hari_h", None): ["situasi", "jumlah_tps"],
    }
    # Every stage's questions still say what an answer means (a report of another day).
    assert forms.for_day("sebelum_hari_h", "kampanye").questions["rekap"].label == "Rekap"


def test_a_form_asked_only_in_some_stages(tmp_path):
    data = minimal()
    data["forms"]["dprd"]["stages"] = ["setelah_hari_h"]
    forms = load_forms(write(tmp_path, data))
    assert not forms.for_day("sebelum_hari_h", "kampanye").has_form(Agency.DPRD)
    assert forms.for_day("setelah_hari_h", "rekap_kabkota").has_form(Agency.DPRD)
    assert forms.for_day("sebelum_hari_h", "kampanye").has_form(Agency.KPU)


def test_a_check_on_a_question_not_asked_that_day_is_left_out(tmp_path):
    data = minimal()
    data["forms"]["kpu"]["questions"] = [
        TPS,
        {
            "id": "tps_siap",
            "kind": "number",
            "prompt": "TPS siap?",
            "label": "TPS siap",
            "stages": ["sebelum_hari_h"],
        },
    ]
    data["forms"]["kpu"]["checks"] = [
        {"rule": "lte", "left": "tps_siap", "right": "jumlah_tps", "message": "{left} > {right}"}
    ]
    forms = load_forms(write(tmp_path, data))
    assert len(forms.for_day("sebelum_hari_h", "kampanye").form_for(Agency.KPU).checks) == 1
    assert forms.for_day("hari_h", "pemungutan").form_for(Agency.KPU).checks == ()


def _with_kpu(*questions, situation_stages=None, form_stages=None) -> dict:
    data = minimal()
    data["forms"]["kpu"]["questions"] = list(questions)
    if situation_stages is not None:
        data["common"][0]["stages"] = situation_stages
    if form_stages is not None:
        data["forms"]["kpu"]["stages"] = form_stages
    return data


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            _with_kpu({**TPS, "stages": ["hari_H"]}),
            "form 'kpu', question 'jumlah_tps': 'stages': unknown stage 'hari_H'; stages: [",
        ),
        (_with_kpu({**TPS, "stages": []}), "'stages' must name at least one stage"),
        (_with_kpu({**TPS, "stages": "hari_h"}), "'stages' must be a JSON list"),
        (_with_kpu({**TPS, "stages": ["hari_h", "hari_h"]}), "a stage is listed twice"),
        (
            _with_kpu({**TPS, "stages": ["sebelum_hari_h"]}, OPENED),
            "question 'tps_buka': asked in stages where 'jumlah_tps', its whole, is not",
        ),
        (
            _with_kpu(
                {
                    "id": "kejadian",
                    "kind": "number",
                    "prompt": "Kejadian?",
                    "label": "Kejadian",
                    "stages": ["hari_h"],
                },
                {
                    "id": "uraian",
                    "kind": "text",
                    "prompt": "Uraian?",
                    "label": "Uraian",
                    "attach_to": "kejadian",
                },
            ),
            "question 'uraian': asked in stages where 'kejadian', which it completes, is not",
        ),
        (
            _with_kpu(TPS, situation_stages=["hari_h"]),
            "question 'situasi' is asked in every stage",
        ),
        (_with_kpu(TPS, form_stages=["rekap_desa"]), "form 'kpu': 'stages': unknown stage"),
    ],
)
def test_stage_mistakes_are_named(tmp_path, data, expected):
    assert expected in load_error(tmp_path, data)
