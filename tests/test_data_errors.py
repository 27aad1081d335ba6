"""Bad input: every case fails with a message naming file, line, key path and a fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.check import main as check_main
from macros.errors import DataErrors
from macros.validate import load_dataset

from .conftest import line_of, replace_in

FORMER = "sexual-relationships-former-clients"


def topic_position(data_dir: Path, topic_id: str = FORMER) -> int:
    """Where a topic stands in topics.yaml, so messages can be predicted exactly."""
    topics = yaml.safe_load((data_dir / "topics.yaml").read_text(encoding="utf-8"))["topics"]
    return [t["id"] for t in topics].index(topic_id)


def errors_for(data_dir: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_dir)
    return [str(error) for error in caught.value.errors]


def only_error(data_dir: Path) -> str:
    errors = errors_for(data_dir)
    assert len(errors) == 1, f"expected one error, got: {errors}"
    return errors[0]


def test_the_real_data_loads(data_copy: Path) -> None:
    dataset = load_dataset(data_copy)
    assert {"apa", "aca"} <= set(dataset.codes)
    assert "sexual-relationships-former-clients" in dataset.topics


def test_malformed_yaml_names_file_and_line(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    replace_in(aca, "short_name: ACA\n", "short_name: ACA\nname: [unclosed\n")
    error = only_error(data_copy)
    assert error.startswith("data/codes/aca.yaml:")
    assert "is not valid YAML" in error
    assert "check the indentation" in error


def test_missing_section_reads_as_an_instruction(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    line = line_of(aca, "- section: A.5.c")
    replace_in(aca, "  - section: A.5.c\n    heading:", "  - heading:")
    error = only_error(data_copy)
    assert error == (
        f"data/codes/aca.yaml:{line}: provisions[0].section is missing: every provision needs "
        "its section number as the code prints it, like A.5.c or '10.08' (numbers go in "
        "quotes so YAML keeps them as written)"
    )


def test_missing_source_url(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    replace_in(aca, "    source_url: https://www.counseling.org/resources/aca-code-of-ethics.pdf\n", "")
    error = only_error(data_copy)
    assert "data/codes/aca.yaml:" in error
    assert "provisions[0].source_url is missing: the link to the official text" in error


def test_wrong_type_waiting_period(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    line = line_of(aca, "waiting_period: 5")
    replace_in(aca, "waiting_period: 5", "waiting_period: five")
    error = only_error(data_copy)
    assert error.startswith(f"data/codes/aca.yaml:{line}: provisions[0].waiting_period is 'five'")
    assert "write a number of years (like 2), or 'never', or 'not specified'" in error


def test_unquoted_section_number_is_caught(data_copy: Path) -> None:
    apa = data_copy / "codes" / "apa.yaml"
    line = line_of(apa, 'section: "10.08"')
    replace_in(apa, 'section: "10.08"', "section: 10.10")
    error = only_error(data_copy)
    assert error.startswith(f"data/codes/apa.yaml:{line}: provisions[0].section should be text")
    assert "the decimal number 10.1" in error
    assert "put it in quotes" in error


def test_wrong_type_list_instead_of_text(data_copy: Path) -> None:
    topics = data_copy / "topics.yaml"
    replace_in(
        topics,
        "    title: Sexual or romantic relationships with former clients\n",
        "    title: [Sexual or romantic relationships with former clients]\n",
    )
    error = only_error(data_copy)
    assert "data/topics.yaml:" in error
    assert f"topics[{topic_position(data_copy)}].title should be text, but YAML read a list" in error


def test_unknown_field_suggests_the_right_one(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    replace_in(aca, "    waiting_period: 5", "    waiting_periods: 5")
    errors = errors_for(data_copy)
    assert any(
        "provisions[0].waiting_periods is not a field we know (did you mean waiting_period?)" in e for e in errors
    ), errors


def test_unknown_code_id_in_topics(data_copy: Path) -> None:
    topics = data_copy / "topics.yaml"
    line = line_of(topics, "codes: [apa, aca,")
    replace_in(topics, "codes: [apa, aca,", "codes: [apa, acaa,")
    errors = errors_for(data_copy)
    assert (
        f"data/topics.yaml:{line}: topics[{topic_position(data_copy)}].codes[1] is 'acaa', "
        "which is not a code we have "
        "(did you mean 'aca'?): codes are the files in data/codes/, named by id "
        "(like aca for data/codes/aca.yaml)"
    ) in errors


def test_unknown_topic_in_a_provision(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    replace_in(aca, "topic: sexual-relationships-former-clients", "topic: sexual-relationships-former-client")
    errors = errors_for(data_copy)
    assert any(
        "provisions[0].topic is 'sexual-relationships-former-client', which is not a topic in "
        "data/topics.yaml (did you mean 'sexual-relationships-former-clients'?)" in e
        for e in errors
    ), errors


def test_duplicate_topic_id(data_copy: Path) -> None:
    topics = data_copy / "topics.yaml"
    text = topics.read_text(encoding="utf-8")
    start = text.index(f"  - id: {FORMER}")
    end = text.find("\n  - id:", start + 1)
    block = text[start:] if end == -1 else text[start : end + 1]
    topics.write_text(text.rstrip("\n") + "\n" + block, encoding="utf-8")
    count = len(yaml.safe_load(text)["topics"])
    error = only_error(data_copy)
    assert f"topics[{count}].id is '{FORMER}', which another topic already uses" in error


def test_duplicate_section_in_a_code(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    text = aca.read_text(encoding="utf-8")
    start = text.index("  - section: A.5.c")
    end = text.find("\n  - section:", start + 1)
    block = text[start:] if end == -1 else text[start : end + 1]
    aca.write_text(text.rstrip("\n") + "\n" + block, encoding="utf-8")
    count = len(yaml.safe_load(text)["provisions"])
    error = only_error(data_copy)
    assert f"provisions[{count}].section is 'A.5.c', which provisions[0] already uses" in error


def test_duplicate_yaml_key(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    line = line_of(aca, "short_name: ACA")
    replace_in(aca, "short_name: ACA\n", "short_name: ACA\nshort_name: ACA2\n")
    error = only_error(data_copy)
    assert error.startswith(f"data/codes/aca.yaml:{line + 1}: short_name appears twice (first on line {line})")


def test_code_id_must_match_file_name(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    replace_in(aca, "id: aca\n", "id: acx\n")
    errors = errors_for(data_copy)
    assert any("id is 'acx' but the file is named aca.yaml" in e for e in errors), errors


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("<script>alert(1)</script>", "contains HTML markup ('<script>')"),
        ("{{ 7 * 7 }}", "contains template syntax ('{{')"),
        ("{% include 'x' %}", "contains template syntax ('{%')"),
    ],
)
def test_markup_and_template_syntax_in_data_are_refused(data_copy: Path, payload: str, expected: str) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    replace_in(aca, "    rule: >-\n      A counselor", f"    rule: >-\n      {payload} A counselor")
    error = only_error(data_copy)
    assert "provisions[0].rule " + expected in error


def test_unconfirmed_rule_needs_a_note(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    replace_in(aca, "    status: confirmed", "    status: unconfirmed")
    error = only_error(data_copy)
    assert "provisions[0].status_note is missing: the status is unconfirmed" in error


def test_status_outside_the_vocabulary(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    replace_in(aca, "    status: confirmed", "    status: probably")
    error = only_error(data_copy)
    assert "provisions[0].status is the text 'probably', which is not allowed here" in error
    assert "'confirmed', 'summary', 'secondary' or 'unconfirmed'" in error


def test_quote_longer_than_twenty_words(data_copy: Path) -> None:
    aca = data_copy / "codes" / "aca.yaml"
    long_quote = " ".join(["word"] * 21)
    replace_in(aca, "    quote: prohibited for", f"    quote: {long_quote} prohibited for")
    error = only_error(data_copy)
    assert "provisions[0].quote has 33 words: quote at most 20 words" in error


def test_every_error_is_reported_in_one_pass(data_copy: Path) -> None:
    replace_in(data_copy / "codes" / "aca.yaml", "waiting_period: 5", "waiting_period: five")
    replace_in(data_copy / "codes" / "apa.yaml", "verified_on: 2026-12-01", "verified_on: soon")
    replace_in(data_copy / "topics.yaml", "    summary: >-", "    sumary: >-")
    errors = errors_for(data_copy)
    files = {e.split(":")[0] for e in errors}
    assert files == {"data/codes/aca.yaml", "data/codes/apa.yaml", "data/topics.yaml"}, errors


def test_check_command_prints_errors_and_fails(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_main([str(data_copy)]) == 0
    assert re.search(r"is fine: \d+ codes, \d+ provisions", capsys.readouterr().out)
    replace_in(data_copy / "codes" / "aca.yaml", "waiting_period: 5", "waiting_period: five")
    assert check_main([str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert "The handbook's data has 1 problem:" in err
    assert "provisions[0].waiting_period is 'five'" in err


def test_topic_without_any_rule_is_refused(data_copy: Path) -> None:
    topics = data_copy / "topics.yaml"
    topics.write_text(
        topics.read_text(encoding="utf-8")
        + ("\n  - id: home-visits\n    title: Home visits\n    summary: Seeing a client at home.\n"),
        encoding="utf-8",
    )
    error = only_error(data_copy)
    assert "].id is 'home-visits', but no code has a provision on it" in error


def test_unknown_code_in_professions(data_copy: Path) -> None:
    professions = data_copy / "professions.yaml"
    line = line_of(professions, "      - code: apa")
    replace_in(professions, "      - code: apa", "      - code: apaa")
    error = only_error(data_copy)
    assert error.startswith(
        f"data/professions.yaml:{line}: professions[0].applies.national[0].code is 'apaa', which is not a "
        "code we have (did you mean 'apa'?)"
    )


def test_unknown_section_in_professions(data_copy: Path) -> None:
    professions = data_copy / "professions.yaml"
    replace_in(professions, '"§ 4982(k)"', '"§ 4982(x)"')
    error = only_error(data_copy)
    assert (
        "professions[1].applies.california[0].sections[8] is '§ 4982(x)', which data/codes/ca-bpc.yaml does not have"
        in error
    )
    assert "(did you mean '§ 4982(z)'?)" in error


def test_missing_professions_file(data_copy: Path) -> None:
    (data_copy / "professions.yaml").unlink()
    assert only_error(data_copy) == "data/professions.yaml: is missing: the professions file must exist"
