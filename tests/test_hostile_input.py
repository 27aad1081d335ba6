"""Hostile input: data written to hang, crash, mislead or smuggle something into the site.

Every case names the exact file, line and key path in its message, and fails fast
(well under a second), so a bad pull request is refused by `make check` and the build
rather than hanging them. The rules are listed in data/README.md ("What the checker
refuses, and why").
"""

from __future__ import annotations

import os
import re
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

from macros.check import main as check_main
from macros.errors import DataErrors
from macros.loading import MAX_DEPTH, MAX_FILE_BYTES, read_yaml
from macros.validate import load_dataset

from .conftest import line_of, replace_in

TREE = "trees/unexpected-encounter.yaml"
TITLE = "title: You meet a client unexpectedly in public"
QUESTION = "    question: What is happening right now?\n"  # the node who-noticed
OUTCOME = "    outcome: Return the greeting, keep it brief, and let the client lead\n"  # follow-their-lead
QUESTION_FIELDS = "question, help, answers"
OUTCOME_FIELDS = "outcome, summary, do, avoid, say, document, consult, compare_topic, cites, see_also"
INVISIBLE = (
    "retype that part of the text; invisible characters can make two ids look the same or reverse the text's direction"
)
NOT_A_WEB_ADDRESS = "which is not a web address: write the full address, starting with https://"
HTTP = "starts with http://: give the https:// address; the site links only to secure pages"
# A guard against a hang (an alias bomb or deep nesting that the reader did not stop), not a
# speed goal: every case takes about a tenth of a second; a hang would take minutes.
FAST = 30.0


def errors_for(data_dir: Path, seconds: float = FAST) -> list[str]:
    """Every error, as `make check` prints it; the data must be refused, not hang."""
    start = time.perf_counter()
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_dir)
    elapsed = time.perf_counter() - start
    assert elapsed < seconds, f"took {elapsed:.2f}s to refuse: the reader must stop it, not work through it"
    return [str(error) for error in caught.value.errors]


def only_error(data_dir: Path, seconds: float = FAST) -> str:
    errors = errors_for(data_dir, seconds)
    assert len(errors) == 1, f"expected one error, got: {errors}"
    return errors[0]


def append(path: Path, text: str) -> int:
    """Add lines at the end of a file; returns the line number of the first added line."""
    content = path.read_text(encoding="utf-8")
    if not content.endswith("\n"):
        content += "\n"
    path.write_text(content + text, encoding="utf-8")
    return content.count("\n") + 1


def provision_block(code: Path, section_line: str) -> str:
    """The text of the provision starting at `section_line`, to append a copy of it."""
    text = code.read_text(encoding="utf-8")
    start = text.index(section_line)
    end = text.find("\n  - section:", start + 1)
    return text[start:] if end == -1 else text[start : end + 1]


# --- YAML structure -------------------------------------------------------------


def test_990_levels_of_nested_keys_are_refused_fast(data_copy: Path) -> None:
    lines = ["id: deep-nesting", "nodes:"] + [f"{'  ' * level}n{level}:" for level in range(1, 991)]
    (data_copy / "trees" / "deep-nesting.yaml").write_text("\n".join(lines) + " end\n", encoding="utf-8")
    path = "nodes." + ".".join(f"n{level}" for level in range(1, MAX_DEPTH + 1))
    assert only_error(data_copy) == (
        f"data/trees/deep-nesting.yaml:{2 + MAX_DEPTH}: {path} is nested more than {MAX_DEPTH} levels deep: "
        "data files are never this deep, so check the indentation"
    )


def test_990_levels_of_nested_lists_are_refused_fast(data_copy: Path) -> None:
    (data_copy / "trees" / "deep-lists.yaml").write_text(
        "id: deep-lists\nnodes: " + "[" * 990 + "]" * 990 + "\n", encoding="utf-8"
    )
    assert only_error(data_copy) == (
        f"data/trees/deep-lists.yaml:2: nodes{'[0]' * MAX_DEPTH} is nested more than {MAX_DEPTH} levels deep: "
        "data files are never this deep, so check the indentation"
    )


def test_nesting_beyond_what_the_yaml_parser_reads_is_refused(data_copy: Path) -> None:
    (data_copy / "trees" / "deep-lists.yaml").write_text(
        "id: deep-lists\nnodes: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8"
    )
    assert only_error(data_copy) == (
        f"data/trees/deep-lists.yaml:2: is nested more than {MAX_DEPTH} levels deep: "
        "data files are never this deep, so check the indentation"
    )


def test_an_alias_bomb_is_refused_at_its_first_alias(data_copy: Path) -> None:
    # "Billion laughs": 9 levels of 9 aliases each would expand to 9^9 (387 million) strings.
    tree = data_copy / TREE
    bomb = ['lol0: &lol0 "lol"'] + [
        f"lol{level}: &lol{level} [{', '.join([f'*lol{level - 1}'] * 9)}]" for level in range(1, 10)
    ]
    first = append(tree, "\n".join(bomb) + "\n")
    assert only_error(data_copy) == (
        f"data/{TREE}:{first + 1}: lol1[0] repeats the value from line {first} with a YAML alias (*name): "
        "write the value out in full; aliases and anchors (&name) are not allowed in data"
    )
    tracemalloc.start()
    try:
        read_yaml(tree, TREE, [])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000, f"reading the bomb used {peak:,} bytes: it must not be expanded"


def test_check_command_refuses_an_alias_bomb(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = data_copy / TREE
    first = append(tree, 'a: &a ["lol", "lol"]\nb: [*a, *a, *a]\n')
    start = time.perf_counter()
    assert check_main([str(data_copy)]) == 1
    assert time.perf_counter() - start < FAST
    assert f"data/{TREE}:{first + 1}: b[0] repeats the value from line {first} with a YAML alias" in (
        capsys.readouterr().err
    )


def test_an_alias_used_as_a_key_is_refused(data_copy: Path) -> None:
    first = append(data_copy / TREE, "&word colour: red\n*word : blue\n")
    assert only_error(data_copy) == (
        f"data/{TREE}:{first + 1}: repeats the value from line {first} with a YAML alias (*name): "
        "write the value out in full; aliases and anchors (&name) are not allowed in data"
    )


def test_an_alias_under_a_repeated_key_is_still_refused(data_copy: Path) -> None:
    first = append(data_copy / TREE, "extra: &extra [1]\nextra: *extra\n")
    assert errors_for(data_copy) == [
        f"data/{TREE}:{first + 1}: extra appears twice (first on line {first}): YAML would silently keep only "
        "the last one, so merge them into one",
        f"data/{TREE}:{first + 1}: extra repeats the value from line {first} with a YAML alias (*name): "
        "write the value out in full; aliases and anchors (&name) are not allowed in data",
    ]


def test_a_file_over_the_size_limit_is_not_read(data_copy: Path) -> None:
    huge = data_copy / "trees" / "huge.yaml"
    huge.write_text("# " + "x" * (MAX_FILE_BYTES - 2) + "\n", encoding="utf-8")
    size = huge.stat().st_size
    assert size == MAX_FILE_BYTES + 1
    assert only_error(data_copy) == (
        f"data/trees/huge.yaml: is {size:,} bytes, more than the {MAX_FILE_BYTES:,} a data file may have: "
        "split it into smaller files"
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ('!!python/object/apply:os.system ["touch {marker}"]', "!!python/object/apply:os.system"),
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {a, b}", "!!set"),
        ("!shout You meet a client", "!shout"),
    ],
)
def test_yaml_tags_are_refused_and_never_run(data_copy: Path, tmp_path: Path, value: str, shown: str) -> None:
    marker = tmp_path / "ran"
    tree = data_copy / TREE
    line = line_of(tree, TITLE)
    replace_in(tree, TITLE, "title: " + value.replace("{marker}", str(marker)))
    assert only_error(data_copy) == (
        f"data/{TREE}:{line}: title uses the YAML tag {shown}: data files hold only plain text, numbers, dates, "
        "lists and 'key: value' lines, so remove the tag (the word starting with !)"
    )
    assert not marker.exists()


def test_a_second_document_in_a_file_is_refused(data_copy: Path) -> None:
    first = append(data_copy / TREE, "---\nid: something-else\n")
    error = only_error(data_copy)
    assert error.startswith(
        f"data/{TREE}:{first}: is not valid YAML at line {first}, column 1 (but found another document)"
    )


# --- booleans and numbers: YAML 1.2 ---------------------------------------------------


@pytest.mark.parametrize("word", ["No", "yes", "on", "off"])
def test_yes_no_on_off_stay_text(data_copy: Path, word: str) -> None:
    replace_in(data_copy / TREE, "      - label: No, not yet", f"      - label: {word}")
    tree = load_dataset(data_copy).trees["unexpected-encounter"]
    assert tree.nodes["planned-before"].answers[1].label == word


def test_a_yaml_1_1_number_stays_text(data_copy: Path) -> None:
    replace_in(data_copy / TREE, "      - label: No, not yet", "      - label: 1:30")
    tree = load_dataset(data_copy).trees["unexpected-encounter"]
    assert tree.nodes["planned-before"].answers[1].label == "1:30"  # YAML 1.1 would read 90


def test_true_is_still_a_boolean_and_yes_is_not(data_copy: Path) -> None:
    topics = data_copy / "topics.yaml"
    assert load_dataset(data_copy).topics["sexual-relationships-former-clients"].compares_waiting_period is True
    line = line_of(topics, "compares_waiting_period: true")
    index = [t["id"] for t in yaml.safe_load(topics.read_text(encoding="utf-8"))["topics"]].index(
        "sexual-relationships-former-clients"
    )
    replace_in(topics, "compares_waiting_period: true", "compares_waiting_period: yes")
    assert only_error(data_copy) == (
        f"data/topics.yaml:{line}: topics[{index}].compares_waiting_period should be true or false, but is the "
        "text 'yes': true when the table compares waiting periods: then every provision on this topic needs "
        "waiting_period"
    )


# --- dates ----------------------------------------------------------------------------


def _dated_line(path: Path, key: str) -> tuple[int, str]:
    """The line number and text of the first top-level `key: <date>` line (whatever the date)."""
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.fullmatch(rf"{key}: \d{{4}}-\d{{2}}-\d{{2}}", text):
            return number, text
    raise AssertionError(f"test fixture out of date: {path.name} has no line '{key}: <date>'")


@pytest.mark.parametrize("impossible", ["2026-02-30", "2026-13-01"])
@pytest.mark.parametrize(
    ("file", "key"),
    [("codes/aca.yaml", "verified_on"), (TREE, "reviewed"), ("onboarding.yaml", "reviewed")],
)
def test_an_impossible_date_is_an_error_on_its_line(data_copy: Path, file: str, key: str, impossible: str) -> None:
    path = data_copy / file
    line, current = _dated_line(path, key)
    replace_in(path, current, f"{key}: {impossible}")
    assert only_error(data_copy) == (
        f"data/{file}:{line}: {key} is {impossible}, which is not a real date: write it like 2026-11-28 "
        "(year, month 01-12, day of that month)"
    )


def test_an_impossible_effective_date(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    line = line_of(aca, "effective_date: 2014")
    replace_in(aca, "effective_date: 2014", "effective_date: 2014-02-29")
    assert only_error(data_copy) == (
        f"data/codes/aca.yaml:{line}: effective_date is 2014-02-29, which is not a real date: write it like "
        "2026-11-28 (year, month 01-12, day of that month)"
    )


@pytest.mark.parametrize(
    ("file", "key"),
    [
        ("codes/aca.yaml", "verified_on"),
        (TREE, "reviewed"),
        ("onboarding.yaml", "reviewed"),
        ("one-pagers.yaml", "reviewed"),
        ("templates.yaml", "reviewed"),
    ],
)
def test_a_review_date_in_the_future_is_refused(data_copy: Path, file: str, key: str) -> None:
    path = data_copy / file
    line, current = _dated_line(path, key)
    replace_in(path, current, f"{key}: 2099-01-01")
    assert only_error(data_copy) == (
        f"data/{file}:{line}: {key} is 2099-01-01, which is in the future: give the date the file was actually "
        "checked or reviewed"
    )


# --- text and Unicode -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "named"),
    [
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("\\a", "U+0007 BELL"),  # an escape: YAML refuses the raw character itself (below)
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\\u00ad", "U+00AD SOFT HYPHEN"),
        ("\\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("\u3164", "U+3164 HANGUL FILLER"),
    ],
)
def test_invisible_characters_in_text_are_refused(data_copy: Path, written: str, named: str) -> None:
    tree = data_copy / TREE
    line = line_of(tree, TITLE)
    replace_in(tree, TITLE, f'title: "You meet{written} a client"')
    assert only_error(data_copy) == (
        f"data/{TREE}:{line}: title contains an invisible character, {named}, at position 9 "
        f"(after 'You meet'): {INVISIBLE}"
    )


def test_a_bidi_override_in_a_folded_rule_is_refused(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    line = line_of(aca, "    rule: >-\n".rstrip("\n"))
    replace_in(aca, "      A counselor does not have a sexual", "      A counselor \u202edoes not have a sexual")
    assert only_error(data_copy) == (
        f"data/codes/aca.yaml:{line}: provisions[0].rule contains an invisible character, "
        f"U+202E RIGHT-TO-LEFT OVERRIDE, at position 13 (after 'A counselor '): {INVISIBLE}"
    )


def test_a_raw_control_character_is_refused_with_its_line(data_copy: Path) -> None:
    tree = data_copy / TREE
    line = line_of(tree, TITLE)
    replace_in(tree, TITLE, "title: You meet\x07 a client")
    assert only_error(data_copy) == (
        f"data/{TREE}:{line}: contains U+0007 BELL, a control character that YAML does not allow: "
        "retype that part of the text"
    )


@pytest.mark.parametrize(
    ("written", "named", "position", "before"),
    [
        ("10.\u200b08", "U+200B ZERO WIDTH SPACE", 4, "10."),
        ("10.08\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE", 6, "10.08"),
        ("\u202e10.08", "U+202E RIGHT-TO-LEFT OVERRIDE", 1, ""),
        ("10\\a.08", "U+0007 BELL", 3, "10"),
    ],
)
def test_invisible_characters_in_a_section_are_refused(
    data_copy: Path, written: str, named: str, position: int, before: str
) -> None:
    apa = data_copy / "codes" / "apa.yaml"
    line = line_of(apa, 'section: "10.08"')
    replace_in(apa, 'section: "10.08"', f'section: "{written}"')
    after = f" (after {before!r})" if before else ""
    assert only_error(data_copy) == (
        f"data/codes/apa.yaml:{line}: provisions[0].section contains an invisible character, {named}, "
        f"at position {position}{after}: {INVISIBLE}"
    )


@pytest.mark.parametrize(
    ("look_alike", "original", "section_line"),
    [
        ("１０.０８", "10.08", '  - section: "10.08"'),  # full-width digits: the same after NFKC
        ("A-5-C", "A.5.c", "  - section: A.5.c"),  # the same link anchor on the page
    ],
)
def test_a_look_alike_section_is_a_duplicate(
    data_copy: Path, look_alike: str, original: str, section_line: str
) -> None:
    code = data_copy / "codes" / ("apa.yaml" if original == "10.08" else "aca.yaml")
    block = provision_block(code, section_line)
    count = len(yaml.safe_load(code.read_text(encoding="utf-8"))["provisions"])
    first = append(code, block.replace(section_line, f'  - section: "{look_alike}"', 1))
    assert only_error(data_copy) == (
        f"data/codes/{code.name}:{first}: provisions[{count}].section is {look_alike!r}, which reads as the same "
        f"section as provisions[0] ({original!r}): each section may appear once per code (merge the two, or give "
        "the sub-section, like 3.05(a) and 3.05(b))"
    )


@pytest.mark.parametrize(
    ("key", "named", "position", "after"),
    [
        ("do\\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE", 3, " (after 'do')"),
        ("\\e[2Jhelp", "U+001B ESCAPE", 1, ""),  # a terminal escape: would clear the screen of the CI log
    ],
)
def test_a_key_with_an_invisible_character_is_refused(
    data_copy: Path, key: str, named: str, position: int, after: str
) -> None:
    tree = data_copy / TREE
    replace_in(tree, QUESTION, f'{QUESTION}    "{key}": x\n')
    line = line_of(tree, QUESTION.strip()) + 1
    assert only_error(data_copy) == (
        f"data/{TREE}:{line}: nodes.who-noticed has a key that contains an invisible character, {named}, "
        f"at position {position}{after}: {INVISIBLE}"
    )


def test_a_look_alike_letter_in_an_id_is_named(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    replace_in(aca, "id: aca\n", "id: \u0430ca\n")  # a Cyrillic a
    assert only_error(data_copy) == (
        "data/codes/aca.yaml:3: id is 'аca', which contains 'а' (U+0430 CYRILLIC SMALL LETTER A): ids use only "
        "the plain letters a to z, digits and hyphens, and a letter from another alphabet can look the same "
        "while being a different id, so retype the id"
    )


def test_a_look_alike_letter_in_a_node_link(data_copy: Path) -> None:
    tree = data_copy / TREE
    line = line_of(tree, "        next: who-noticed")
    replace_in(tree, "        next: who-noticed", "        next: wh\u043e-noticed")  # a Cyrillic o
    assert only_error(data_copy) == (
        f"data/{TREE}:{line}: nodes.kind-of-contact.answers[0].next is 'whо-noticed', which contains 'о' "
        "(U+043E CYRILLIC SMALL LETTER O): ids use only the plain letters a to z, digits and hyphens, and a "
        "letter from another alphabet can look the same while being a different id, so retype the id"
    )


# --- tree shape -------------------------------------------------------------------------


def test_an_unknown_key_in_a_question_lists_the_allowed_fields(data_copy: Path) -> None:
    tree = data_copy / TREE
    replace_in(tree, QUESTION, QUESTION + "    colour: red\n")
    line = line_of(tree, "    colour: red")
    assert only_error(data_copy) == (
        f"data/{TREE}:{line}: nodes.who-noticed.colour is not a field we know: the fields allowed here are "
        f"{QUESTION_FIELDS}"
    )


def test_an_unknown_key_in_an_outcome_lists_the_allowed_fields(data_copy: Path) -> None:
    tree = data_copy / TREE
    replace_in(tree, OUTCOME, OUTCOME + "    colour: red\n")
    line = line_of(tree, "    colour: red")
    assert only_error(data_copy) == (
        f"data/{TREE}:{line}: nodes.follow-their-lead.colour is not a field we know: the fields allowed here are "
        f"{OUTCOME_FIELDS}"
    )


@pytest.mark.parametrize("advice", ["do: [Smile]", "cites: [{reference: kitchener-1988}]", "say: Hello"])
def test_advice_on_a_question_says_where_it_belongs(data_copy: Path, advice: str) -> None:
    tree = data_copy / TREE
    replace_in(tree, QUESTION, f"{QUESTION}    {advice}\n")
    line = line_of(tree, f"    {advice}")
    field = advice.split(":")[0]
    assert only_error(data_copy) == (
        f"data/{TREE}:{line}: nodes.who-noticed.{field} is advice, and a question holds only {QUESTION_FIELDS}: "
        "move it to an outcome node, where the path ends"
    )


@pytest.mark.parametrize("extra", ["answers: [{label: Go on, next: who-noticed}]", "help: Think first."])
def test_answers_on_an_outcome_say_it_ends_the_path(data_copy: Path, extra: str) -> None:
    tree = data_copy / TREE
    replace_in(tree, OUTCOME, f"{OUTCOME}    {extra}\n")
    line = line_of(tree, f"    {extra}")
    field = extra.split(":")[0]
    assert only_error(data_copy) == (
        f"data/{TREE}:{line}: nodes.follow-their-lead.{field} belongs to a question: an outcome ends the path, "
        "so it has no answers"
    )


# --- web addresses ----------------------------------------------------------------------


def _index(path: Path, key: str, item_id: str) -> int:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))[key]
    return [item["id"] for item in items].index(item_id)


@pytest.mark.parametrize(
    ("file", "old", "path"),
    [
        ("codes/aca.yaml", "    source_url: https://www.counseling.org/", "provisions[0].source_url"),
        ("codes/aca.yaml", "official_url: https://www.counseling.org/", "official_url"),
        ("codes/aca.yaml", "      - url: https://ctarchive.counseling.org/", "provisions[0].checked_against[0].url"),
        ("resources.yaml", "    url: https://solid.dca.ca.gov/", "resources[0].url"),
        ("resources.yaml", "      - url: https://solid.dca.ca.gov/", "resources[0].checked_against[0].url"),
        ("references.yaml", "    url: https://scilit.com/", "references[0].url"),
    ],
)
def test_an_http_address_is_refused(data_copy: Path, file: str, old: str, path: str) -> None:
    data_file = data_copy / file
    line = line_of(data_file, old)
    replace_in(data_file, old, old.replace("https://", "http://"))
    assert only_error(data_copy) == f"data/{file}:{line}: {path} {HTTP}"


@pytest.mark.parametrize(
    ("file", "old", "path", "address"),
    [
        (
            "codes/aca.yaml",
            "    source_url: https://www.counseling.org/resources/aca-code-of-ethics.pdf",
            "provisions[0].source_url",
            "javascript:alert(document.cookie)",
        ),
        (
            "resources.yaml",
            "    url: https://solid.dca.ca.gov/publications/proftherapy.shtml",
            "resources[0].url",
            "javascript:alert(1)",
        ),
        (
            "references.yaml",
            "    url: https://scilit.com/publications/faaca56bacb6d74dbdeab559f8e97a2f",
            "references[0].url",
            "data:text/html,<script>alert(1)</script>",
        ),
        (
            "codes/aca.yaml",
            "official_url: https://www.counseling.org/resources/aca-code-of-ethics.pdf",
            "official_url",
            "file:///etc/passwd",
        ),
    ],
)
def test_an_address_that_is_not_a_web_page_is_refused(
    data_copy: Path, file: str, old: str, path: str, address: str
) -> None:
    data_file = data_copy / file
    line = line_of(data_file, old)
    key = old.split(":")[0]
    replace_in(data_file, old, f"{key}: '{address}'")
    assert only_error(data_copy) == f"data/{file}:{line}: {path} is the text {address!r}, {NOT_A_WEB_ADDRESS}"


@pytest.mark.parametrize(
    ("address", "message"),
    [
        (
            "https://www.counseling.org@evil.example/code.pdf",
            "has a name or password before an @ in the address, which hides the site it really goes to: give the "
            "address as the publisher's site shows it, starting https://",
        ),
        (
            "https://www.c\u043eunseling.org/code.pdf",  # a Cyrillic o
            "goes to www.xn--cunseling-02h.org, a host name written with letters from another alphabet, which can "
            "look like a familiar site: give the publisher's address in plain letters a to z",
        ),
        (
            "https://169.254.169.254/latest/meta-data/",
            "goes to 169.254.169.254, a computer's number rather than a site's name: give the publisher's address, "
            "like https://www.bbs.ca.gov/",
        ),
        (
            "https://localhost:8000/",
            "goes to localhost, which is not a public web site: give the publisher's address, like "
            "https://www.bbs.ca.gov/",
        ),
    ],
)
def test_an_address_that_hides_where_it_goes_is_refused(data_copy: Path, address: str, message: str) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    old = "official_url: https://www.counseling.org/resources/aca-code-of-ethics.pdf"
    line = line_of(aca, old)
    replace_in(aca, old, f"official_url: {address}")
    assert only_error(data_copy) == f"data/codes/aca.yaml:{line}: official_url {message}"


# --- files that are not what they seem ----------------------------------------------------


def test_a_link_to_a_file_outside_data_is_not_read(data_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=do-not-print-me\n", encoding="utf-8")
    os.symlink(secret, data_copy / "codes" / "leak.yaml")
    errors = errors_for(data_copy)
    assert errors == [
        "data/codes/leak.yaml: is a link to another file, so it is not read: put the data itself in "
        "data/, as an ordinary YAML file"
    ]
    assert not any("do-not-print-me" in e for e in errors)


def test_a_list_file_linked_to_an_endless_device_is_not_read(data_copy: Path) -> None:
    references = data_copy / "references.yaml"
    references.unlink()
    os.symlink("/dev/zero", references)
    assert errors_for(data_copy)[0] == (
        "data/references.yaml: is a link to another file, so it is not read: put the data itself in data/, "
        "as an ordinary YAML file"
    )


def test_a_linked_folder_is_not_read(data_copy: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (data_copy / "trees").rename(elsewhere)
    os.symlink(elsewhere, data_copy / "trees")
    errors = errors_for(data_copy)
    assert "data/trees: is a link to another folder, so it is not read: keep the tree files themselves in it" in (
        errors
    )


def test_a_file_that_is_not_utf8_is_refused(data_copy: Path) -> None:
    tree = data_copy / TREE
    tree.write_bytes(tree.read_bytes().replace(b"You meet", b"You m\xe9et"))
    assert only_error(data_copy) == f"data/{TREE}: is not UTF-8 text: save it as UTF-8"


def test_a_byte_order_mark_at_the_start_is_fine(data_copy: Path) -> None:
    tree = data_copy / TREE
    tree.write_text("\ufeff" + tree.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_dataset(data_copy).trees["unexpected-encounter"].title == "You meet a client unexpectedly in public"


def test_an_impossible_publication_year_is_refused(data_copy: Path) -> None:
    references = data_copy / "references.yaml"
    line = line_of(references, "    year: 1988")
    replace_in(references, "    year: 1988", "    year: 19880")
    error = only_error(data_copy)
    assert error.startswith(f"data/references.yaml:{line}: references[0].year ")
    assert "2100" in error and "year of publication" in error
