"""Issue 18, proven: whatever text the answers, clinic and content parsers are given, nothing but the aid's own error
type escapes, and no line of its message is longer than 300 characters."""

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision_aid.answers import Answers, load_answers
from decision_aid.clinic import Clinic, load_clinic
from decision_aid.content import load_content
from decision_aid.content.yamlio import YamlProblem, parse_yaml
from decision_aid.errors import MAX_MESSAGE_LINE, AnswersError, ClinicError, ContentError

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

VALID_ANSWERS = json.dumps({"format": "decision-aid-answers", "version": 1, "situation": {"spread_sites": ["bone"]},
                            "values": {"live_longer": 3}, "leaning": "surgery", "sure": {"sure": True},
                            "questions": [], "own_questions": ["Why?"], "name": "Ann"}, indent=1)
VALID_CLINIC = ('name = "Riverside"\nphone = "555"\nkiosk = true\nidle_timeout_minutes = 3\npaper = "a4"\n'
                '[[trials]]\nname = "T"\nid = "NCT1"\ncontact = "x"\nsummary = "y"\n')

awkward = st.sampled_from(["\x00", "\x1b", "\x07", "\ud800", "\udfff", "\n", "\t", "\u202e", "\ufeff", "😀", "\\",
                           '"', "'", "#", "[", "]", "{", "}", ",", ":", "-", " ", "=", "0", "9" * 50, "e999"])
hostile_text = st.lists(st.one_of(st.characters(), awkward), max_size=80).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(hostile_text, inner, max_size=5),
    max_leaves=30)


@st.composite
def nested(draw, pairs):
    opener, closer = draw(st.sampled_from(pairs))
    depth = draw(st.integers(0, 6000))
    return opener * depth + draw(st.sampled_from(["", "1", '"x"', "1" * 5000])) + closer * draw(
        st.integers(0, depth))


@st.composite
def mutated(draw, valid):
    text = valid
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 20))
        text = text[:at] + draw(hostile_text) + text[at + cut:]
    return text


def answers_texts():
    fields = st.sampled_from(["name", "own_questions", "questions", "situation", "values", "sure", "leaning",
                              "k" * 5000])
    whole = st.builds(lambda k, v: json.dumps({"format": "decision-aid-answers", "version": 1, k: v},
                                              ensure_ascii=False), fields, json_values)
    return st.one_of(whole, json_values.map(json.dumps), mutated(VALID_ANSWERS), hostile_text,
                     nested([("[", "]"), ('{"a":', "}"), ("[{\"a\":", "}]")]))


def write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


def assert_short_lines(exc) -> None:
    for line in str(exc).splitlines():
        assert len(line) <= MAX_MESSAGE_LINE, line[:400]


@SETTINGS
@given(text=answers_texts())
def test_answers_parser_raises_only_its_own_error(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.json"
        write(path, text)
        try:
            assert isinstance(load_answers(path, known_questions={"decision.wait"}), Answers)
        except AnswersError as exc:
            assert_short_lines(exc)


@SETTINGS
@given(text=st.one_of(mutated(VALID_CLINIC), hostile_text,
                      nested([("x = [", "]"), ("x = {a=", "}"), ("x = [{a=[", "]}]")]),
                      st.builds(lambda k, v: f"{k} = {json.dumps(v)}\n",
                                st.sampled_from(["name", "phone", "kiosk", "idle_timeout_minutes", "export_folder",
                                                 "paper", "trials", "k" * 5000]),
                                json_values)))
def test_clinic_parser_raises_only_its_own_error(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clinic.toml"
        write(path, text)
        try:
            assert isinstance(load_clinic(path), Clinic)
        except ClinicError as exc:
            assert_short_lines(exc)


yaml_texts = st.one_of(hostile_text, nested([("a: ", ""), ("[", "]"), ("{a: ", "}"), ("- ", "")]),
                       st.builds(lambda n: "".join(" " * i + f"k{i}:\n" for i in range(n)), st.integers(0, 3000)),
                       st.builds(lambda n: "- " * n + "x\n", st.integers(0, 20000)),
                       mutated((FIXTURE / "facts.yaml").read_text(encoding="utf-8")[:3000]))


@SETTINGS
@given(text=yaml_texts)
def test_yaml_reader_raises_only_its_own_error(text):
    try:
        parse_yaml(text)
    except YamlProblem as exc:
        assert_short_lines(exc)


@pytest.fixture(scope="module")
def content_folder(tmp_path_factory):
    dest = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(FIXTURE, dest)
    return dest


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["facts.yaml", "bundle.yaml", "glossary.yaml", "pages/welcome.md"]), text=yaml_texts)
def test_content_loader_raises_only_its_own_error(content_folder, name, text):
    path = content_folder / name
    original = (FIXTURE / name).read_bytes()
    if name.endswith(".md"):
        text = "---\n" + text + "\n---\nBody.\n"
    try:
        write(path, text)
        try:
            load_content(content_folder)
        except ContentError as exc:
            assert_short_lines(exc)
    finally:
        path.write_bytes(original)
