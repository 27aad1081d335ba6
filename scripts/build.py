"""`make build`: a strict MkDocs build that replaces the site folder only when it passed.

Usage: python scripts/build.py [--site-dir site] [--config-file mkdocs.yml]

MkDocs builds into a fresh temporary folder beside the site folder; only when it exits 0 is the
new folder swapped in. A failed build (a data error, or a warning under --strict) leaves the
existing site folder exactly as it was, so a broken site is never served or published.
The exit code is the build's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def count_pages(site: Path) -> int:
    """Every HTML file the build wrote, the 404 page included."""
    return sum(1 for _ in site.rglob("*.html"))


def swap_in(new: Path, target: Path) -> None:
    """Put `new` where `target` is, keeping `target` until the new folder is in place."""
    # Two renames on one filesystem: the site folder is missing only between them, never
    # half-written. The old one is set aside under a name that starts like the temporary
    # folder's, so a leftover after a crash is easy to recognise.
    old = new.with_name(new.name + ".old")
    had_old = target.exists() or target.is_symlink()
    if had_old:
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if had_old:
            old.rename(target)  # put the old site back before giving up
        raise
    if had_old:
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old)
        else:
            old.unlink()


def build(site_dir: Path, config_file: Path | None = None) -> int:
    # MkDocs reads a relative --site-dir against the config file's folder; do the same, so
    # the folder swapped in is the one MkDocs would have written.
    base = config_file.resolve().parent if config_file else Path.cwd()
    target = site_dir if site_dir.is_absolute() else base / site_dir
    shown = f"{site_dir.as_posix().rstrip('/')}/"
    target.parent.mkdir(parents=True, exist_ok=True)
    # Beside the target, so it is on the same filesystem and the swap is a rename, not a copy.
    tmp = Path(tempfile.mkdtemp(prefix=".site-build-", dir=target.parent))
    # mkdtemp makes the folder readable by its owner only; give it the mode a plain mkdir
    # would, so the published folder is readable by the web server and the Pages upload.
    umask = os.umask(0)
    os.umask(umask)
    tmp.chmod(0o777 & ~umask)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp)]
    if config_file:
        command += ["--config-file", str(config_file)]
    try:
        # The environment passes through unchanged: the Makefile decides SITE_URL.
        code = subprocess.run(command).returncode
        if code == 0:
            swap_in(tmp, target)
    finally:
        # Whatever happened (failed build, Ctrl-C), no temporary folder is left behind.
        shutil.rmtree(tmp, ignore_errors=True)
    if code != 0:
        print(f"build failed: {shown} left as it was", file=sys.stderr)
        # A build killed by a signal has a negative code; exit as a shell would report it.
        return code if code > 0 else 128 - code
    print(f"{shown} updated: {count_pages(target)} pages")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="the folder to replace (default: site)")
    parser.add_argument(
        "--config-file", type=Path, default=None, help="the MkDocs config (default: mkdocs.yml in the current folder)"
    )
    args = parser.parse_args(argv)
    return build(args.site_dir, args.config_file)


if __name__ == "__main__":
    sys.exit(main())
