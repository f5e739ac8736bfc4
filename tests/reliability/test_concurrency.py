"""No lost or mixed-up writes: threads against moto's server over HTTP, through the real handler.

Two devices of one customer, a request Alexa delivers twice, and two customers
interleaved on one Lambda container: every acknowledged save is in the table
afterwards, and no request reads or changes another customer's item.
"""

import threading
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

import pytest

from adapters.store import KEY_ATTRIBUTE, TTL_ATTRIBUTE, DynamoDbUserStore
from speech import en
from tests.helpers import assert_valid_response
from tests.reliability.conftest import NOW, device, heard, key_of, raw_item, say

REGIONS = [("Kazan", "kazan"), ("Samara", "samara"), ("Murmansk", "murmansk"), ("Moscow", "moscow")]
PRODUCTS = [("camera", "camera"), ("video doorbell", "doorbell"), ("monitor", "monitor")]


@pytest.fixture(
    params=[pytest.param(8, id="fast"), pytest.param(100, id="long", marks=pytest.mark.slow)]
)
def rounds(request):
    return request.param


@pytest.fixture
def store(skill_settings, admin):
    return DynamoDbUserStore(
        skill_settings.table_name, skill_settings.state_ttl_days, admin, clock=lambda: NOW
    )


def in_parallel(*jobs):
    """Run the jobs on their own threads, started together; return their results in order."""
    start = threading.Barrier(len(jobs))

    def run(job):
        start.wait()
        return job()

    with ThreadPoolExecutor(len(jobs)) as pool:
        return list(pool.map(run, jobs))


def test_two_devices_saving_different_fields_at_once_keep_both(
    handler, nlu, skill_settings, store, rounds
):
    kitchen = device(handler, nlu, device_id="amzn1.ask.device.KITCHEN")
    bedroom = device(handler, nlu, device_id="amzn1.ask.device.BEDROOM")
    key = key_of(skill_settings, kitchen)

    for n in range(rounds):
        region, region_id = REGIONS[n % len(REGIONS)]
        product, product_id = PRODUCTS[n % len(PRODUCTS)]
        say(kitchen, f"ask zosi care how long does delivery to {region} take")
        say(bedroom, f"ask zosi care can I return the {product} I bought yesterday")
        say(bedroom, "the zosi website")

        answers = in_parallel(lambda: say(kitchen, "yes"), lambda: say(bedroom, "yes"))

        assert all(en.REMEMBERED in answer for answer in answers), (n, answers)
        state = store.load(key)
        assert (state.region, state.purchase.product) == (region_id, product_id), n


def test_the_same_yes_delivered_twice_has_one_effect_and_says_so_both_times(
    handler, nlu, skill_settings, admin, table
):
    kitchen = device(handler, nlu)
    say(kitchen, "ask zosi care how long does delivery to kazan take")
    envelope = kitchen.session.intent({"name": "AMAZON.YesIntent", "confirmationStatus": "NONE"})

    first, retried = handler(envelope, None), handler(envelope, None)

    for response in (first, retried):
        assert_valid_response(response)
        assert en.REMEMBERED in heard(response)
    item = raw_item(admin, table, key_of(skill_settings, kitchen))
    assert item["region"] == {"S": "kazan"}
    assert set(item) == {KEY_ATTRIBUTE, TTL_ATTRIBUTE, "version", "region", "said_at_region"}


def test_the_same_yes_delivered_twice_at_once_leaves_one_saved_region(
    handler, nlu, skill_settings, store
):
    kitchen = device(handler, nlu)
    say(kitchen, "ask zosi care how long does delivery to samara take")
    envelope = kitchen.session.intent({"name": "AMAZON.YesIntent", "confirmationStatus": "NONE"})

    responses = in_parallel(lambda: handler(envelope, None), lambda: handler(envelope, None))

    for response in responses:
        assert_valid_response(response)
        assert en.REMEMBERED in heard(response)
    state = store.load(key_of(skill_settings, kitchen))
    assert (state.region, state.purchase) == ("samara", None)


def test_a_retried_delete_is_deleted_and_said_so_both_times(
    handler, nlu, skill_settings, admin, table
):
    kitchen = device(handler, nlu)
    say(kitchen, "ask zosi care how long does delivery to kazan take")
    say(kitchen, "yes")
    say(kitchen, "ask zosi care to delete my data")
    envelope = kitchen.session.intent({"name": "AMAZON.YesIntent", "confirmationStatus": "NONE"})

    responses = [handler(envelope, None), handler(envelope, None)]

    for response in responses:
        assert_valid_response(response)
        assert en.DELETED in heard(response)
    assert raw_item(admin, table, key_of(skill_settings, kitchen)) is None


def test_interleaved_customers_only_ever_touch_their_own_item(
    handler, nlu, skill_settings, skill_dynamodb, store, rounds
):
    touched = defaultdict(set)

    def note_key(params, **_):
        if "Key" in params:
            touched[threading.current_thread().name].add(params["Key"][KEY_ATTRIBUTE]["S"])

    skill_dynamodb.meta.events.register("provide-client-params.dynamodb", note_key)
    alice = device(handler, nlu, user_id="amzn1.ask.account.ALICE")
    bob = device(handler, nlu, user_id="amzn1.ask.account.BOB")
    keys = {"alice": key_of(skill_settings, alice), "bob": key_of(skill_settings, bob)}

    def customer(conversation, region, product, other_region):
        def talk():
            threading.current_thread().name = "alice" if conversation is alice else "bob"
            for _ in range(rounds):
                say(conversation, f"ask zosi care how long does delivery to {region} take")
                assert en.REMEMBERED in say(conversation, "yes")
                say(conversation, f"ask zosi care can I return the {product} I bought yesterday")
                say(conversation, "the zosi website")
                assert en.REMEMBERED in say(conversation, "yes")
                known = say(conversation, "ask zosi care what do you know about me")
                assert f"your delivery region, {region}" in known
                assert other_region not in known
                say(conversation, "ask zosi care to delete my data")
                assert en.DELETED in say(conversation, "yes")
                assert en.NOTHING_STORED in say(
                    conversation, "ask zosi care what do you know about me"
                )
            say(conversation, f"ask zosi care how long does delivery to {region} take")
            say(conversation, "yes")

        return talk

    in_parallel(
        customer(alice, "Kazan", "camera", "Murmansk"),
        customer(bob, "Murmansk", "monitor", "Kazan"),
    )

    assert dict(touched) == {"alice": {keys["alice"]}, "bob": {keys["bob"]}}
    assert store.load(keys["alice"]).region == "kazan"
    assert store.load(keys["bob"]).region == "murmansk"


def test_a_region_acknowledged_last_is_the_one_stored_even_if_another_device_wrote_meanwhile(
    handler, nlu, skill_settings, store
):
    kitchen = device(handler, nlu, device_id="amzn1.ask.device.KITCHEN")
    bedroom = device(handler, nlu, device_id="amzn1.ask.device.BEDROOM")
    say(kitchen, "ask zosi care how long does delivery to kazan take")
    assert en.REMEMBERED in say(kitchen, "yes")
    say(bedroom, "ask zosi care how long does delivery to moscow take")
    assert en.REMEMBERED in say(bedroom, "yes")

    say(kitchen, "how long does delivery to kazan take")
    assert en.REMEMBERED in say(kitchen, "yes")

    assert store.load(key_of(skill_settings, kitchen)).region == "kazan"
