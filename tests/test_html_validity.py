"""Every built page is valid HTML by the current Nu HTML Checker (npm vnu-jar, run on Java)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that come from Material for MkDocs' own templates, not from our pages. Each names
# the markup it is about; anything else fails the test.
IGNORED = [
    # partials/nav-item.html: section labels in the navigation are written
    # <label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">.
    re.compile(r"^Bad value “” for attribute “tabindex” on element “label”"),
    # base.html: the drawer and search toggles are
    # <input class="md-toggle" type="checkbox" ... autocomplete="off">.
    re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
]


def run_vnu(site: Path) -> list[dict]:
    if not VNU.is_file():
        pytest.fail("The Nu HTML Checker is missing: run `make test` (it runs npm ci), or `npm ci`.")
    if shutil.which("java") is None:
        pytest.fail("Java is needed for the Nu HTML Checker: apt-get install default-jre-headless")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return json.loads(result.stderr or '{"messages": []}')["messages"]


def test_every_page_is_valid_html(built_site: Path) -> None:
    messages = run_vnu(built_site)
    assert messages, "expected the Material template errors listed in IGNORED; did the checker run?"
    remaining = [m for m in messages if not any(p.search(m["message"]) for p in IGNORED)]
    report = [f"{m['url'].split('/site')[-1]}:{m.get('lastLine')}: {m['message']}" for m in remaining]
    assert report == [], "\n".join(report[:50])


def test_checker_reports_our_own_mistakes(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        "<!doctype html><html lang=en><head><title>x</title></head>"
        "<body><p><div>block in p</div></p><table><tr><td>1</td></tr></table><span id=a></span><i id=a></i></body></html>"
    )
    messages = run_vnu(tmp_path)
    remaining = [m for m in messages if not any(p.search(m["message"]) for p in IGNORED)]
    assert any("Duplicate ID “a”" in m["message"] for m in remaining), remaining
