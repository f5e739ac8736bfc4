"""The answer corpus in tests/answers/ keeps its format, stays held out, and is answered no worse.

Each corpus file is checked when it is there and skipped, saying so, when it is not.
"""

import io
import json
import uuid
from datetime import date
from pathlib import Path

import pytest

from devtools import answers_eval
from devtools.answers_eval import CORPORA, corpus_name, corpus_problems
from devtools.nlu import Nlu
from tests.helpers import said, sentences_the_nlu_knows

# The share of entries answered right, overall and on the blind half, by `make answers-eval` with
# today's skill, rounded down to the whole percent: a change that answers customers worse fails.
# Raise them as the answers improve. Never tune anything on the blind half to raise its floor.
OVERALL_FLOOR = 0.93
BLIND_FLOOR = 0.88

TUNING, BLIND = CORPORA

#: Entries with a turn that is, word for word, a sample, a built-in or an out-of-domain sentence
#: the NLU knows. Both halves were written without reading the model (tests/answers/README.md)
#: and every one of those sentences was in the model before them, so these coincide rather than
#: leak ("yes" answering a check is Amazon's own built-in sample). They are listed so that a new
#: coincidence fails; no sample may ever be written from a corpus line.
COINCIDENT = frozenset(
    {
        "t-R1-026", "t-X1-001", "t-X1-010", "t-X4-001", "t-C1-007", "t-P1-001", "t-P1-002",
        "t-P4-001", "t-P4-004", "t-P5-001", "t-P5-007", "t-C1-009", "t-W1-025",
        "b-OOD-020", "b-P1-002", "b-P4-004", "b-P5-002", "b-P5-005", "b-P5-007", "b-P7-004",
    }
)  # fmt: skip


def corpus_file(path: Path) -> Path:
    if not path.is_file():
        where = path.relative_to(path.parents[2])
        pytest.skip(f"{where} is not there yet: see tests/answers/README.md")
    return path


@pytest.fixture(params=CORPORA, ids=[corpus_name(path) for path in CORPORA])
def document(request: pytest.FixtureRequest) -> tuple[str, dict]:
    path = corpus_file(request.param)
    return corpus_name(path), json.loads(path.read_text(encoding="utf-8"))


def test_every_corpus_file_has_the_shape_its_readme_describes(document):
    name, content = document

    assert corpus_problems(content, name) == []


def test_no_customer_turn_is_a_sample_the_nlu_was_built_or_trained_on(document):
    _, content = document
    known = sentences_the_nlu_knows("en-US")
    nlu = Nlu.for_locale("en-US", answers_eval.DEFAULT_TODAY, strict=True)
    heard = [
        (entry["id"], nlu.parse_invocation(turn["say"]))
        for entry in content["entries"]
        for turn in entry["turns"]
    ]

    assert [
        (ident, invocation.utterance)
        for ident, invocation in heard
        if invocation.kind != "launch"
        and said(invocation.utterance) in known
        and ident not in COINCIDENT
    ] == []


def test_a_corpus_file_that_breaks_the_format_is_refused_with_every_problem(tmp_path):
    corpus = tmp_path / "tuning.en-US.json"
    corpus.write_text(json.dumps({"entries": [{"id": "x-1"}]}), encoding="utf-8")
    out = io.StringIO()

    assert answers_eval.main(["--corpus", str(corpus)], out) == 2
    assert "entry 1 (x-1): the id must be a string starting 't-'" in out.getvalue()
    assert "entry 1 (x-1): no 'turns'" in out.getvalue()


def test_the_corpus_is_answered_at_least_as_well_as_it_was(moto_server, monkeypatch, tmp_path):
    """The whole corpus, through `make answers-eval`'s own code path, against the floors."""
    corpus_file(TUNING)
    corpus_file(BLIND)
    monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", moto_server)
    monkeypatch.setenv("TABLE_NAME", f"answers-{uuid.uuid4().hex}")
    output, out = tmp_path / "answers.json", io.StringIO()

    assert answers_eval.main(["--output", str(output), "--show", "0"], out) == 0

    figures = json.loads(output.read_text(encoding="utf-8"))
    assert figures["overall"]["share"] >= OVERALL_FLOOR, out.getvalue()
    assert figures["by_corpus"]["blind"]["share"] >= BLIND_FLOOR, out.getvalue()


def test_the_default_date_of_an_entry_is_the_readme_friday():
    friday = answers_eval.DEFAULT_TODAY

    assert (friday, friday.strftime("%A")) == (date(2026, 11, 20), "Friday")
