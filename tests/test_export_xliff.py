"""XLIFF export, byte for byte: CAT tools and diff-based reviews see exactly this.

The expected files were written by the XLIFF writer before it was made faster (one
node renderer for both versions, 1.9 s for 50,000 links): the faster writer must not
change a byte. The bitext covers a confirmed link without a target (approved in 1.2,
``initial`` in 2.1), a unit without a source, notes, and text that needs escaping
(``&``, ``]]>``, a carriage return, a tab and a line feed), plus a file name that needs
escaping in an attribute.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from export_helpers import HOSTILE_EN, HOSTILE_ZH, sample_bitext

from editor import __version__
from editor.core.export import ExportOptions, export_bitext
from editor.core.model import Bitext

XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="R&amp;D &quot;plan&quot;.xlf" datatype="plaintext" source-language="zh-TW" target-language="en-US" tool-id="bitext-editor">
    <header><tool tool-id="bitext-editor" tool-name="Bitext Editor" tool-version="0.1.0"/></header>
    <body>
      <trans-unit id="1" approved="yes" xml:space="preserve">
        <source>香港特別行政區政府今日公布新措施。</source>
        <target state="final">The HKSAR Government announced measures today.</target>
        <note>checked by 陳</note>
      </trans-unit>
      <trans-unit id="2" xml:space="preserve">
        <source>措施包括三個部分：第一，支援創新科技。</source>
        <target state="translated">The measures have three parts: first, support for innovation and technology.</target>
      </trans-unit>
      <trans-unit id="3" approved="yes" xml:space="preserve">
        <source>這是沒有英文對應的一句。</source>
        <note>no English\ton purpose</note>
      </trans-unit>
      <trans-unit id="4" xml:space="preserve">
        <source></source>
        <target state="translated">An English sentence with no Chinese counterpart.</target>
      </trans-unit>
      <trans-unit id="5" approved="yes" xml:space="preserve">
        <source>甲&amp;乙]]&gt;丙&#13;
換行</source>
        <target state="final">+plus, comma; "quoted"\ttab
newline</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""  # noqa: E501

XLIFF_21 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="zh-TW" trgLang="en-US">
  <file id="f1" original="R&amp;D &quot;plan&quot;.xlf">
    <unit id="u1">
      <notes>
        <note>checked by 陳</note>
      </notes>
      <segment state="final">
        <source xml:space="preserve">香港特別行政區政府今日公布新措施。</source>
        <target xml:space="preserve">The HKSAR Government announced measures today.</target>
      </segment>
    </unit>
    <unit id="u2">
      <segment state="translated">
        <source xml:space="preserve">措施包括三個部分：第一，支援創新科技。</source>
        <target xml:space="preserve">The measures have three parts: first, support for innovation and technology.</target>
      </segment>
    </unit>
    <unit id="u3">
      <notes>
        <note>no English\ton purpose</note>
      </notes>
      <segment state="initial">
        <source xml:space="preserve">這是沒有英文對應的一句。</source>
      </segment>
    </unit>
    <unit id="u4">
      <segment state="translated">
        <source xml:space="preserve"></source>
        <target xml:space="preserve">An English sentence with no Chinese counterpart.</target>
      </segment>
    </unit>
    <unit id="u5">
      <segment state="final">
        <source xml:space="preserve">甲&amp;乙]]&gt;丙&#13;
換行</source>
        <target xml:space="preserve">+plus, comma; "quoted"\ttab
newline</target>
      </segment>
    </unit>
  </file>
</xliff>
"""  # noqa: E501


def _bitext() -> Bitext:
    bt = sample_bitext()
    bt.links[2] = replace(bt.links[2], status="confirmed", note="no English\ton purpose")
    bt.sentences["z4"] = replace(bt.sentences["z4"], text=HOSTILE_ZH[1] + "\r\n換行")
    bt.sentences["e3"] = replace(bt.sentences["e3"], text=HOSTILE_EN[3])
    return bt


@pytest.mark.parametrize(("options", "expected"),
                         [(ExportOptions(xliff_version="1.2"), XLIFF_12),
                          (ExportOptions(xliff_version="2.1"), XLIFF_21)])
def test_xliff_export_is_byte_identical(tmp_path: Path, options: ExportOptions,
                                        expected: str) -> None:
    out = tmp_path / 'R&D "plan".xlf'
    export_bitext(_bitext(), out, "xliff", options)
    expected = expected.replace('tool-version="0.1.0"', f'tool-version="{__version__}"')
    assert out.read_bytes() == expected.encode("utf-8")
