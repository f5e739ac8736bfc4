"""What a listener hears of a response, and how many words that is."""

from devtools.spoken import ONE_BREATH_WORDS, spoken_words, ssml_to_text


def test_dates_are_read_out_and_tags_and_entities_dropped():
    ssml = (
        '<speak>Yes, until <say-as interpret-as="date">????1202</say-as> or '
        '<say-as interpret-as="date">20271202</say-as> &amp; more.</speak>'
    )

    assert ssml_to_text(ssml) == "Yes, until 2 December or 2 December 2027 & more."


def test_words_are_whitespace_separated_tokens_of_what_is_heard():
    ssml = (
        '<speak>Until <say-as interpret-as="date">????1202</say-as>, <break time="1s"/>ok.</speak>'
    )

    assert spoken_words(ssml) == 4
    assert spoken_words("plain text, no tags") == 4
    assert spoken_words("<speak></speak>") == 0


def test_one_breath_is_fifty_words():
    assert ONE_BREATH_WORDS == 50
