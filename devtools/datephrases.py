"""Spoken date phrases resolved to the value Alexa puts in an AMAZON.DATE slot.

The local NLU simulator fills `purchaseDate` and `orderDate` slots with this, so the skill sees
the same shapes it gets from Alexa: a day (`2026-11-05`), an ISO week (`2026-W46`), a weekend
(`2026-W47-WE`), a month (`2026-10`), a season (`2026-SU`), a year (`2025`), a decade (`201X`) or
`PRESENT_REF`. Like Alexa, a day or month named without a year is future-biased: it is the next
such date on or after today, which is why the skill's return and warranty rules (R1, W1, X1) must
check for purchase dates in the future rather than trust them. A qualifier names the period
itself, as Alexa resolves it: "March this year" is this year's March, "November 25 last year"
last year's day and "the 25th of last month" the 25th of the month before this one.
"""

import re
from collections.abc import Callable
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
SEASONS = {"winter": "WI", "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA"}
# Meteorological seasons of the northern hemisphere, by the month each one starts in.
_SEASON_START_MONTH = {"WI": 12, "SP": 3, "SU": 6, "FA": 9}

_UNITS = {
    word: value
    for value, word in enumerate((
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen",
    ))
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_TENS |= {"eighty": 80, "ninety": 90}
_ORDINAL_UNITS = {
    word: value
    for value, word in enumerate((
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
        "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    ))
}  # fmt: skip
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30}
_COUNT_WORDS = {"a": 1, "an": 1}
_DECADE_WORDS = {"nineties": 199, "eighties": 198, "seventies": 197, "twenty tens": 201}
_DECADE_WORDS |= {"twenty twenties": 202, "two thousands": 200}
_LEADING_WORDS = re.compile(r"^(?:on|in|at|during|around|about|back in|sometime in|from)\s+")

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_WEEKDAY = "(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_SEASON = "(?P<season>" + "|".join(SEASONS) + ")"
_DAY = r"(?P<day>\d{1,2})th"
_YEAR = r"(?: (?:of )?(?:(?P<year>\d{4})|(?P<year_rel>this|last|next) year))?"
_RELATIVE = r"(?:(?P<rel>this|last|next|the past|past|earlier this) )"
#: How many periods back or ahead each relative word counts.
_VAGUE_LEAD = re.compile(
    r"^(?:(?:"
    + "|".join(sorted(WEEKDAYS, key=len, reverse=True))
    + r") (?=the |\d)|(?:early|late|mid|the beginning of|the end of|the start of) (?=[a-z]))"
)
_STEPS = {"last": -1, "the past": -1, "past": -1, "this": 0, "earlier this": 0, "next": 1}


def splits_a_number(last: str, following: str) -> bool:
    """Whether a phrase ending in ``last`` cuts a spoken number that ``following`` goes on with.

    "November twenty twenty | six" is 2026, not 2020; "the twenty | first" is the 21st, and
    "two thousand | and twenty six" is 2026. A date
    read from words must not stop inside such a number, as Alexa hears the number whole.
    """
    if last in _TENS:
        return following in _UNITS or following in _ORDINAL_UNITS or following in _TENS
    if last in {"thousand", "hundred"}:  # "two thousand | and twenty six" is 2026, not 2000
        return following == "and" or following in _UNITS or following in _TENS
    return last in _UNITS and following in {"thousand", "hundred"}


def resolve_date_phrase(text: str, today: date) -> str | None:
    """Turn a spoken or typed date phrase into the AMAZON.DATE value Alexa would send.

    Args:
        text: What the customer said for the date, e.g. "last Monday", "March the third",
            "two weeks ago", "in 2025" or a typed ISO date "2026-11-05".
        today: The customer's current date; relative phrases are counted from it.

    Returns:
        The AMAZON.DATE value, or None when the words are not a date Alexa would recognise.
    """
    phrase = _normalise(text)
    for pattern, build in _RULES:
        found = pattern.fullmatch(phrase)
        if found is not None:
            return build(found.groupdict(), today)
    # "Monday the 28th of December", "early December": the weekday or the part of the month
    # adds nothing Alexa's date would hold; the date is what follows it.
    shorter = _VAGUE_LEAD.sub("", phrase, count=1)
    if shorter != phrase and shorter:
        return resolve_date_phrase(shorter, today)
    return None


def corrected_date(earlier: str, later_text: str) -> str | None:
    """The date a self-correction means when it says again only the part it corrects.

    "November 25th 2024, sorry, no, 2025" corrects the year of November 25th, "the 2nd of
    November, no, the 3rd" its day, and "November 22nd, no, 25th, 2025" its day and year (the
    month said once): a customer who corrects one part of a date keeps the others,
    and Alexa's date model hears the corrected date whole. Returns None when the later words are
    no such part (a whole date, a month) or the earlier value has no finer part to keep.

    Args:
        earlier: The AMAZON.DATE value heard before the correction (``2024-11-25``, ``2026-11``).
        later_text: The words said for the date after the correction marker.
    """
    if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", earlier) is None:
        return None
    phrase = _normalise(later_text)
    year = re.fullmatch(r"(?:in )?(?P<year>\d{4})", phrase)
    if year is not None:
        corrected = year["year"] + earlier[4:]
        return corrected if _iso_passthrough({"iso": corrected}, date.min) else None
    day = re.fullmatch(r"(?:the )?" + _DAY + r"(?: (?:of )?(?P<year>\d{4}))?", phrase)
    if day is not None:
        year_said = int(day["year"]) if day["year"] else int(earlier[:4])
        exact = _safe_date(year_said, int(earlier[5:7]), int(day["day"]))
        return _day(exact) if exact else None
    return None


def _normalise(text: str) -> str:
    """Lower-case, spell numbers as digits and ordinals as `<n>th`, and drop a leading preposition.

    ISO dates keep their hyphens; every other hyphen ("twenty-one") separates words.
    """
    lowered = text.lower().replace("\u2019", "'")
    tokens = re.findall(r"\d{4}-\d{2}(?:-\d{2})?|[a-z0-9']+", lowered)
    spoken = " ".join(t.removesuffix("'s") for t in tokens)
    for words, decade in _DECADE_WORDS.items():
        spoken = re.sub(rf"\b{words}\b", f"{decade}0s", spoken)
    spoken = re.sub(r"\b(?:a )?couple(?: of)?\b", "2", spoken)
    phrase = " ".join(_digitise(spoken.split()))
    previous = None
    while previous != phrase:
        previous, phrase = phrase, _LEADING_WORDS.sub("", phrase)
    return phrase


def _digitise(tokens: list[str]) -> list[str]:
    """Rewrite number words and digit ordinals as digits: "twenty first" → "21th", "5th" → "5th".

    Two adjacent numbers that read as a spoken year ("twenty twenty five", "nineteen
    ninety nine") become one four-digit year; "two thousand (and) five" does too.
    """
    out: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        digit_ordinal = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", token)
        if digit_ordinal:
            out.append(f"{int(digit_ordinal.group(1))}th")
        elif token in _TENS and following in _ORDINAL_UNITS:
            out.append(f"{_TENS[token] + _ORDINAL_UNITS[following]}th")
            index += 1
        elif token in _TENS and following in _UNITS and _UNITS[following] < 10:
            out.append(str(_TENS[token] + _UNITS[following]))
            index += 1
        elif token in _ORDINAL_UNITS:
            out.append(f"{_ORDINAL_UNITS[token]}th")
        elif token in _ORDINAL_TENS:
            out.append(f"{_ORDINAL_TENS[token]}th")
        elif token in _UNITS or token in _TENS:
            out.append(str(_UNITS.get(token, _TENS.get(token))))
        else:
            out.append(token)
        index += 1
    return _join_spoken_years(out)


def _join_spoken_years(words: list[str]) -> list[str]:
    """Merge "20 25" into "2025" and "2 thousand (and) 25" into "2025"."""
    out: list[str] = []
    for word in words:
        if word.isdigit() and out:
            tail = out[-3:]
            if len(out) >= 2 and out[-1] == "thousand" and out[-2].isdigit():
                out[-2:] = [str(int(out[-2]) * 1000 + int(word))]
                continue
            if tail[-2:] == ["thousand", "and"] and len(out) >= 3 and out[-3].isdigit():
                out[-3:] = [str(int(out[-3]) * 1000 + int(word))]
                continue
            if out[-1] in {"19", "20"} and 10 <= int(word) <= 99:
                out[-1] = out[-1] + word
                continue
        out.append(word)
    if len(out) >= 2 and out[-1] == "thousand" and out[-2].isdigit():
        out[-2:] = [str(int(out[-2]) * 1000)]
    return out


def _day(value: date) -> str:
    return value.isoformat()


def _said_year(groups: dict[str, str], today: date) -> int | None:
    """The year named after a day, month or season: "2025", or "last year" counted from today.

    Alexa resolves the qualifier itself: "November 25 last year" arrives as 2025-11-25 and
    "March this year" as 2026-03, never as the next such date.
    """
    if groups.get("year"):
        return int(groups["year"])
    relation = groups.get("year_rel")
    return None if relation is None else today.year + _STEPS[relation]


def _week(value: date) -> str:
    year, week, _ = value.isocalendar()
    return f"{year}-W{week:02d}"


def _month(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def _months_before(today: date, count: int) -> tuple[int, int]:
    index = today.year * 12 + today.month - 1 - count
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next_day_of_month(today: date, day: int, month: int | None) -> date | None:
    """The first date on or after today with this day (and month, when given); Alexa's bias."""
    year, current = today.year, today.month
    for step in range(12 * 8):
        candidate_month = month if month is not None else (current - 1 + step) % 12 + 1
        candidate_year = year + step if month is not None else year + (current - 1 + step) // 12
        found = _safe_date(candidate_year, candidate_month, day)
        if found is not None and found >= today:
            return found
    return None


def _iso_passthrough(groups: dict[str, str], today: date) -> str | None:
    iso = groups["iso"]
    if len(iso) == 7:
        return iso if 1 <= int(iso[5:]) <= 12 else None
    return iso if _safe_date(int(iso[:4]), int(iso[5:7]), int(iso[8:])) else None


def _present(groups: dict[str, str], today: date) -> str:
    return "PRESENT_REF" if groups["word"] != "today" else _day(today)


def _near_day(groups: dict[str, str], today: date) -> str:
    offsets = {
        "yesterday": -1,
        "the day before yesterday": -2,
        "day before yesterday": -2,
        "tomorrow": 1,
        "the day after tomorrow": 2,
        "day after tomorrow": 2,
    }
    return _day(today + timedelta(days=offsets[groups["word"]]))


def _ago(groups: dict[str, str], today: date) -> str | None:
    count = int(groups["count"]) if groups["count"].isdigit() else _COUNT_WORDS[groups["count"]]
    unit = groups["unit"]
    if unit == "day":
        return _day(today - timedelta(days=count))
    if unit == "week":
        return _week(today - timedelta(weeks=count))
    if unit == "month":
        return _month(*_months_before(today, count))
    return str(today.year - count)


def _relative_period(groups: dict[str, str], today: date) -> str:
    step = _STEPS[groups["rel"]]
    unit = groups["unit"]
    if unit in {"week", "weekend"}:
        week = _week(today + timedelta(weeks=step))
        return week + "-WE" if unit == "weekend" else week
    if unit == "month":
        return _month(*_months_before(today, -step))
    return str(today.year + step)


def _year(groups: dict[str, str], today: date) -> str:
    return groups["year"]


def _decade(groups: dict[str, str], today: date) -> str:
    return groups["decade"] + "X"


def _twentieth_century_decade(groups: dict[str, str], today: date) -> str:
    return f"19{groups['decade']}X"


def _season_start(label_year: int, code: str) -> date:
    return date(label_year, _SEASON_START_MONTH[code], 1)


def _current_season_year(today: date, code: str) -> int:
    """The year label of this season "this year"; a winter is labelled by its December's year."""
    return today.year - 1 if code == "WI" and today.month <= 2 else today.year


def _season(groups: dict[str, str], today: date) -> str:
    code = SEASONS[groups["season"]]
    said = _said_year(groups, today)
    if said is not None:
        return f"{said}-{code}"
    label = _current_season_year(today, code)
    relation = groups.get("rel") or "this"
    if relation == "next":
        label += 1 if _season_start(label, code) <= today else 0
    elif relation != "this":
        label -= 1 if _season_start(label, code) > today or _in_season(today, code) else 0
    return f"{label}-{code}"


def _in_season(today: date, code: str) -> bool:
    start = _SEASON_START_MONTH[code]
    return (today.month - start) % 12 < 3


def _named_month(groups: dict[str, str], today: date) -> str:
    month = MONTHS[groups["month"]]
    said = _said_year(groups, today)
    if said is not None:
        return _month(said, month)
    relation = groups.get("rel")
    if relation == "this":
        return _month(today.year, month)
    if relation in {"last", "the past", "past"}:
        return _month(today.year if month < today.month else today.year - 1, month)
    if relation == "next":
        return _month(today.year if month > today.month else today.year + 1, month)
    return _month(today.year if month >= today.month else today.year + 1, month)


def _day_and_month(groups: dict[str, str], today: date) -> str | None:
    day, month = int(groups["day"]), MONTHS[groups["month"]]
    said = _said_year(groups, today)
    if said is not None:
        exact = _safe_date(said, month, day)
        return _day(exact) if exact else None
    upcoming = _next_day_of_month(today, day, month)
    return _day(upcoming) if upcoming else None


def _day_only(groups: dict[str, str], today: date) -> str | None:
    upcoming = _next_day_of_month(today, int(groups["day"]), None)
    return _day(upcoming) if upcoming else None


def _day_of_relative_month(groups: dict[str, str], today: date) -> str | None:
    """The day of the month a relative month names ("the 25th of last month"), as Alexa does."""
    year, month = _months_before(today, -_STEPS[groups["month_rel"]])
    exact = _safe_date(year, month, int(groups["day"]))
    return _day(exact) if exact else None


def _weekday(groups: dict[str, str], today: date) -> str:
    ahead = (WEEKDAYS[groups["weekday"]] - today.weekday()) % 7
    relation = groups.get("rel")
    if relation in {"last", "the past", "past"}:
        return _day(today - timedelta(days=(7 - ahead) if ahead else 7))
    if relation == "next" and ahead == 0:
        ahead = 7
    return _day(today + timedelta(days=ahead))


_Builder = Callable[[dict[str, str], date], str | None]
_RULES: list[tuple[re.Pattern[str], _Builder]] = [
    (re.compile(pattern), build)
    for pattern, build in [
        (r"(?P<iso>\d{4}-\d{2}(?:-\d{2})?)", _iso_passthrough),
        (r"(?P<word>today|now|right now|the moment)", _present),
        (
            r"(?P<word>yesterday|tomorrow|(?:the )?day (?:before yesterday|after tomorrow))",
            _near_day,
        ),
        (r"(?P<count>\d{1,3}|an?|one) (?P<unit>day|week|month|year)s? ago", _ago),
        (_RELATIVE + r"(?P<unit>week|weekend|month|year)", _relative_period),
        (r"(?P<year>\d{4})", _year),
        (r"the (?P<decade>\d{3})0s", _decade),
        (r"the (?P<decade>\d)0s", _twentieth_century_decade),
        (_RELATIVE + "?(?:the )?" + _SEASON + _YEAR, _season),
        (_RELATIVE + "?" + _MONTH + _YEAR, _named_month),
        # "last year, in March": the year said before its month
        (r"(?P<year_rel>this|last|next) year,? (?:in )?" + _MONTH, _named_month),
        (_MONTH + r" (?:the )?" + _DAY + _YEAR, _day_and_month),
        (r"(?:the )?" + _DAY + r" (?:of )?" + _MONTH + _YEAR, _day_and_month),
        (r"(?P<day>\d{1,2}) (?:of )?" + _MONTH + _YEAR, _day_and_month),
        (r"(?P<year>\d{4}) " + _MONTH + r" (?:the )?(?P<day>\d{1,2})(?:th)?", _day_and_month),
        (r"(?P<year>\d{4}),? (?:in )?" + _MONTH, _named_month),  # "in 2025 September"
        (_MONTH + r" (?P<day>\d{1,2})" + _YEAR, _day_and_month),
        (
            r"(?:the )?" + _DAY + r" (?:of )?(?P<month_rel>this|last|next) month",
            _day_of_relative_month,
        ),
        (r"the " + _DAY, _day_only),
        (_RELATIVE + "?" + _WEEKDAY, _weekday),
    ]
]


_DURATION_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}
_DURATION_PART = re.compile(
    r"(?P<count>\d{1,3}|an?|one|half an?)(?: (?P<half>and a half))? (?P<unit>day|week|month|year)s?"
    r"(?: (?P<half_after>and a half))?"
)
_DURATION_LEAD = re.compile(r"^(?:for|about|around|almost|nearly|roughly|over|just over|like) ")


def resolve_duration_phrase(text: str) -> str | None:
    """Turn a spoken length of time into the ISO-8601 value Alexa puts in an AMAZON.DURATION slot.

    "five months" is ``P5M``, "a year and a half" ``P1Y6M``, "two years three months" ``P2Y3M``,
    "half a year" ``P6M``, "eight month" (as second-language speakers say it) ``P8M``. Words
    that are not a length of time, or a vague one ("a few months"), give None.
    """
    phrase = _normalise(text).replace("half a ", "half an ")
    previous = None
    while previous != phrase:
        previous, phrase = phrase, _DURATION_LEAD.sub("", phrase)
    parts = [part.strip() for part in re.split(r"\band\b(?! a half)", phrase) if part.strip()]
    pieces = [piece for part in parts for piece in _duration_pieces(part)]
    if not pieces or None in pieces:
        return None
    totals = {"Y": 0, "M": 0, "W": 0, "D": 0}
    for unit, amount in pieces:  # type: ignore[misc]
        totals[unit] += amount
    if totals["W"] and (totals["Y"] or totals["M"] or totals["D"]):
        totals["D"] += 7 * totals.pop("W")
    value = "".join(f"{amount}{unit}" for unit, amount in totals.items() if amount)
    return "P" + value if value else None


def _duration_pieces(part: str) -> list[tuple[str, int] | None]:
    """The (unit, count) pieces of a phrase like "1 year 6 months"; None marks words left over."""
    pieces: list[tuple[str, int] | None] = []
    position = 0
    for found in _DURATION_PART.finditer(part):
        if part[position : found.start()].strip():
            return [None]
        position = found.end()
        unit = _DURATION_UNITS[found["unit"]]
        count = found["count"]
        half = bool(found["half"] or found["half_after"])
        if count.startswith("half"):
            whole, half = 0, True
        else:
            whole = int(count) if count.isdigit() else 1
        pieces.append((unit, whole))
        if half:
            smaller = {"Y": ("M", 6), "M": ("D", 15), "W": ("D", 3), "D": ("D", 0)}[unit]
            pieces.append(smaller)
    if part[position:].strip():
        return [None]
    return pieces
