"""`make portability`: build the unchanged mkdocs.yml with ProperDocs and with Zensical, next
to MkDocs, and report what differs, so the project knows what a move would take.

Each tool gets its own virtual environment under .cache/portability/ (not in git). The report
lists, per tool: whether it built, pages missing or extra against MkDocs, and pages whose text
differs (for example macros left unrendered). It always exits 0: a report, not a gate.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "portability"
# The tools and what each needs beside the site's own requirements.
TOOLS = {
    "properdocs": {"packages": ["properdocs==1.6.7"], "command": ["properdocs", "build"]},
    "zensical": {"packages": ["zensical==0.1.3"], "command": ["zensical", "build"]},
}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
ENV.pop("SITE_URL", None)


def venv_for(name: str, packages: list[str]) -> Path:
    venv = CACHE / name
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "-r", str(ROOT / "requirements.txt"), *packages],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
        raise RuntimeError("; ".join(errors[-2:]) or f"pip exited {result.returncode}")
    return venv


def page_texts(site: Path) -> dict[str, str]:
    from bs4 import BeautifulSoup

    texts = {}
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8", errors="replace"), "html.parser")
        main = soup.select_one("article") or soup.body or soup
        texts[page.relative_to(site).as_posix()] = re.sub(r"\s+", " ", main.get_text(" ")).strip()
    return texts


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        reference = tmp / "mkdocs"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(reference)], cwd=ROOT, env=ENV, check=True
        )
        base = page_texts(reference)
        print(f"MkDocs: {len(base)} pages")
        for name, tool in TOOLS.items():
            print(f"\n{name}:")
            try:
                venv = venv_for(name, tool["packages"])
            except (subprocess.CalledProcessError, RuntimeError) as exc:
                print(f"  could not install: {exc}")
                continue
            out = tmp / name
            command = [str(venv / "bin" / tool["command"][0]), *tool["command"][1:]]
            work = tmp / f"{name}-project"
            shutil.copytree(
                ROOT, work, ignore=shutil.ignore_patterns(".venv", ".cache", "node_modules", "site", ".git")
            )
            result = subprocess.run(
                command,
                cwd=work,
                env={**ENV, "PATH": f"{venv / 'bin'}:{ENV['PATH']}"},
                capture_output=True,
                text=True,
                timeout=600,
            )
            built = work / "site"
            if result.returncode != 0 or not built.is_dir():
                tail = (result.stderr or result.stdout).strip().splitlines()[-5:]
                print(f"  build failed (exit {result.returncode}):")
                for line in tail:
                    print(f"    {line}")
                continue
            shutil.move(str(built), out)
            other = page_texts(out)
            missing = sorted(set(base) - set(other))
            extra = sorted(set(other) - set(base))
            differing = [p for p in sorted(set(base) & set(other)) if base[p] != other[p]]
            unrendered = [p for p, t in other.items() if "{{" in t]
            print(
                f"  built {len(other)} pages; missing {len(missing)}, extra {len(extra)}, "
                f"text differs on {len(differing)}, macros left unrendered on {len(unrendered)}"
            )
            for label, items in (
                ("missing", missing),
                ("extra", extra),
                ("differs", differing),
                ("unrendered macros", unrendered),
            ):
                if items:
                    print(f"  {label}: {', '.join(items[:8])}{' ...' if len(items) > 8 else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
