"""The sample template syntax of model.yaml: `(a|b)` alternatives, `[a|b]` optional words."""

import pytest

from devtools.models import TemplateError, expand, expand_all


def test_a_plain_sample_is_itself():
    assert expand("can I return my {product}") == ["can I return my {product}"]


def test_alternatives_give_one_sample_each_in_the_written_order():
    assert expand("(can|could) I return it") == ["can I return it", "could I return it"]


def test_an_optional_word_gives_the_sample_without_it_first():
    assert expand("[please] help") == ["help", "please help"]


def test_optional_alternatives_may_be_left_out_or_said_one_at_a_time():
    assert expand("return [my|the] {product}") == [
        "return {product}",
        "return my {product}",
        "return the {product}",
    ]


def test_groups_nest_and_multiply_left_to_right():
    assert expand("(can|could) I (return|send [it] back) [my|the] {product}")[:4] == [
        "can I return {product}",
        "can I return my {product}",
        "can I return the {product}",
        "can I send back {product}",
    ]
    assert len(expand("(can|could) I (return|send [it] back) [my|the] {product}")) == 18


def test_an_optional_group_inside_an_optional_group():
    assert expand("help [me [now]]") == ["help", "help me", "help me now"]


def test_slot_references_keep_alexa_braces_untouched():
    assert expand("I bought it (on|from) {store}") == [
        "I bought it on {store}",
        "I bought it from {store}",
    ]


def test_spaces_left_by_an_omitted_word_are_collapsed():
    assert expand("is [my] [new] {product} broken") == [
        "is {product} broken",
        "is new {product} broken",
        "is my {product} broken",
        "is my new {product} broken",
    ]


def test_repeated_expansions_are_kept_once_in_first_place():
    assert expand("(it|it) works") == ["it works"]
    assert expand_all(["[please] help", "help [please]"]) == ["help", "please help", "help please"]


def test_expansion_is_deterministic():
    template = "[so] (how|when) (can|could|do) I [still] (return|send back) [my|the] {product}"
    assert expand(template) == expand(template)
    assert len(expand(template)) == len(set(expand(template)))


@pytest.mark.parametrize(
    "template",
    ["(can|could I return it", "can I return it)", "[please help", "(a]", "can|could", "[please]"],
)
def test_a_malformed_template_is_an_error(template):
    with pytest.raises(TemplateError):
        expand(template)
