"""The storage key is a keyed hash of the Alexa user id, never the id itself (P1, P3)."""

import string

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from adapters.store import user_key

SECRET = b"s" * 32
USER = "amzn1.ask.account.AEXAMPLE0123456789"

alexa_user_ids = st.text(alphabet=string.ascii_letters + string.digits, min_size=1).map(
    lambda tail: f"amzn1.ask.account.{tail}"
)


def test_key_is_the_rfc_4231_hmac_sha256_of_the_user_id_behind_a_scheme_prefix():
    # RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    assert user_key("what do ya want for nothing?", b"Jefe") == (
        "u1#5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    )


def test_same_user_and_secret_always_give_the_same_key():
    assert user_key(USER, SECRET) == user_key(USER, SECRET)


def test_another_secret_gives_another_key_so_keys_cannot_be_recomputed_without_it():
    assert user_key(USER, SECRET) != user_key(USER, b"t" * 32)


@given(user_id=alexa_user_ids)
def test_p1_the_raw_user_id_never_appears_in_the_key(user_id):
    key = user_key(user_id, SECRET)

    assert user_id not in key
    assert key.startswith("u1#")
    assert len(key) == len("u1#") + 64


@given(first=alexa_user_ids, second=alexa_user_ids)
def test_different_users_get_different_keys(first, second):
    assume(first != second)

    assert user_key(first, SECRET) != user_key(second, SECRET)


def test_an_empty_secret_is_refused_because_the_hash_would_be_unkeyed():
    with pytest.raises(ValueError, match="secret"):
        user_key(USER, b"")
