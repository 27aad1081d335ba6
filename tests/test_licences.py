""" "My profession and licences": the choices come from data/professions.yaml, a combination
naming a credential that does not exist fails with file and place, and the built chooser,
combination and rules pages list exactly the rules that bind, with the strictest waiting
period named as the data ranks it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from macros.models import NEVER, NOT_SPECIFIED
from macros.render.licences import binding_rows, verdict
from macros.render.views import anchor_id
from macros.validate import load_dataset

from .conftest import ROOT, line_of, replace_in
from .test_data_errors import errors_for

PROFESSIONS = yaml.safe_load((ROOT / "data" / "professions.yaml").read_text(encoding="utf-8"))["professions"]
COMBINATIONS = yaml.safe_load((ROOT / "data" / "combinations.yaml").read_text(encoding="utf-8"))["combinations"]
CODES = {
    path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "data" / "codes").glob("*.yaml"))
}
FORMER = "sexual-relationships-former-clients"


def expected_binds() -> dict[str, dict[str, set[str] | None]]:
    """Credential id -> code -> the sections it brings (None: the whole code), read straight
    from professions.yaml as data/README.md describes it."""
    out: dict[str, dict[str, set[str] | None]] = {}

    def add(cid: str, entries: list[dict]) -> None:
        binds = out.setdefault(cid, {})
        for entry in entries:
            sections = entry.get("sections")
            if not sections or (entry["code"] in binds and binds[entry["code"]] is None):
                binds[entry["code"]] = None
            else:
                binds[entry["code"]] = (binds.get(entry["code"]) or set()) | set(sections)

    for profession in PROFESSIONS:
        for where, entries in profession["applies"].items():
            laws = [e for e in entries if e["basis"] == "law"]
            licences = [e for e in entries if e["basis"] == "licence"]
            if licences:
                add(f"licence-{profession['id']}-{where}", licences + laws)
            for entry in entries:
                if entry["basis"] == "certification":
                    if CODES[entry["code"]]["jurisdiction"] == where and where not in ("national", "international"):
                        add(f"certified-{profession['id']}-{where}", [entry, *laws])
                    else:
                        add(f"certified-{entry['code']}", [entry])
                elif entry["basis"] == "membership":
                    add(f"member-{entry['code']}", [entry])
    return out


def bound(binds: dict[str, set[str] | None]) -> set[str]:
    """The anchors of every provision these binds reach."""
    return {
        anchor_id(code, p["section"])
        for code, sections in binds.items()
        for p in CODES[code]["provisions"]
        if sections is None or p["section"] in sections
    }


def merged(credential_ids: list[str]) -> dict[str, set[str] | None]:
    table = expected_binds()
    out: dict[str, set[str] | None] = {}
    for cid in credential_ids:
        for code, sections in table[cid].items():
            if sections is None or (code in out and out[code] is None):
                out[code] = None
            else:
                out[code] = (out.get(code) or set()) | sections
    return out


def rank(period: object) -> float | None:
    """'never' and 'not specified' (the code names no period after which the rule ends) rank
    above every number of years; a provision with no waiting period is not ranked."""
    if period in (NEVER, NOT_SPECIFIED):
        return float("inf")
    if isinstance(period, int):
        return float(period)
    return None


def strictest_from_data(anchors: set[str], topic: str = FORMER) -> set[str]:
    """The anchors of the longest waiting periods among these provisions on the topic."""
    periods = {
        anchor_id(code, p["section"]): rank(p.get("waiting_period"))
        for code, data in CODES.items()
        for p in data["provisions"]
        if p["topic"] == topic and anchor_id(code, p["section"]) in anchors
    }
    ranked = {a: r for a, r in periods.items() if r is not None}
    if not ranked or len(set(ranked.values())) < 2:
        return set()
    top = max(ranked.values())
    return {a for a, r in ranked.items() if r == top}


# --- data -------------------------------------------------------------------------------


def test_choices_are_derived_from_professions_yaml() -> None:
    dataset = load_dataset(ROOT / "data")
    credentials = dataset.credentials()
    expected = expected_binds()
    assert set(credentials) == set(expected)
    for cid, credential in credentials.items():
        got = {code: (None if not sections else set(sections)) for code, sections in credential.binds.items()}
        assert got == expected[cid], cid
    # One choice per association: every code some profession is a member of.
    members = {e["code"] for p in PROFESSIONS for es in p["applies"].values() for e in es if e["basis"] == "membership"}
    assert {c.removeprefix("member-") for c in credentials if c.startswith("member-")} == members
    # Guidance binds no one, so it is never a choice; every licence entry is reachable.
    licence_pairs = {
        (p["id"], where)
        for p in PROFESSIONS
        for where, es in p["applies"].items()
        if any(e["basis"] == "licence" for e in es)
    }
    assert {c for c in credentials if c.startswith("licence-")} == {f"licence-{p}-{w}" for p, w in licence_pairs}


def test_combinations_name_credentials_the_chooser_offers() -> None:
    credentials = load_dataset(ROOT / "data").credentials()
    for combination in COMBINATIONS:
        assert set(combination["credentials"]) <= set(credentials), combination["id"]


def position(credential: str) -> int:
    """Where the first combination naming this credential stands in combinations.yaml."""
    return next(i for i, c in enumerate(COMBINATIONS) if credential in c["credentials"])


def test_an_unknown_credential_fails_naming_file_and_place(data_copy: Path) -> None:
    path = data_copy / "combinations.yaml"
    line = line_of(path, "- member-camft")
    replace_in(path, "- member-camft", "- member-camtf")
    errors = errors_for(data_copy)
    assert len(errors) == 1, errors
    assert errors[0].startswith(
        f"data/combinations.yaml:{line}: combinations[{position('member-camft')}].credentials[2] is 'member-camtf'"
    )
    assert "did you mean 'member-camft'" in errors[0]


def test_an_unknown_profession_in_a_credential_fails(data_copy: Path) -> None:
    path = data_copy / "combinations.yaml"
    line = line_of(path, "- licence-psychologist-california")
    replace_in(path, "- licence-psychologist-california", "- licence-psychiatrist-california")
    errors = errors_for(data_copy)
    assert len(errors) == 1, errors
    assert errors[0].startswith(
        f"data/combinations.yaml:{line}: combinations[{position('licence-psychologist-california')}].credentials[0] is 'licence-psychiatrist-california'"
    )
    assert "is not a credential data/professions.yaml gives" in errors[0]


def test_a_credential_named_twice_fails(data_copy: Path) -> None:
    path = data_copy / "combinations.yaml"
    replace_in(path, "      - member-apa\n", "      - member-apa\n      - member-apa\n")
    errors = errors_for(data_copy)
    assert any(
        f"combinations[{position('member-apa')}].credentials[2] is 'member-apa', which this list already has" in e
        for e in errors
    ), errors


def test_apa_and_aca_name_aca_strictest() -> None:
    """A reader bound by APA (2 years) and ACA (5 years): the longer wait is named, as the
    data ranks it (read from the code files, not typed here)."""
    dataset = load_dataset(ROOT / "data")
    credentials = dataset.credentials()
    chosen = [credentials["member-apa"], credentials["member-aca"]]
    rows = [(c, p) for c, p in binding_rows(dataset, chosen) if p.topic == FORMER]
    found = verdict(dataset.topics[FORMER], rows)
    expected = strictest_from_data(bound(merged(["member-apa", "member-aca"])))
    assert expected  # the data ranks these two
    assert set(found.strictest) == expected
    assert found.kind == "waiting"


def former_verdict(credential_ids: list[str]):  # noqa: ANN201
    dataset = load_dataset(ROOT / "data")
    credentials = dataset.credentials()
    rows = [(c, p) for c, p in binding_rows(dataset, [credentials[i] for i in credential_ids]) if p.topic == FORMER]
    return verdict(dataset.topics[FORMER], rows)


def test_a_rule_with_no_end_point_outranks_a_two_year_law() -> None:
    """LCSW in California and NASW member: NASW's former-client rule names no period after
    which it ends, so it is named strictest over the state's years (both read from data)."""
    combo = next(c for c in COMBINATIONS if c["id"] == "lcsw-nasw-california")
    anchors = bound(merged(combo["credentials"]))
    periods = {
        anchor_id(code, p["section"]): p["waiting_period"]
        for code, data in CODES.items()
        for p in data["provisions"]
        if p["topic"] == FORMER and anchor_id(code, p["section"]) in anchors
    }
    no_end = {a for a, v in periods.items() if v in (NEVER, NOT_SPECIFIED)}
    years = {a for a, v in periods.items() if isinstance(v, int)}
    assert no_end and years, periods  # the data still holds the case this test is about
    found = former_verdict(combo["credentials"])
    assert found.kind == "waiting"
    assert set(found.strictest) == no_end == strictest_from_data(anchors)
    assert "cannot be ranked" not in found.text
    nasw = next(p for p in CODES["nasw"]["provisions"] if anchor_id("nasw", p["section"]) in no_end)
    assert "no time limit after which this becomes acceptable" in nasw["rule"]  # the words the verdict uses
    assert f"Strictest: NASW {nasw['section']} (sets no point after which it becomes acceptable)" in found.text
    assert "a minimum, not a permission" in found.text


def test_never_and_no_end_point_both_rank_above_years() -> None:
    dataset = load_dataset(ROOT / "data")
    rows = dataset.provisions_on(FORMER)
    never = next((c, p) for c, p in rows if p.waiting_period == NEVER)
    open_ended = next((c, p) for c, p in rows if p.waiting_period == NOT_SPECIFIED)
    years = next((c, p) for c, p in rows if isinstance(p.waiting_period, int) and c.id not in (never[0].id,))
    found = verdict(dataset.topics[FORMER], [never, open_ended, years])
    assert set(found.strictest) == {anchor_id(c.id, p.section) for c, p in (never, open_ended)}
    # A rule giving no waiting period at all stays unranked.
    none = (years[0], years[1].model_copy(update={"waiting_period": None}))
    found = verdict(dataset.topics[FORMER], [never, none])
    assert f"{years[0].short_name} {years[1].section} states no waiting period" in found.text


def test_an_after_the_wait_part_is_not_a_second_wait() -> None:
    """Psychologist in California and APA member: APA 10.08(b) is what still applies after
    10.08's two years, so the verdict names the wait once and 10.08(b) after it."""
    combo = next(c for c in COMBINATIONS if c["id"] == "psychologist-apa-california")
    apa = {p["section"]: p for p in CODES["apa"]["provisions"] if p["topic"] == FORMER}
    assert {"10.08", "10.08(b)"} <= set(apa) and "10.08(b)" in apa["10.08"]["after_waiting_period"]
    found = former_verdict(combo["credentials"])
    assert anchor_id("apa", "10.08(b)") not in found.strictest
    assert anchor_id("apa", "10.08") in found.strictest
    assert found.text.startswith(f"All set a minimum of {apa['10.08']['waiting_period']} years:")
    assert "After that, APA 10.08(b) still applies" in found.text
    assert "APA 10.08(b) (" not in found.text  # never given a waiting period of its own


# --- the built site ---------------------------------------------------------------------


def rule_anchors(container) -> set[str]:  # noqa: ANN001
    return {li["data-anchor"] for li in container.select("li.ott-rule")}


def test_chooser_offers_every_credential_with_what_it_binds(site_pages) -> None:  # noqa: ANN001
    page = site_pages["apply/my-licences/"]
    form = page.select_one("#ott-licences")
    assert form is not None and form.has_attr("hidden")  # licences.js shows it, making the checkboxes
    choices = {c["data-id"]: c for c in form.select(".ott-licences__choice")}
    expected = expected_binds()
    assert set(choices) == set(expected)
    for cid, choice in choices.items():
        binds = json.loads(choice["data-binds"])
        got = set()
        for code, value in binds.items():
            got |= bound({code: None}) if value == "*" else set(value)
        assert got == bound(expected[cid]), cid
        assert (
            choice["data-label"]
            and choice.select_one(".ott-licences__label").get_text(strip=True) == choice["data-label"]
        )
        assert choice.find_parent("fieldset").find("legend").get_text(strip=True)
    text = page.get_text(" ", strip=True)
    assert "Your choice stays in this browser." in text
    assert "nothing is sent anywhere" in text
    # Every rule any credential brings is on the page once, for the script to show.
    everything = set().union(*(bound(b) for b in expected.values()))
    items = page.select(".ott-my-rules li.ott-rule")
    assert sorted(li["data-anchor"] for li in items) == sorted(everything)


def test_chooser_links_every_combination_without_javascript(site_pages) -> None:  # noqa: ANN001
    page = site_pages["apply/my-licences/"]
    nojs = page.select_one(".ott-licences__nojs")
    links = {a.get_text(strip=True): a["href"] for a in nojs.select("ul.ott-combinations a")}
    # The words for readers without JavaScript are in their own block, which licences.js hides.
    only = nojs.select_one(".ott-licences__nojs-only")
    assert "this browser is not running it" in only.get_text() and not only.find("a")
    assert set(links) == {c["title"] for c in COMBINATIONS}
    for combination in COMBINATIONS:
        assert links[combination["title"]] == f"../combinations/{combination['id']}/"
    assert "my-licences/" in site_pages["apply/"].find("a", string=lambda s: s and "Tick them all" in s)["href"]


@pytest.mark.parametrize("combination", COMBINATIONS, ids=[c["id"] for c in COMBINATIONS])
def test_combination_page_lists_exactly_the_binding_rules(site_pages, combination: dict) -> None:  # noqa: ANN001
    page = site_pages[f"apply/combinations/{combination['id']}/"]
    article = page.select_one("article")
    expected = bound(merged(combination["credentials"]))
    found = [li["data-anchor"] for li in article.select("li.ott-rule")]
    assert sorted(found) == sorted(expected)  # each rule once
    # Each rule links its official source, as data gives it.
    sources = {
        anchor_id(code, p["section"]): p["source_url"] for code, data in CODES.items() for p in data["provisions"]
    }
    for li in article.select("li.ott-rule"):
        assert sources[li["data-anchor"]] in [a["href"] for a in li.select("a")], li["data-anchor"]
    # The strictest waiting period, as the data ranks it.
    strict = strictest_from_data(expected)
    section = article.find(id=FORMER)
    if strict:
        verdict_el = section.find_next("p", class_="ott-verdict")
        assert set(verdict_el["data-strictest"].split()) == strict
        assert "Strictest:" in verdict_el.get_text()
    # Where the strictest is named, the caveats follow it: a wait is a minimum; not being a
    # member; telehealth, citing ACA H.1.b as recorded.
    verdict_el = section.find_next("p", class_="ott-verdict") if section else None
    if verdict_el is not None:
        assert "a minimum, not a permission" in verdict_el.get_text()
        notes = verdict_el.find_next_sibling("ul", class_="ott-caveats")
        text = notes.get_text(" ", strip=True)
        assert "Not being a member does not make a code irrelevant" in text
        h1b = next(p for p in CODES["aca"]["provisions"] if p["section"] == "H.1.b")
        assert "where the client is located" in text and " ".join(h1b["rule"].split()) in text
        assert notes.find("a", string="ACA H.1.b")["href"].endswith(f"codes/aca/#{anchor_id('aca', 'H.1.b')}")
        board = next(p for p in CODES["ca-bpc"]["provisions"] if p["section"] == "§ 2936")
        assert "whether or not they belong to the APA" in " ".join(board["rule"].split())  # as recorded
        assert "whether or not they belong to the APA" in text
    # Topics are sections in Material's table of contents.
    toc = {a["href"] for a in page.select(".md-sidebar--secondary a.md-nav__link")}
    topics_with_rules = {
        p["topic"]
        for code, data in CODES.items()
        for p in data["provisions"]
        if anchor_id(code, p["section"]) in expected
    }
    assert {f"#{t}" for t in topics_with_rules} <= toc


def test_psychologist_apa_page_shows_10_08_b_after_the_wait(site_pages) -> None:  # noqa: ANN001
    page = site_pages["apply/combinations/psychologist-apa-california/"]
    li = page.select_one(f'li.ott-rule[data-anchor="{anchor_id("apa", "10.08(b)")}"]')
    text = li.get_text(" ", strip=True)
    assert li["data-part-of"] == anchor_id("apa", "10.08") and li["data-wait"] == "after"
    assert "After the wait of APA 10.08" in text and "Waiting period:" not in text
    box = site_pages["apply/psychologist-california/"].select_one(".ott-in-short")
    line = box.select_one(f'.ott-in-short__waiting li[data-anchor="{anchor_id("apa", "10.08(b)")}"]')
    assert "what still applies after the wait of APA 10.08" in line.get_text(" ", strip=True)


def test_lpcc_aca_nbcc_names_the_five_years(site_pages) -> None:  # noqa: ANN001
    """A realistic case: an LPCC in California who is an ACA member and an NCC is bound by the
    state's 2 years and ACA's and NBCC's 5; the 5 years are named."""
    combo = next(c for c in COMBINATIONS if {"member-aca", "certified-nbcc"} <= set(c["credentials"]))
    page = site_pages[f"apply/combinations/{combo['id']}/"]
    verdict_el = page.find(id=FORMER).find_next("p", class_="ott-verdict")
    names = {f"{CODES[c]['short_name']}" for c in ("aca", "nbcc")}
    text = verdict_el.get_text(" ", strip=True)
    named = text.split("Strictest:")[1].split(")")[0]
    assert all(name in named for name in names), text


@pytest.mark.parametrize(
    "address",
    [f"apply/{p['id']}-{where}/" for p in PROFESSIONS for where in p["applies"]],
)
def test_rules_page_starts_with_in_short_legend_and_contents(site_pages, address: str) -> None:  # noqa: ANN001
    page = site_pages[address]
    article = page.select_one("article")
    box = article.select_one(".ott-in-short")
    assert box is not None
    first_table = article.select_one("table")
    legend = article.select_one(".ott-legend")
    # The box comes first, and the legend with the check date sits above every table.
    assert article.find(class_="ott-in-short") is article.select(".ott-in-short, .ott-legend, table")[0]
    assert first_table is None or legend in first_table.find_all_previous(class_="ott-legend")
    assert "last checked on" in legend.get_text()
    # The waiting periods shown are those of the provisions on the rules page's tables.
    caption = article.find(id=f"rules-{FORMER}")
    on_page = {tr["id"] for tr in caption.find_parent("table").select("tbody tr")} if caption else set()
    waiting = {li["data-anchor"] for li in box.select(".ott-in-short__waiting li")}
    with_period = {
        anchor_id(code, p["section"])
        for code, data in CODES.items()
        for p in data["provisions"]
        if p["topic"] == FORMER and p.get("waiting_period") is not None
    }
    assert waiting == on_page & with_period
    # In-page contents: Material's toc lists the topics.
    toc = page.select(".md-sidebar--secondary a.md-nav__link")
    assert len(toc) >= 2, "the rules page needs its table of contents"
