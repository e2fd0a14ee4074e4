"""Long alignments: window by window within a memory bound, or refused with the limit."""

from __future__ import annotations

from pathlib import Path

import pytest
from align_samples import STORY_EN, STORY_ZH

from editor.core.align import align_sentences, limits, windows
from editor.core.errors import InputError

ZH, EN = STORY_ZH, STORY_EN


def _numbered(lines: list[str], copies: int) -> list[str]:
    return [f"{line} ({k})" for k in range(copies) for line in lines]


def test_windows_give_the_alignment_of_the_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    zh, en = _numbered(ZH, 10), _numbered(EN, 10)
    whole = align_sentences(zh, en)
    monkeypatch.setattr(windows, "WINDOW", 30)  # 110 sentences: five windows or so
    monkeypatch.setattr(windows, "BLOCK", 16)
    parts = align_sentences(zh, en)
    assert [i for b in parts for i in b.zh] == list(range(len(zh)))
    assert [j for b in parts for j in b.en] == list(range(len(en)))
    assert [(b.zh, b.en) for b in parts] == [(b.zh, b.en) for b in whole]


def test_too_many_sentences_are_refused_with_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_SENTENCES", 10)
    assert len(align_sentences(ZH[:5], EN[:5], mode="fast")) == 5  # at the limit: aligned
    with pytest.raises(InputError, match="limit is 10 in all"):
        align_sentences(ZH, EN, mode="fast")


def test_the_cli_refuses_a_long_pair_in_one_line_naming_the_file(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from editor.cli.main import main

    zh, en = tmp_path / "long.zh", tmp_path / "long.en"
    zh.write_text("\n".join(ZH * 2), encoding="utf-8")
    en.write_text("\n".join(EN * 2), encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_SENTENCES", 20)
    out = tmp_path / "out.ids"
    assert main(["align", "--presegmented", str(zh), str(en), "-o", str(out)]) == 2
    message = capsys.readouterr().err.strip()
    assert len(message.splitlines()) == 1
    assert "long.zh" in message and "22 (10 Chinese + 12 English)" in message
    assert "limit is 20" in message
    assert not out.exists()


def test_cancel_stops_a_long_alignment_between_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from editor.core.errors import OperationError

    monkeypatch.setattr(windows, "WINDOW", 30)
    monkeypatch.setattr(windows, "BLOCK", 16)
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 12  # well into the windows, with encoding going on behind

    before = threading.active_count()
    with pytest.raises(OperationError, match="cancelled"):
        align_sentences(_numbered(ZH, 10), _numbered(EN, 10), cancel=cancel)
    assert threading.active_count() == before  # no encoder left running
