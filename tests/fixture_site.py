"""A tiny handbook for the tests that break a build on purpose.

A failure-mode test needs the real build machinery (mkdocs.yml's plugins, hooks and macros
settings, `macros/`, `hooks/`, `overrides/`), not the real content: copying the whole
handbook and building its ~100 pages only to watch the build stop costs seconds per test.
`make_fixture_site` writes a project with the real machinery (symlinked, so it is always
the code under test) and the real mkdocs.yml settings (read from it, minus the nav and, by
default, the print-site plugin), but only a few pages and a minimal data/ folder cut from
the real one: two codes, one topic, one jurisdiction, one profession. Its build takes under
a second (most of it Python starting and importing MkDocs and Material).

The files are plain text so a test can break them with `replace_in` and name their lines.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .conftest import ROOT

# Linked, not copied: the fixture always runs the code under test.
LINKED = ("macros", "hooks", "overrides", "includes/abbreviations.md", "docs/assets")

TOPIC = "sexual-relationships-former-clients"
CODES = ("apa", "aca")


def _yaml(value: object) -> str:
    # Flow style for lists of plain values, so a test can edit `codes: [apa, aca]` in one line.
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)


def fixture_data() -> dict[str, str]:
    """A minimal data/ folder cut from the real one, so it follows every change to the models:
    the codes APA and ACA with their provisions on one topic, that topic, the jurisdiction
    they apply in and one profession bound by APA. data/ file name -> YAML text."""

    def real(name: str) -> dict:
        return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))

    files = {}
    for code_id in CODES:
        code = real(f"codes/{code_id}.yaml")
        code["provisions"] = [p for p in code["provisions"] if p["topic"] == TOPIC]
        code.pop("revision_note", None)
        files[f"codes/{code_id}.yaml"] = code
    topic = next(t for t in real("topics.yaml")["topics"] if t["id"] == TOPIC)
    files["topics.yaml"] = {"topics": [{**topic, "codes": list(CODES)}]}
    places = {files[f"codes/{c}.yaml"]["jurisdiction"] for c in CODES}
    files["jurisdictions.yaml"] = {
        "jurisdictions": [j for j in real("jurisdictions.yaml")["jurisdictions"] if j["id"] in places]
    }
    psychologist = next(p for p in real("professions.yaml")["professions"] if p["id"] == "psychologist")
    psychologist["applies"] = {
        place: kept
        for place, rules in psychologist["applies"].items()
        if place in places
        if (kept := [r for r in rules if r["code"] in CODES and not r.get("sections")])
    }
    files["professions.yaml"] = {"professions": [psychologist]}
    return {name: _yaml(content) for name, content in files.items()}


PAGES: dict[str, str] = {
    "index.md": """\
---
title: A fixture handbook
description: The smallest handbook the build accepts, for tests that break it.
---

# A fixture handbook

See [former clients](situations/former-clients.md), the [sources](about/sources.md)
and the [glossary](about/glossary.md).
""",
    "situations/former-clients.md": f"""\
---
title: Former clients
description: What the codes say about relationships with former clients.
render_macros: true
---

# Former clients

The codes compare as follows.

{{{{ comparison_table("{TOPIC}") }}}}
""",
    "about/sources.md": """\
---
title: Sources and method
description: Where the rules on this site come from.
render_macros: true
---

# Sources and method

ACA sets a wait of five years ({{ cite("aca", "A.5.c") }}).
""",
    "about/glossary.md": """\
---
title: Glossary
description: The words this handbook uses.
---

# Glossary

APA
:   The American Psychological Association.
""",
}


def real_config(print_site: bool = False) -> dict:
    """mkdocs.yml as MkDocs reads it (the published site_url), without the nav and the i18n
    plugin; without the print-site plugin unless asked for (it re-renders every page into one)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    config.pop("nav", None)
    # No Spanish pages here: without the i18n plugin the build is the English one alone
    # (its Spanish nav names client pages the fixture does not have).
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "i18n" in p)]
    if not print_site:
        config["plugins"] = [
            p for p in config["plugins"] if not (p == "print-site" or isinstance(p, dict) and "print-site" in p)
        ]
    return config


def make_fixture_site(
    root: Path, pages: dict[str, str] | None = None, nav: list | None = None, print_site: bool = False
) -> Path:
    """Write the fixture project into `root` and return it. `pages` replaces or adds pages
    (docs-relative path -> text; None removes one); `nav` sets an explicit nav."""
    root.mkdir(parents=True, exist_ok=True)
    for part in LINKED:
        (root / part).parent.mkdir(parents=True, exist_ok=True)
        (root / part).symlink_to(ROOT / part, target_is_directory=(ROOT / part).is_dir())
    config = real_config(print_site)
    if nav is not None:
        config["nav"] = nav
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    for name, text in fixture_data().items():
        path = root / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, text in {**PAGES, **(pages or {})}.items():
        if text is None:
            continue
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
