"""MkDocs hook used only by scripts/bench.py: after macros have rendered a page, write its
Markdown (with its front matter) to $BENCH_CAPTURE_DIR, so the same pages can be built
again without macros."""

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority


@event_priority(-100)  # after mkdocs-macros has rendered the page
def on_page_markdown(markdown, page, config, files):  # noqa: ANN001, ANN201
    target = Path(os.environ["BENCH_CAPTURE_DIR"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {k: v for k, v in page.meta.items() if k != "render_macros"}
    front = f"---\n{yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)}---\n\n" if meta else ""
    target.write_text(front + markdown, encoding="utf-8")
    return markdown
