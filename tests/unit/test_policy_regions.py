"""The regional delivery ESTIMATE table (D4 decision) and the slot type built from it."""

import re
from collections import Counter

import pytest

from policy import regions
from policy.regions import ESTIMATE_NOTE, REGIONS, find_region
from policy.terms import DELIVERY_BUSINESS_DAYS

BIG_CITIES = [
    "moscow",
    "saint_petersburg",
    "novosibirsk",
    "yekaterinburg",
    "kazan",
    "nizhny_novgorod",
    "chelyabinsk",
    "samara",
    "omsk",
    "rostov_on_don",
    "ufa",
    "krasnoyarsk",
    "voronezh",
    "perm",
    "volgograd",
    "krasnodar",
    "saratov",
    "tyumen",
    "izhevsk",
    "barnaul",
    "irkutsk",
    "khabarovsk",
    "vladivostok",
    "yaroslavl",
    "tomsk",
    "kaliningrad",
    "murmansk",
    "arkhangelsk",
    "sochi",
    "yakutsk",
    "petropavlovsk_kamchatsky",
    "magadan",
]
REGIONS_NAMED = [
    "moscow_oblast",
    "leningrad_oblast",
    "tatarstan",
    "bashkortostan",
    "krasnodar_krai",
    "sakha",
    "kamchatka",
    "chukotka",
    "sakhalin",
    "primorsky_krai",
]


def spoken_key(text: str) -> str:
    """How a listener hears a name: case, dots and hyphens do not matter."""
    return " ".join(re.sub(r"[.\-]", " ", text).lower().split())


def test_d4_the_table_covers_at_least_60_places():
    assert len(REGIONS) >= 60


@pytest.mark.parametrize("region_id", BIG_CITIES + REGIONS_NAMED)
def test_d4_every_big_city_and_region_customers_name_has_an_entry(region_id):
    assert find_region(region_id) is not None


def test_d4_every_estimate_stays_inside_the_published_3_to_30_business_days():
    low, high = DELIVERY_BUSINESS_DAYS
    for region in REGIONS.values():
        assert low <= region.min_days <= region.max_days <= high, region.id


def test_d4_moscow_is_quickest_and_the_far_east_and_arctic_take_longest():
    assert (REGIONS["moscow"].min_days, REGIONS["moscow"].max_days) == (3, 5)
    assert REGIONS["chukotka"].max_days == 30
    assert REGIONS["vladivostok"].min_days > REGIONS["novosibirsk"].min_days
    assert REGIONS["novosibirsk"].min_days > REGIONS["kazan"].min_days


def test_ids_are_snake_case_ascii_and_key_the_table():
    for region_id, region in REGIONS.items():
        assert region.id == region_id
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", region_id), region_id


def test_every_name_and_synonym_belongs_to_exactly_one_entry_for_the_slot_type():
    owners = Counter(
        spoken_key(text)
        for region in REGIONS.values()
        for text in {spoken_key(t) for t in (region.name, *region.synonyms)}
    )
    assert [text for text, count in owners.items() if count > 1] == []


def test_names_and_synonyms_are_plain_spoken_words():
    for region in REGIONS.values():
        for text in (region.name, *region.synonyms):
            assert re.fullmatch(r"[A-Za-z][A-Za-z .\-]*", text), text
            assert text == text.strip()


def test_st_petersburg_and_yakutia_are_found_by_their_everyday_names():
    assert {"St Petersburg", "Petersburg", "Piter"} <= set(REGIONS["saint_petersburg"].synonyms)
    assert "Yakutia" in REGIONS["sakha"].synonyms


def test_an_unknown_region_id_is_not_found():
    assert find_region("atlantis") is None
    assert find_region("Moscow") is None


def test_the_table_is_read_only():
    with pytest.raises(TypeError):
        REGIONS["atlantis"] = REGIONS["moscow"]  # type: ignore[index]


def test_d4_the_table_is_marked_as_a_zosi_internal_estimate():
    assert "estimate" in ESTIMATE_NOTE.lower()
    assert "not published" in ESTIMATE_NOTE.lower()
    assert "ESTIMATE" in (regions.__doc__ or "")
