"""English answers about the customer's data (POLICY P1-P9): what is kept, and erasing it.

What the skill does with data (P1-P9, design decisions in POLICY.md), what it has
stored, said back field by field (P4), deleting it (P5), and withdrawing consent (P6).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import cast

from speech import Answer
from speech.ssml import Phrase, Spell, When, phrase


def privacy_answer(ttl_days: int) -> Answer:
    """What the skill does with personal data (P1-P9, design decisions in POLICY.md)."""
    speech = phrase(
        f"I remember things only once you say yes, and forget them after {ttl_days} days "
        "unused. I never share them without your permission unless the law requires it, or "
        "store your ZOSI login. Say 'delete my data' to erase them."
    )
    body = phrase(
        "Remembered only after you agree: delivery region, a purchase you describe.\n"
        f"Deleted after {ttl_days} days without use, when you say 'delete my data', or when you "
        "disable the skill.\n"
        "Linked ZOSI account: orders are read for each question and never stored; your login "
        "token is never stored.\nNo sharing with third parties without your permission."
    )
    return Answer(speech, "Your data and ZOSI Care", body)


CONFIRM_DELETE = "Do you want me to delete everything I've stored about you?"
OFFER_DELETE_NOW = "Shall I delete it all now?"
DELETED = "Done. I've deleted everything I had stored about you."
DELETE_FAILED = (
    "Sorry, I couldn't delete your data just now. Nothing has changed yet; please try again "
    "in a moment."
)
NOTHING_DELETED = "Okay, I've kept everything as it was."
#: P1, P4 and the skill's own rule: nothing is kept unless the customer said yes to it.
NOTHING_STORED = (
    "I haven't stored anything about you: I only keep what you ask me to remember, like a "
    "purchase date or your region."
)


def _policy_version(version: str) -> Phrase:
    """A privacy policy version: versions are the policy's date, read as a date."""
    try:
        return phrase("the privacy policy of ", When(date.fromisoformat(version)))
    except ValueError:
        return phrase(f"privacy policy version {version}")


#: Every name ``domain.memory.stored_fields`` can give, each said back below (P4). A field
#: added to the stored state and not named here makes the answer refuse (and its test fail).
STORED_FIELDS = frozenset(
    {
        "region",
        "purchase.product",
        "purchase.earliest",
        "purchase.latest",
        "purchase.channel",
        "purchase.gift",
        "purchase.purchase_country",
        "linked_at",
        "accepted_policy_version",
        "policy_notice_version",
        "withdrawn_at",
    }
)
_STORED_CHANNELS = {
    "zosi_website": "from the ZOSI website",
    "zosi_official_store": "from ZOSI's AliExpress store",
    "third_party": "from another shop",
}
_STORED_COUNTRIES = {
    "RU": "Russia",
    "KZ": "Kazakhstan",
    "BY": "Belarus",
    "CN": "China",
    "ZZ": "another country",
}


def _stored_purchase(stored: Mapping[str, object]) -> Phrase:
    """The remembered purchase with every part stored: product, dates, store, gift, country."""
    product = stored.get("purchase.product")
    earliest, latest = stored["purchase.earliest"], stored["purchase.latest"]
    noun = str(product).replace("_", " ") if product else "product"
    when = (
        phrase(" on ", When(cast("date", earliest)))
        if earliest == latest
        else phrase(" between ", When(cast("date", earliest)), " and ", When(cast("date", latest)))
    )
    channel = stored.get("purchase.channel")
    country = stored.get("purchase.purchase_country")
    gift = " as a gift" if stored.get("purchase.gift") else " for yourself"
    return phrase(
        f"a {noun} you bought",
        when,
        f" {_STORED_CHANNELS[str(channel)]}" if channel else "",
        gift,
        (" in ", _STORED_COUNTRIES.get(str(country)) or Spell(str(country))) if country else (),
    )


def stored_data_answer(stored: Mapping[str, object], region: str | None = None) -> Answer:
    """Say back every stored field (P4), and nothing that is not stored.

    Args:
        stored: Each stored field that holds a value, by name (``STORED_FIELDS``).
        region: The remembered delivery region's name, when the table knows it.

    Raises:
        ValueError: A field this voice cannot say back: it is never silently left out.
    """
    unknown = set(stored) - STORED_FIELDS
    if unknown:
        raise ValueError(f"stored fields with no words: {sorted(unknown)}")
    items: list[Phrase] = []  # the card's lines: every field, in full
    said: list[Phrase] = []  # the voice's: the same fields, the bookkeeping without its dates
    if "region" in stored:
        items.append(phrase(f"your delivery region, {region or stored['region']}"))
        said.append(items[-1])
    if "purchase.earliest" in stored:
        items.append(_stored_purchase(stored))
        said.append(items[-1])
    if "linked_at" in stored:
        items.append(phrase("that you linked your ZOSI account, and when"))
        said.append(phrase("when you linked your ZOSI account"))
    accepted = stored.get("accepted_policy_version")
    notice = stored.get("policy_notice_version")
    if accepted is not None:
        told = " and were told of it" if notice == accepted else ""
        items.append(phrase("that you accepted ", _policy_version(str(accepted)), told))
    if notice is not None and notice != accepted:
        items.append(phrase("that you know about ", _policy_version(str(notice))))
    if accepted is not None or notice is not None:
        policies = {
            (True, True): "which privacy policy you accepted and were told of",
            (True, False): "which privacy policy you accepted",
            (False, True): "which privacy policy you were told of",
        }
        said.append(phrase(policies[accepted is not None, notice is not None]))
    if "withdrawn_at" in stored:
        items.append(phrase("that you withdrew your consent, and when"))
        said.append(phrase("your consent withdrawal"))
    if not items:
        return Answer(phrase(NOTHING_STORED), "What ZOSI Care has stored", phrase(NOTHING_STORED))
    joined: list[Phrase] = []
    for n, item in enumerate(said):
        if n:
            joined.append(phrase(", and " if n == len(said) - 1 else ", "))
        joined.append(item)
    speech = phrase("I've stored ", *joined, ". Say 'delete my data' to erase it.")
    body = phrase("I've stored:\n", *(phrase("- ", item, "\n") for item in items))
    return Answer(speech, "What ZOSI Care has stored", body)


WITHDRAW_EXPLAINED = (
    "Withdrawing your consent means I delete everything I've stored about you and stop using "
    "it from now on."
)
WITHDRAW_EXPLAINED_LINKED = (
    "Withdrawing your consent means I unlink your ZOSI account, so I stop reading your orders, "
    "and I delete everything I've stored about you."
)
CONFIRM_WITHDRAW = "Do you want me to do that now?"
UNLINK_IN_APP = (
    "To remove the link from Alexa as well, open the Alexa app, go to this skill's settings, "
    "and choose Disable Skill or Unlink Account."
)


def withdrawn(*, revoked: bool, erased: bool, linked: bool) -> str:
    """Say what withdrawing consent did, honestly, and how to finish it in the Alexa app."""
    done = []
    if linked:
        done.append(
            "I've unlinked your ZOSI account" if revoked else "I won't read your ZOSI account again"
        )
    done.append(
        "deleted everything I had stored about you"
        if erased
        else "couldn't delete what I had stored just now, so please say 'delete my data' later"
    )
    if len(done) == 2:
        sentence = (
            f"Done. {done[0]}, and I've {done[1]}." if erased else f"{done[0]}, but I {done[1]}."
        )
    else:
        sentence = f"Done. I've {done[0]}." if erased else f"Sorry, I {done[0]}."
    return f"{sentence} {UNLINK_IN_APP}"
