"""Delivery estimates per Russian region: a ZOSI-internal ESTIMATE, not published terms.

D4 says couriers deliver in 3 to 30 business days depending on how remote the region
is, and the sources give no per-region table. D4 decision: the skill may narrow the
range by region only from a table clearly marked as an estimate, never outside 3-30.
This is that table. Ranges grow with distance from the Moscow warehouse (D3): Moscow
3-5, the Central district 3-7, the north-west 4-10, the Volga and the South 5-12, the
North Caucasus 6-14, the Urals 7-15, Siberia 10-20, the Far East 14-30, and the Arctic
and other places reached by few routes 20-30.

Big cities are entries of their own (``kazan``) beside their region (``tatarstan``);
a region without its own city entry lists its main towns as synonyms. Names are the
English spoken names and synonyms the other ways English speakers say them; the
interaction model's RussianRegion slot type is generated from ``REGIONS``, so every
name and synonym belongs to exactly one entry.
"""

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Final, NamedTuple

ESTIMATE_NOTE: Final = (
    "Regional delivery ranges are ZOSI-internal estimates by distance from the Moscow "
    "warehouse, not published store terms; the published range is 3 to 30 business days (D4)."
)


class Region(NamedTuple):
    """One place a customer may name, with its estimated courier delivery range.

    Attributes:
        id: snake_case ASCII key, also the slot value id.
        name: English spoken name.
        district: Federal district, which sets the usual range.
        min_days: Estimated fewest business days to deliver.
        max_days: Estimated most business days to deliver.
        synonyms: Other ways English speakers say the name.
    """

    id: str
    name: str
    district: str
    min_days: int
    max_days: int
    synonyms: tuple[str, ...]


_Entry = tuple[str, ...]
"""(id, name, *synonyms) of one region in the table below."""


def _group(district: str, days: tuple[int, int], *entries: _Entry) -> Iterator[Region]:
    """Regions of one district that share one estimated range."""
    for region_id, name, *synonyms in entries:
        yield Region(region_id, name, district, days[0], days[1], tuple(synonyms))


def _table() -> Iterator[Region]:
    """Every region of the estimate table, grouped by district and range."""
    yield from _group("Central", (3, 5), ("moscow", "Moscow", "Moscow City", "Moskva"))
    yield from _group(
        "Central",
        (3, 7),
        ("moscow_oblast", "Moscow Oblast", "Moscow region", "Moscow Province", "Podmoskovye"),
        ("tula_oblast", "Tula Oblast", "Tula region", "Tula"),
        ("tver_oblast", "Tver Oblast", "Tver region", "Tver"),
        ("kaluga_oblast", "Kaluga Oblast", "Kaluga region", "Kaluga"),
        ("ryazan_oblast", "Ryazan Oblast", "Ryazan region", "Ryazan"),
        ("vladimir_oblast", "Vladimir Oblast", "Vladimir region", "Vladimir"),
        ("yaroslavl", "Yaroslavl"),
        ("yaroslavl_oblast", "Yaroslavl Oblast", "Yaroslavl region"),
        ("voronezh", "Voronezh"),
        ("voronezh_oblast", "Voronezh Oblast", "Voronezh region"),
        ("belgorod_oblast", "Belgorod Oblast", "Belgorod region", "Belgorod"),
        ("kursk_oblast", "Kursk Oblast", "Kursk region", "Kursk"),
        ("bryansk_oblast", "Bryansk Oblast", "Bryansk region", "Bryansk"),
        ("smolensk_oblast", "Smolensk Oblast", "Smolensk region", "Smolensk"),
        ("ivanovo_oblast", "Ivanovo Oblast", "Ivanovo region", "Ivanovo"),
        ("kostroma_oblast", "Kostroma Oblast", "Kostroma region", "Kostroma"),
        ("lipetsk_oblast", "Lipetsk Oblast", "Lipetsk region", "Lipetsk"),
        ("tambov_oblast", "Tambov Oblast", "Tambov region", "Tambov"),
        ("oryol_oblast", "Oryol Oblast", "Oryol region", "Oryol", "Orel"),
    )
    yield from _group(
        "Northwestern",
        (4, 10),
        (
            "saint_petersburg",
            "Saint Petersburg",
            "St Petersburg",
            "St. Petersburg",
            "Petersburg",
            "Piter",
            "Sankt Peterburg",
        ),
        ("leningrad_oblast", "Leningrad Oblast", "Leningrad region"),
        ("novgorod_oblast", "Novgorod Oblast", "Novgorod region", "Veliky Novgorod", "Novgorod"),
        ("pskov_oblast", "Pskov Oblast", "Pskov region", "Pskov"),
        ("vologda_oblast", "Vologda Oblast", "Vologda region", "Vologda", "Cherepovets"),
        ("karelia", "Karelia", "Republic of Karelia", "Petrozavodsk"),
    )
    # The far north-west and the Kaliningrad exclave are reached by longer routes.
    yield from _group(
        "Northwestern",
        (6, 14),
        ("kaliningrad", "Kaliningrad"),
        ("kaliningrad_oblast", "Kaliningrad Oblast", "Kaliningrad region"),
        ("murmansk", "Murmansk"),
        ("murmansk_oblast", "Murmansk Oblast", "Murmansk region", "Kola Peninsula"),
        ("arkhangelsk", "Arkhangelsk", "Archangel"),
        ("arkhangelsk_oblast", "Arkhangelsk Oblast", "Arkhangelsk region", "Archangel region"),
        ("komi", "Komi Republic", "Komi", "Syktyvkar"),
    )
    yield from _group(
        "Northwestern",
        (20, 30),
        ("nenets", "Nenets Autonomous Okrug", "Nenets", "Naryan-Mar"),
    )
    yield from _group(
        "Volga",
        (5, 12),
        ("kazan", "Kazan"),
        ("tatarstan", "Tatarstan", "Republic of Tatarstan"),
        ("nizhny_novgorod", "Nizhny Novgorod", "Nizhniy Novgorod", "Nizhny"),
        ("nizhny_novgorod_oblast", "Nizhny Novgorod Oblast", "Nizhny Novgorod region"),
        ("samara", "Samara"),
        ("samara_oblast", "Samara Oblast", "Samara region", "Tolyatti", "Togliatti"),
        ("ufa", "Ufa"),
        ("bashkortostan", "Bashkortostan", "Bashkiria", "Republic of Bashkortostan"),
        ("perm", "Perm"),
        ("perm_krai", "Perm Krai", "Perm region"),
        ("saratov", "Saratov"),
        ("saratov_oblast", "Saratov Oblast", "Saratov region"),
        ("izhevsk", "Izhevsk"),
        ("udmurtia", "Udmurtia", "Udmurt Republic"),
        ("penza_oblast", "Penza Oblast", "Penza region", "Penza"),
        ("ulyanovsk_oblast", "Ulyanovsk Oblast", "Ulyanovsk region", "Ulyanovsk"),
        ("orenburg_oblast", "Orenburg Oblast", "Orenburg region", "Orenburg"),
        ("chuvashia", "Chuvashia", "Chuvash Republic", "Cheboksary"),
        ("mari_el", "Mari El", "Mari El Republic", "Yoshkar-Ola"),
        ("mordovia", "Mordovia", "Republic of Mordovia", "Saransk"),
        ("kirov_oblast", "Kirov Oblast", "Kirov region", "Kirov"),
    )
    yield from _group(
        "Southern",
        (5, 12),
        ("rostov_on_don", "Rostov-on-Don", "Rostov on Don", "Rostov"),
        ("rostov_oblast", "Rostov Oblast", "Rostov region"),
        ("volgograd", "Volgograd"),
        ("volgograd_oblast", "Volgograd Oblast", "Volgograd region"),
        ("krasnodar", "Krasnodar"),
        ("krasnodar_krai", "Krasnodar Krai", "Krasnodar region", "Kuban"),
        ("sochi", "Sochi"),
        ("astrakhan_oblast", "Astrakhan Oblast", "Astrakhan region", "Astrakhan"),
        ("adygea", "Adygea", "Republic of Adygea", "Maykop"),
        ("kalmykia", "Kalmykia", "Republic of Kalmykia", "Elista"),
    )
    yield from _group(
        "North Caucasus",
        (6, 14),
        ("stavropol_krai", "Stavropol Krai", "Stavropol region", "Stavropol"),
        ("dagestan", "Dagestan", "Republic of Dagestan", "Makhachkala"),
        ("chechnya", "Chechnya", "Chechen Republic", "Grozny"),
        ("kabardino_balkaria", "Kabardino-Balkaria", "Kabardino Balkaria", "Nalchik"),
        ("north_ossetia", "North Ossetia", "North Ossetia-Alania", "Vladikavkaz"),
        ("ingushetia", "Ingushetia", "Republic of Ingushetia", "Magas"),
        ("karachay_cherkessia", "Karachay-Cherkessia", "Karachay Cherkessia", "Cherkessk"),
    )
    yield from _group(
        "Urals",
        (7, 15),
        ("yekaterinburg", "Yekaterinburg", "Ekaterinburg"),
        ("sverdlovsk_oblast", "Sverdlovsk Oblast", "Sverdlovsk region"),
        ("chelyabinsk", "Chelyabinsk"),
        ("chelyabinsk_oblast", "Chelyabinsk Oblast", "Chelyabinsk region", "Magnitogorsk"),
        ("tyumen", "Tyumen"),
        ("tyumen_oblast", "Tyumen Oblast", "Tyumen region"),
        ("kurgan_oblast", "Kurgan Oblast", "Kurgan region", "Kurgan"),
    )
    yield from _group(
        "Urals",
        (10, 20),
        (
            "khanty_mansi",
            "Khanty-Mansi Autonomous Okrug",
            "Khanty-Mansi",
            "Yugra",
            "Khanty-Mansiysk",
            "Surgut",
        ),
    )
    yield from _group(
        "Urals",
        (20, 30),
        (
            "yamalo_nenets",
            "Yamalo-Nenets Autonomous Okrug",
            "Yamalo-Nenets",
            "Yamal",
            "Salekhard",
            "Novy Urengoy",
        ),
    )
    yield from _group(
        "Siberian",
        (10, 20),
        ("novosibirsk", "Novosibirsk"),
        ("novosibirsk_oblast", "Novosibirsk Oblast", "Novosibirsk region"),
        ("omsk", "Omsk"),
        ("omsk_oblast", "Omsk Oblast", "Omsk region"),
        ("krasnoyarsk", "Krasnoyarsk"),
        ("krasnoyarsk_krai", "Krasnoyarsk Krai", "Krasnoyarsk region"),
        ("barnaul", "Barnaul"),
        ("altai_krai", "Altai Krai", "Altai region"),
        ("irkutsk", "Irkutsk"),
        ("irkutsk_oblast", "Irkutsk Oblast", "Irkutsk region", "Bratsk"),
        ("tomsk", "Tomsk"),
        ("tomsk_oblast", "Tomsk Oblast", "Tomsk region"),
        ("kemerovo_oblast", "Kemerovo Oblast", "Kemerovo region", "Kuzbass", "Kemerovo"),
        ("altai_republic", "Altai Republic", "Republic of Altai", "Gorno-Altaysk"),
        ("tuva", "Tuva", "Tyva", "Kyzyl"),
        ("khakassia", "Khakassia", "Republic of Khakassia", "Abakan"),
    )
    yield from _group(
        "Far Eastern",
        (14, 30),
        ("khabarovsk", "Khabarovsk"),
        ("khabarovsk_krai", "Khabarovsk Krai", "Khabarovsk region"),
        ("vladivostok", "Vladivostok"),
        ("primorsky_krai", "Primorsky Krai", "Primorye", "Primorsky region"),
        ("yakutsk", "Yakutsk"),
        ("sakha", "Sakha Republic", "Yakutia", "Sakha", "Republic of Sakha"),
        (
            "petropavlovsk_kamchatsky",
            "Petropavlovsk-Kamchatsky",
            "Petropavlovsk Kamchatsky",
            "Petropavlovsk",
        ),
        ("kamchatka", "Kamchatka Krai", "Kamchatka", "Kamchatka region"),
        ("magadan", "Magadan"),
        ("magadan_oblast", "Magadan Oblast", "Magadan region", "Kolyma"),
        ("sakhalin", "Sakhalin Oblast", "Sakhalin", "Sakhalin region", "Yuzhno-Sakhalinsk"),
        ("amur_oblast", "Amur Oblast", "Amur region", "Blagoveshchensk"),
        ("jewish_autonomous_oblast", "Jewish Autonomous Oblast", "Birobidzhan"),
        ("zabaykalsky_krai", "Zabaykalsky Krai", "Zabaikalsky Krai", "Transbaikal", "Chita"),
        ("buryatia", "Buryatia", "Republic of Buryatia", "Ulan-Ude"),
    )
    yield from _group(
        "Far Eastern",
        (20, 30),
        ("chukotka", "Chukotka", "Chukotka Autonomous Okrug", "Anadyr"),
    )


REGIONS: Final[Mapping[str, Region]] = MappingProxyType({region.id: region for region in _table()})
"""Every region of the estimate table by id (read-only)."""


def find_region(region_id: str) -> Region | None:
    """Return the region with this id (the slot's resolved id), or None if it is unknown."""
    return REGIONS.get(region_id)
