"""MkDocs hook: the style a page needs for its first screen is in the page; the rest follows.

Why (issue 16): the three style sheets (Material's main and palette CSS and handbook.css, 31
KiB gzip) blocked the first paint. Over Lighthouse's slow 4G each is a new connection, a
request and two round trips of slow start after the HTML, which set the first paint at
1.06-1.21 s. With the rules the first screen uses in the page, the first paint waits for the
HTML alone.

What it does, on every page that links exactly those three sheets (reading pages; the print
pages and 404.html keep their links):
- the rules listed in hooks/critical.txt (the "critical" rules: those that match an element on
  the first screen of some page type, at phone, tablet and desktop width, light and dark;
  `make critical` writes the list with scripts/critical_css.py) go into a <style> in the head,
  copied from the sheets as they are now, in their order;
- every other rule goes, in order, into one file, assets/stylesheets/rest.<hash>.css, named
  by its content so a cached copy never meets a page it does not belong to;
- the three links are replaced by that <style>, whose data-ott-rest names the rest for the
  loader in overrides/main.html (it adds the stylesheet once the page is parsed, then the
  scripts), and by a <noscript> link to it, so a page without JavaScript gets all of it at
  once, as before.
A critical rule keeps its declarations, except custom properties holding a url() (Material's
icons) that no critical rule uses: those stay with a copy of the rule in the rest.

Moving rules changes their order only between the two groups: a critical rule now comes
before every other rule. tests/browser/test_critical_css.py checks that this changes no
element's computed style on the page types, and that the list still covers the first screen
(it fails when a style change puts a rule on the first screen that the list lacks: run `make
critical`). Keys name a rule by its sheet, its @media/@supports and its selector, and by how
many rules with that name came before it, so they survive a Material upgrade that does not
reorder the rules; a key that no longer matches any rule is dropped, and the test says so.

`split_rules`, `parse` and `defer_styles` are pure (text in, text out), for tests.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
LIST = HERE / "critical.txt"
# The three sheets a reading page links, by the name the key uses; their order is the page's.
SHEETS = (
    ("main", re.compile(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css$")),
    ("palette", re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css$")),
    ("handbook", re.compile(r"assets/stylesheets/handbook\.css$")),
)
LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">\n?')
# At-rules whose block holds rules (their rules are split one by one).
GROUPS = ("@media", "@supports", "@container", "@layer")


@dataclass(frozen=True)
class Rule:
    key: str  # sheet | group preludes | prelude #n
    groups: tuple[str, ...]  # the @media/@supports preludes around it, outermost first
    prelude: str  # a selector list, or an at-rule such as @keyframes x
    body: str  # between the braces
    style: bool  # a style rule (not @keyframes, @font-face, @page ...)


class CssError(ValueError):
    pass


def _skip(text: str, i: int) -> int:
    """Index after the string or comment starting at text[i], or i + 1."""
    c = text[i]
    if c in "\"'":
        j = i + 1
        while j < len(text) and text[j] != c:
            j += 2 if text[j] == "\\" else 1
        return j + 1
    if text.startswith("/*", i):
        end = text.find("*/", i + 2)
        return len(text) if end < 0 else end + 2
    return i + 1


def _block_end(text: str, i: int) -> int:
    """text[i] is "{": the index of its matching "}"."""
    depth = 0
    while i < len(text):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        if c in "\"'" or text.startswith("/*", i):
            i = _skip(text, i)
            continue
        i += 1
    raise CssError("a block is not closed")


def _squash(text: str) -> str:
    return " ".join(text.split())


def minify(text: str) -> str:
    """Comments out, runs of white space one space, none around { } ; (strings kept)."""
    out, i, start = [], 0, 0
    while i < len(text):
        c = text[i]
        if c in "\"'":
            out.append(_squash_keep(text[start:i]))
            j = _skip(text, i)
            out.append(text[i:j])
            i = start = j
            continue
        if text.startswith("/*", i):
            out.append(_squash_keep(text[start:i]) + " ")
            i = start = _skip(text, i)
            continue
        i += 1
    out.append(_squash_keep(text[start:]))
    return "".join(out).strip()


def _squash_keep(text: str) -> str:
    return re.sub(r"\s*([{};])\s*", r"\1", re.sub(r"\s+", " ", text))


def parse(sheet: str, text: str, groups: tuple[str, ...] = (), seen: dict | None = None) -> list[Rule]:
    """The rules of a style sheet in order; a rule inside @media and the like is one rule,
    with its groups. @charset is dropped; other statements, such as @import, raise."""
    if seen is None:
        seen, text = {}, minify(text)
    rules: list[Rule] = []
    i, start = 0, 0
    while i < len(text):
        c = text[i]
        if c in "\"'" or text.startswith("/*", i):
            if text.startswith("/*", i) and not text[start:i].strip():
                i = _skip(text, i)
                start = i
                continue
            i = _skip(text, i)
            continue
        if c == ";" and _squash(text[start:i]).lower().startswith("@charset"):
            i = start = i + 1  # the rest file declares UTF-8 once; a <style> needs none
            continue
        if c == ";" and text[start:i].strip():
            raise CssError(f"{sheet}: a statement outside a block is not supported: {_squash(text[start:i])[:60]}")
        if c == "{":
            end = _block_end(text, i)
            prelude = _squash(text[start:i])
            body = text[i + 1 : end]
            if prelude.startswith(GROUPS):
                rules += parse(sheet, body, (*groups, prelude), seen)
            else:
                name = " | ".join((sheet, *groups, prelude))
                n = seen.get(name, 0)
                seen[name] = n + 1
                rules.append(Rule(f"{name} #{n}", groups, prelude, body.strip(), not prelude.startswith("@")))
            i = start = end + 1
            continue
        if c == "}":
            raise CssError(f"{sheet}: an unmatched }} near {_squash(text[max(0, i - 40) : i])!r}")
        i += 1
    if text[start:].strip():
        raise CssError(f"{sheet}: text after the last rule: {_squash(text[start:])[:60]!r}")
    return rules


def _declarations(body: str) -> list[str]:
    out, i, start, depth = [], 0, 0, 0
    while i < len(body):
        c = body[i]
        if c in "\"'" or body.startswith("/*", i):
            i = _skip(body, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == ";" and depth == 0:
            out.append(body[start:i].strip())
            start = i + 1
        i += 1
    if body[start:].strip():
        out.append(body[start:].strip())
    return [d for d in out if d]


def _write(groups: tuple[str, ...], prelude: str, body: str) -> str:
    text = f"{prelude}{{{body}}}"
    for group in reversed(groups):
        text = f"{group}{{{text}}}"
    return text


VAR = re.compile(r"var\(\s*(--[\w-]+)")


def split_rules(rules: list[Rule], critical: set[str]) -> tuple[str, str]:
    """(critical CSS, the rest), each in the rules' order. Custom properties holding a url()
    that no critical rule reads (var()) stay in the rest, in a copy of their rule."""
    chosen = [r for r in rules if r.key in critical]
    used = set(VAR.findall(" ".join(r.body for r in chosen)))
    head, rest = [], []
    for rule in rules:
        if rule.key not in critical:
            rest.append(_write(rule.groups, rule.prelude, rule.body))
            continue
        keep, move = [], []
        for decl in _declarations(rule.body):
            name = decl.split(":", 1)[0].strip()
            heavy = name.startswith("--") and "url(" in decl and name not in used
            (move if heavy else keep).append(decl)
        if keep:
            head.append(_write(rule.groups, rule.prelude, ";".join(keep)))
        if move:
            rest.append(_write(rule.groups, rule.prelude, ";".join(move)))
    return "".join(head), '@charset "UTF-8";' + "".join(rest)


def read_list(path: Path = LIST) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return {line for line in lines if line.strip() and not line.startswith("#")}


def rest_name(rest: str) -> str:
    return f"rest.{hashlib.sha256(rest.encode('utf-8')).hexdigest()[:10]}.css"


def defer_styles(html: str, critical: str, rest_file: str) -> str:
    """The page with its three stylesheet links replaced by the critical rules (their <style>
    names the rest for the loader) and a <noscript> link to the rest. A page that does not link
    exactly the three sheets, in order, is returned as it is."""
    links = list(LINK.finditer(html))
    ours = [m for m in links if any(p.search(m.group(1)) for _, p in SHEETS)]
    if len(ours) != len(SHEETS) or any(not p.search(m.group(1)) for m, (_, p) in zip(ours, SHEETS, strict=True)):
        return html
    if "</style" in critical.lower():
        raise CssError("the critical CSS would close its <style> element")
    href = ours[0].group(1).rsplit("/", 1)[0] + "/" + rest_file
    tags = f'<style data-ott-rest="{href}">{critical}</style>\n<noscript><link rel="stylesheet" href="{href}"></noscript>\n'

    out, at = [], 0
    for n, m in enumerate(ours):
        out.append(html[at : m.start()])
        if n == 0:
            out.append(tags)
        at = m.end()
    out.append(html[at:])
    return "".join(out)


# --- the hook ------------------------------------------------------------------------------

_split: tuple[str, str, str] | None = None  # critical, rest, rest's file name


def sheet_sources(config) -> list[tuple[str, Path]]:  # noqa: ANN001
    """The three sheets' source files: Material's from the theme's folders, handbook.css from
    docs/."""
    found = []
    for name, pattern in SHEETS:
        candidates = [Path(config["docs_dir"]) / "assets" / "stylesheets"] + [
            Path(d) / "assets" / "stylesheets" for d in config["theme"].dirs
        ]
        paths = [p for d in candidates if d.is_dir() for p in sorted(d.iterdir()) if pattern.search(p.as_posix())]
        if not paths:
            raise CssError(f"hooks/critical_css.py: no {name} style sheet in {', '.join(map(str, candidates))}")
        found.append((name, paths[0]))
    return found


def load(config) -> tuple[str, str, str]:  # noqa: ANN001
    rules: list[Rule] = []
    for name, path in sheet_sources(config):
        rules += parse(name, path.read_text(encoding="utf-8"))
    critical, rest = split_rules(rules, read_list())
    return critical, rest, rest_name(rest)


def on_config(config, **kwargs) -> None:  # noqa: ANN001, ANN003
    global _split
    _split = None


def on_post_page(output: str, page, config, **kwargs) -> str:  # noqa: ANN001, ANN003
    global _split
    if _split is None:
        _split = load(config)
    critical, _, name = _split
    return defer_styles(output, critical, name)


def on_post_build(config, **kwargs) -> None:  # noqa: ANN001, ANN003
    if _split is None:
        return
    target = Path(config["site_dir"]) / "assets" / "stylesheets" / _split[2]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_split[1], encoding="utf-8")
