"""The build's shortcuts on the macro side (issue 16) give exactly what the slow way gave:
front matter parsed once with libyaml, code-span pairing skipped where a paragraph has no
backtick, and compiled templates kept on disk between builds (fast, no build)."""

from __future__ import annotations

import jinja2
import jinja2.compiler
import pytest
import yaml

from macros.checks import pages
from macros.checks.pages import check_page_sources
from macros.render import environment
from macros.render.environment import ENVIRONMENT, TEMPLATES, _TemplateCache

from .conftest import ROOT
from .test_page_sources import ALLOWED, HEADER, REFUSED


def real_pages() -> dict[str, str]:
    docs = ROOT / "docs"
    found = {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8") for path in docs.rglob("*.md")}
    assert found, "no pages found under docs/"
    return found


def hostile_pages() -> dict[str, str]:
    """Every refused and allowed example of tests/test_page_sources.py, each as its own page."""
    found = {f"refused/{n}.md": source for n, (source, *_) in enumerate(REFUSED.values())}
    found.update({f"allowed/{n}.md": HEADER + body for n, body in enumerate(ALLOWED.values())})
    found["broken/front-matter.md"] = "---\ntitle: [unclosed\n---\n\n<script>x</script>\n"
    found["broken/not-a-mapping.md"] = "---\n- a list\n---\n\nText.\n"
    found["broken/tagged.md"] = "---\ntitle: !!python/name:os.system x\n---\n\nText.\n"
    return found


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without libyaml")
def test_libyaml_reads_front_matter_as_pure_python_pyyaml_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same problems, files, lines and key paths with either parser."""
    sources = {**real_pages(), **hostile_pages()}
    with_libyaml = check_page_sources(sources)
    monkeypatch.setattr(pages, "_Loader", yaml.SafeLoader)
    assert check_page_sources(sources) == with_libyaml
    assert {error.file for error in with_libyaml} >= {"docs/broken/front-matter.md", "docs/broken/tagged.md"}


def test_a_paragraph_without_backticks_is_left_as_the_pairing_would_leave_it() -> None:
    """The guard in _mask_code only skips work: pairing every paragraph gives the same text."""

    def mask_every_paragraph(body: str) -> str:
        lines = body.split("\n")
        fenced = pages._fenced_lines(lines)
        raw = pages._raw_html_lines(lines, fenced)
        masked = [pages._blank(line) if number in fenced else line for number, line in enumerate(lines)]
        paragraph: list[int] = []
        for number in range(len(lines) + 1):
            if number < len(lines) and lines[number].strip():
                paragraph.append(number)
                continue
            if paragraph and not any(n in fenced or n in raw for n in paragraph):
                pages._mask_code_spans(masked, paragraph)
            paragraph = []
        return "\n".join(masked)

    bodies = [*real_pages().values(), *hostile_pages().values()]
    bodies.append("Text with `code <script>` in it\nand a second line with `more`.\n\nNo code here.\n")
    assert [pages._mask_code(body) for body in bodies] == [mask_every_paragraph(body) for body in bodies]
    assert "<script>" not in pages._mask_code(bodies[-1])  # the span was still blanked


def test_templates_from_the_cache_are_the_compiled_templates(tmp_path) -> None:  # noqa: ANN001
    """A template loaded from the disk cache runs the code a fresh compile gives."""
    fresh = ENVIRONMENT.overlay(bytecode_cache=None)
    cache = _TemplateCache(str(tmp_path), "%s.cache")
    for name in sorted(p.name for p in TEMPLATES.iterdir() if p.suffix in (".html", ".md")):
        source, filename, _ = ENVIRONMENT.loader.get_source(ENVIRONMENT, name)
        compiled = fresh.compile(fresh._parse(source, name, filename), name, filename)  # noqa: SLF001
        ENVIRONMENT.overlay(bytecode_cache=cache).get_template(name)  # compiles and writes
        bucket = cache.get_bucket(ENVIRONMENT, name, filename, source)
        assert bucket.code is not None, f"{name} was not written to the cache"
        assert bucket.code.co_consts == compiled.co_consts, f"{name}: the cached code differs from a fresh compile"
        assert bucket.code.co_code == compiled.co_code, f"{name}: the cached code differs from a fresh compile"


def test_a_cached_template_is_compiled_again_when_its_compiler_changes(tmp_path) -> None:  # noqa: ANN001
    """Jinja checks the template's source; the checksum also covers environment.py (the layout
    extension and options) and Jinja's version, so a change there is never served stale code."""
    name = "citations.html"
    source, filename, _ = ENVIRONMENT.loader.get_source(ENVIRONMENT, name)
    cache = _TemplateCache(str(tmp_path), "%s.cache")
    ENVIRONMENT.overlay(bytecode_cache=cache).get_template(name)
    assert cache.get_bucket(ENVIRONMENT, name, filename, source).code is not None

    class ChangedCompiler(_TemplateCache):
        _COMPILER = "environment.py as edited"

    assert ChangedCompiler(str(tmp_path), "%s.cache").get_bucket(ENVIRONMENT, name, filename, source).code is None
    assert cache.get_bucket(ENVIRONMENT, name, filename, source + "{# edited #}").code is None


def test_no_cache_where_the_cache_folder_cannot_be_made(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """A read-only checkout still builds: it compiles the templates every time."""
    project = tmp_path / "project"
    (project / "macros" / "render" / "templates").mkdir(parents=True)
    (project / ".cache").write_text("a file where the folder would go")
    monkeypatch.setattr(environment, "TEMPLATES", project / "macros" / "render" / "templates")
    assert environment._template_cache() is None  # noqa: SLF001
    (project / ".cache").unlink()
    assert isinstance(environment._template_cache(), _TemplateCache)  # noqa: SLF001
    assert (project / ".cache" / "jinja").is_dir()


def test_the_cache_folder_is_ignored_by_git() -> None:
    assert "/.cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert TEMPLATES.parents[2] == ROOT


def test_a_tree_reads_each_linked_pages_title_once_per_build() -> None:
    """Trees name the pages their outcomes link to; each title is read once per title
    function (the adapter makes one per build), and the views are those of reading every time."""
    from macros.render import views
    from macros.validate import load_dataset

    dataset = load_dataset(ROOT / "data")
    asked: list[str] = []

    def title_of(path: str) -> str:
        asked.append(path)
        return f"Title of {path}"

    def uncached(path: str) -> str:
        return f"Title of {path}"

    def link(target: str) -> str:
        return "../../" + target

    trees = list(dataset.trees.values())
    first = [views.tree_view(dataset, tree, link, title_of) for tree in trees]
    again = [views.tree_view(dataset, tree, link, title_of) for tree in trees]
    assert asked, "no tree links a page with a title to read: the test needs a see_also to a hand-written page"
    assert len(asked) == len(set(asked)), "a page's title was read more than once in one build"
    assert first == again
    for tree, view in zip(trees, first, strict=True):  # a fresh function each time: nothing remembered
        assert view == views.tree_view(dataset, tree, link, lambda path: uncached(path))

    def next_build(path: str) -> str:
        return f"New title of {path}"

    titles = {
        see.title
        for tree in trees
        for node in views.tree_view(dataset, tree, link, next_build).nodes
        for see in node.see_also
    }
    assert any(title.startswith("New title of") for title in titles)
    assert not any(title.startswith("Title of") for title in titles), "a new build saw the last build's titles"


def stock_environment() -> jinja2.Environment:
    """Our environment compiled by Jinja's own code generator, with no disk cache."""
    stock = ENVIRONMENT.overlay(bytecode_cache=None, cache_size=100)
    stock.code_generator_class = jinja2.compiler.CodeGenerator
    return stock


def test_printing_finalized_values_without_escape_gives_the_same_html(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every tree, comparison table, code page and citation, rendered by our code generator
    and by Jinja's stock one (which also wraps each value in escape()): the same text."""
    import macros.render as render
    from macros.validate import load_dataset

    dataset = load_dataset(ROOT / "data")

    def link(target: str) -> str:
        return "../../" + target

    def everything() -> list[str]:
        out = [render.decision_tree(dataset, tree_id, link) for tree_id in dataset.trees]
        out += [render.comparison_table(dataset, topic_id) for topic_id in dataset.topics]
        out += [render.codes_in_short(dataset, topic_id, link) for topic_id in dataset.topics]
        out += [render.code_page(dataset, code_id, link) for code_id in dataset.codes]
        out += [
            render.citation(dataset, code.id, provision.section, link)
            for code in dataset.codes.values()
            for provision in code.provisions
        ]
        return out

    ours = everything()
    stock = stock_environment()
    monkeypatch.setattr(render, "components", lambda name: stock.get_template(name).module)
    assert everything() == ours


def test_the_code_generator_hook_still_applies() -> None:
    """If Jinja renames `_output_child_pre` or changes what it writes, the override would
    silently stop saving time: fail instead, so it is updated or removed."""
    assert "_output_child_pre" in vars(jinja2.compiler.CodeGenerator)
    for name in ("citations.html", "trees.html"):
        source, filename, _ = ENVIRONMENT.loader.get_source(ENVIRONMENT, name)
        ours = ENVIRONMENT.compile(source, name, filename, raw=True)
        stock = stock_environment().compile(source, name, filename, raw=True)
        assert "escape(environment.finalize(" in stock, (
            "Jinja no longer escapes finalized values: remove _CodeGenerator"
        )
        assert "escape(environment.finalize(" not in ours
        assert ours.count("(environment.finalize(") == stock.count("escape(environment.finalize(")


def test_remembered_dates_read_as_formatted_ones() -> None:
    from datetime import date

    from macros.render.views import us_date

    for value in (date(2026, 11, 28), date(2024, 2, 29), 2019, date(2026, 11, 28)):
        assert us_date(value) == us_date.__wrapped__(value)
    assert us_date(date(2026, 1, 5)) == "January 5, 2026"
