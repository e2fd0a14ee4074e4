"""Frozen-app figures: build time, folder size, cold start to a usable window.

Run: ``.venv/bin/python bench/bench_packaging.py [--build] [DIST]`` (default DIST:
``dist/bitext-editor``). ``--build`` rebuilds with PyInstaller first (``--clean``) and
times it. The cold start is measured from launching ``bitext-editor --report-ready``
(temporary home, offscreen Qt) to its "ready" line: the window is shown with the sample
open; the median of three starts is printed. Goal: <= 2 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build() -> float:
    start = time.monotonic()
    subprocess.run([str(Path(sys.executable).parent / "pyinstaller"), "--noconfirm", "--clean",
                    "--log-level", "WARN", str(REPO / "packaging" / "bitext-editor.spec")],
                   cwd=REPO, check=True)
    return time.monotonic() - start


def folder_size(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def cold_start(exe: Path) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
        env.update(HOME=home, XDG_CONFIG_HOME=f"{home}/c", XDG_DATA_HOME=f"{home}/d",
                   XDG_CACHE_HOME=f"{home}/k", QT_QPA_PLATFORM="offscreen")
        start = time.monotonic()
        proc = subprocess.Popen([str(exe), "--report-ready"], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("ready"):
                took = time.monotonic() - start
                break
        else:
            took = float("nan")
        proc.wait(timeout=60)
        proc.stdout.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dist", nargs="?", default=str(REPO / "dist" / "bitext-editor"))
    parser.add_argument("--build", action="store_true")
    args = parser.parse_args()
    build_time = build() if args.build else None
    dist = Path(args.dist)
    exe = dist / ("bitext-editor.exe" if sys.platform == "win32" else "bitext-editor")
    starts = [cold_start(exe) for _ in range(3)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, load average {load:.1f}\n")
    print("| measure | value | goal |")
    print("|---|---:|---|")
    if build_time is not None:
        print(f"| build time (clean) | {build_time:.0f} s | |")
    print(f"| folder size | {folder_size(dist):.0f} MB | |")
    print(f"| cold start to usable window (median of 3) | {statistics.median(starts):.2f} s "
          f"| <= 2 s |")


if __name__ == "__main__":
    main()
