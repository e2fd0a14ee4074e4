"""Worker pools are sized by the CPUs the process may use, not the machine's count.

Under ``taskset``, a container cpuset or a batch scheduler the machine may have 64 CPUs
while the process may run on one: a pool of 64 OCR, export or encoder workers then
fights over that one CPU.
"""

from __future__ import annotations

import os
import threading
import time

import pytest

from editor.core import cpus
from editor.core.align import encoder
from editor.core.export import pdf as pdf_export
from editor.core.extract import ocr


@pytest.fixture
def one_of_64_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 64-CPU machine on which this process may run on CPU 0 only."""
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)


def test_usable_cpus_follows_the_affinity_mask(one_of_64_cpus: None) -> None:
    assert cpus.usable_cpus() == 1


def test_usable_cpus_without_an_affinity_call_counts_the_machine(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 6)
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    assert cpus.usable_cpus() == 6
    monkeypatch.setattr(os, "cpu_count", lambda: None)  # undeterminable
    assert cpus.usable_cpus() == 1


def test_encoder_and_pdf_export_pools_fit_the_usable_cpus(one_of_64_cpus: None) -> None:
    assert encoder.worker_count() == 1
    assert pdf_export._worker_count(100 * pdf_export.ROWS_PER_WORKER) == 1


def test_ocr_runs_one_tesseract_at_a_time_on_one_usable_cpu(
        one_of_64_cpus: None, monkeypatch: pytest.MonkeyPatch) -> None:
    running, most = 0, 0
    lock = threading.Lock()

    def fake_tesseract(png: bytes, languages: str, psm: str) -> str:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.02)  # long enough for a wider pool to start a second call
        with lock:
            running -= 1
        return ""

    monkeypatch.setattr(ocr, "_run_tesseract", fake_tesseract)
    images = [ocr.Rendered(k, b"", 1.0, (0.0, 0.0), "3") for k in range(4)]
    assert ocr.read_rendered(images, "chi_tra+eng") == [[], [], [], []]
    assert most == 1
