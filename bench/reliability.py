"""The dedicated reliability runs (issue "Nothing lost"): one command, a table of figures.

Run: ``.venv/bin/python bench/reliability.py [--quick] [--promise N ...]``. Each promise
runs its pytest file with the dedicated size set through the environment; the everyday
suite runs the same tests smaller. ``--quick`` uses the everyday sizes (to try the runner
itself). ``BITEXT_FUZZ_LOG=FILE`` keeps the fuzzing run's per-case log and figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

#: (promise, test file, environment for the dedicated run, examples it stands for)
RUNS = [
    ("1. edits never lose text; undo is exact", "tests/test_ops_properties.py",
     {"HYPOTHESIS_PROFILE": "dedicated"}, "10,000 random bitexts x up to 200 operations"),
    ("1. the same through the GUI's undo stack", "tests/gui/test_gui_properties.py",
     {"HYPOTHESIS_PROFILE": "dedicated"}, "1,000 random editing sessions on the Qt model"),
    ("2. killed saves never corrupt the project", "tests/test_crash_safety.py",
     {"BITEXT_KILL_RUNS": "100"}, "100 SIGKILLs during save"),
    ("3. a crash loses at most the last autosave", "tests/gui/test_gui_crash.py", {},
     "the app killed after scripted edits, restarted"),
    ("4. hostile inputs end cleanly", "tests/test_fuzz.py",
     {"BITEXT_FUZZ_CASES": os.environ.get("BITEXT_FUZZ_CASES", "1000")},
     f"{int(os.environ.get('BITEXT_FUZZ_CASES', '1000')):,} mutated files through the CLI"),
]
QUICK = {"HYPOTHESIS_PROFILE": "ci", "BITEXT_KILL_RUNS": "10", "BITEXT_FUZZ_CASES": "30"}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(test: str, env: dict[str, str]) -> tuple[bool, str, str]:
    """Passed?, wall and CPU time (CPU: the run and every process it waited for), last line."""
    start, cpu = time.monotonic(), _children_cpu()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           test], cwd=REPO, env={**os.environ, **env}, capture_output=True,
                          text=True)
    took = f"{time.monotonic() - start:.0f} s (CPU {_children_cpu() - cpu:.0f} s)"
    last = (proc.stdout.strip().splitlines() or ["(no output)"])[-1]
    return proc.returncode == 0, took, last


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="everyday sizes")
    parser.add_argument("--promise", nargs="+", metavar="N",
                        help="run only these promises (numbers, e.g. 1 2 3)")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")
    print("| promise | examples | result | time |")
    print("|---|---|---|---:|")
    ok_all = True
    for promise, test, env, examples in RUNS:
        if args.promise and promise.split(".")[0] not in args.promise:
            continue
        used = {k: QUICK[k] for k in env} if args.quick else env
        ok, took, last = run(test, used)
        ok_all &= ok
        print(f"| {promise} | {examples if not args.quick else 'quick'} | "
              f"{'passed' if ok else 'FAILED: ' + last} | {took} |", flush=True)
    return 0 if ok_all else 1


if __name__ == "__main__":
    raise SystemExit(main())
