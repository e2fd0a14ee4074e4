"""Generate ``seed-sample.pdf``: the bundled sample page, re-created from the seed text.

The seed (``shared/seeds/000_e23275e6c80ec80e.txt``) is the ``pdftotext -layout`` text of a
bilingual newsletter page: an English title, an author block, the Traditional Chinese
column on the left and the English column on the right. The two columns are interleaved
line by line in that text; the paragraphs below are rebuilt whole from it. Two liberties:

* the seed's ASCII commas in the Chinese text come from the original font's Unicode map;
  the page shows full-width commas, so the re-creation uses ``，`` (U+FF0C);
* one line of the fifth Chinese paragraph is missing from the seed (between "筆者認" and
  "經濟增長動力"); it is reconstructed from the English ("In my opinion, these new
  industries can not only facilitate … but also contribute to the overall economic growth").

As in the original, the Chinese author block is set in a font whose text layer is unusable:
its ToUnicode map sends every glyph to the code point equal to its glyph id, so text
extraction yields garbage such as ``ю͑ྗᙄࡰ`` — the importer must report it, not align it.

Run: ``python resources/samples/make_sample.py [OUT.pdf]`` (PyMuPDF only, deterministic).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
OUT = HERE / "seed-sample.pdf"

TITLE = "Accelerating the Development of New Quality Productivity to Stimulate Dynamic Energy"
AUTHOR_ZH = "吳永嘉議員 BBS 太平紳士"
AUTHOR_EN = ("The Hon Ng Wing Ka, Jimmy, BBS JP", "CMA Legislative Council Representative")

ZH_PARAGRAPHS = (
    "全國兩會於3月中旬圓滿結束，這次兩會的焦點之一是國務院總理李強在政府工作報告中，"
    "首次將「新質生產力」列入今年政府十大工作任務之首，充分突顯中央政府重視的程度。",
    "簡單而言，「新質生產力」是以科技創新推動生產力，既戰略性地培育壯大新興產業，"
    "亦同時升級改造傳統產業。自國家主席習近平於去年9月在黑龍江考察調研期間提到"
    "「新質生產力」後，他在不同場合亦多次強調，在兩會期間更對發展「新質生產力」作出"
    "進一步闡述，當中習主席便強調不是要忽視、放棄傳統產業，各地要因時制宜發展"
    "「新質生產力」。",
    "其實深圳、廣州近年在科研產業化的發展也相當成功，香港與其他大灣區城市在科研領域、"
    "人才、資金方面亦各有優勢，各地可以發揮協同作用，互助互補，助力融入國家發展大局。"
    "另一方面，香港特區政府必須抓緊機遇，加大創新力度，壯大本港新興產業。要實現高質量"
    "發展、達致「新質生產力」，都需要以創科為先導的發展戰略。目前，香港正大力建設國際"
    "創新科技中心，特區政府於今年財政預算案中亦積極推進新型工業化和港深創科園建設的"
    "工作部署，及積極發展高新技術、綠色經濟等這些新興產業，這都是以創新服務國家發展"
    "戰略的重要對接點。特區政府需加快香港新型工業化發展，利用北部都會區推動工業產業鏈"
    "供應鏈部署，加大新型工業化發展的投入力度，切實與國家現代化產業體系對接，積極融入"
    "國家發展大局。",
    "事實上，中央政府加速發展「新質生產力」重視的程度，同時是為香港產業轉型升級提供"
    "關鍵時刻，它能夠有力推動香港傳統產業高端化、智能化、綠色化發展，提升當前香港生產力"
    "發展水平，提高香港整體的競爭力。因此，本港在發展「新質生產力」的同時，也千萬不要"
    "忽視或放棄傳統產業的發展，要根據資源、產業基礎、科研條件等，推動新產業、新模式、"
    "新動能發展。",
    "加快發展「新質生產力」是「極具前瞻性的布局」，香港可以從源頭創新、產業創新、人才"
    "創新三方面加速形成「新質生產力」。新興與傳統產業兩者「雙軌並行」才能壯大香港固有"
    "優勢，帶動更大發展動力。筆者認為，這些新興產業不但能促進香港傳統產業轉型升級，"
    "亦有助國家整體經濟增長動力有所提升，持續地推動經濟發展。",
    "現時，特區政府正就基本法第23條立法的工作全速進行，國家安全是香港繁榮安定的基石，"
    "香港在維護國家安全條例下，經濟社會才能聚焦朝向高質量發展，增強發展「興」的動能。",
)

EN_PARAGRAPHS = (
    'The National People\'s Congress and the Chinese People\'s Political Consultative '
    'Conference (NPC & CPPCC), also known as the "Two Sessions," concluded successfully in '
    "mid-March. One of the key highlights of this year's Two Sessions was the inclusion of "
    '"new quality productivity" as the top priority among the government\'s ten major tasks '
    "in Premier Li Qiang's government work report. This significant recognition underscores "
    "the central government's emphasis on promoting and developing new quality productivity.",
    'In simple terms, "new quality productivity" refers to promoting productivity through '
    "technological innovation. It involves strategically nurturing and strengthening emerging "
    "industries while also upgrading and transforming traditional industries. Since President "
    'Xi Jinping mentioned "new quality productivity" during his inspection and research in '
    "Heilongjiang in September last year, he has emphasized it on various occasions. During "
    'the Two Sessions, President Xi further elaborated on the development of "new quality '
    'productivity." He emphasized that it does not mean neglecting or abandoning traditional '
    'industries, but rather, each region should develop "new quality productivity" according '
    "to local conditions and circumstances.",
    "In fact, Shenzhen and Guangzhou have achieved significant success in the development of "
    "research-industry integration in recent years. Hong Kong, along with other cities in the "
    "Greater Bay Area, also possesses advantages in terms of research, talent, and funding. By "
    "leveraging synergies and complementing each other's strengths, these regions can "
    "contribute to the overall development of the country. On the other hand, the Hong Kong "
    "SAR government must seize the opportunity and enhance its innovation efforts to "
    "strengthen emerging industries in the city. To achieve high-quality development and "
    'realize the potential of "new quality productivity," a development strategy led by '
    "innovation and technology is crucial. Currently, Hong Kong is actively building an "
    "international innovation and technology hub. The SAR government has also set forth "
    "initiatives in the fiscal budget this year to promote new industrialization and the "
    "development of the Hong Kong-Shenzhen Innovation and Technology Park. Efforts are being "
    "made to actively develop high-tech industries, green economy, and other emerging "
    "sectors, serving as important points of convergence with the national development "
    "strategy. The SAR government needs to accelerate the development of new "
    "industrialization in Hong Kong, utilize the opportunities in the northern metropolis to "
    "drive industrial and supply chain deployment, increase investment in new "
    "industrialization, effectively align with the national modern industrial system, and "
    "actively integrate into the overall national development agenda.",
    "Indeed, the emphasis that the central government has placed on accelerating the "
    'development of "new quality productivity" presents a crucial moment for Hong Kong\'s '
    "industrial transformation and upgrading. It provides a strong impetus for the high-end, "
    "intelligent, and green development of traditional industries in Hong Kong, thereby "
    "enhancing the current level of productivity and overall competitiveness. Therefore, "
    'while we focus on developing "new quality productivity," we must not overlook or '
    "abandon the development of traditional industries. Instead, we should promote the "
    "development of new industries, models, and drivers based on our available resources, "
    "industrial foundations, and research conditions.",
    'Accelerating the development of "new quality productivity" is a forward-looking '
    'strategy. Hong Kong can expedite the formation of "new quality productivity" through '
    "innovation at the source, industrial innovation, and talent innovation. The coexistence "
    "of emerging and traditional industries is essential to leverage Hong Kong's inherent "
    "advantages and drive greater development momentum. In my opinion, these new industries "
    "can not only facilitate the transformation and upgrading of traditional industries in "
    "Hong Kong but also contribute to the overall economic growth of China, continuously "
    "propelling economic development forward.",
    "Currently, the SAR government is actively working on the legislation of Article 23 of "
    "the Basic Law. National security is the cornerstone of Hong Kong's prosperity and "
    "stability. With the maintenance of national security laws, Hong Kong's economy and "
    "society can focus on high-quality development and enhance the momentum for development.",
)

# Page geometry (A4, points).
PAGE_W, PAGE_H = 595.0, 842.0
MARGIN = 40.0
GUTTER = 16.0
ZH_WIDTH = 222.0
ZH_SIZE, ZH_LEADING = 8.6, 13.0
EN_SIZE, EN_LEADING = 7.6, 9.9
PARA_GAP = 5.0
BODY_TOP = 178.0

#: Chinese characters that may not start a line / end a line (kinsoku shori).
NO_LINE_START = set("，。、；：！？」』）》〉,.;:!?")
NO_LINE_END = set("「『（《〈")

Measure = Callable[[str], float]


def wrap_cjk(text: str, width: float, measure: Measure) -> Iterator[str]:
    """Break Chinese text anywhere a character fits, honouring line-start/end rules."""
    line = ""
    for ch in text:
        if line and measure(line + ch) > width and ch not in NO_LINE_START:
            carry = ""
            while line and line[-1] in NO_LINE_END:
                carry, line = line[-1] + carry, line[:-1]
            yield line
            line = carry
        line += ch
    if line:
        yield line


def wrap_words(text: str, width: float, measure: Measure) -> Iterator[str]:
    """Break English text at spaces."""
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and measure(candidate) > width:
            yield line
            line = word
        else:
            line = candidate
    if line:
        yield line


def set_column(writer: pymupdf.TextWriter, font: pymupdf.Font, paragraphs: tuple[str, ...],
               x: float, width: float, size: float, leading: float, *, cjk: bool) -> float:
    """Set paragraphs ragged-right from ``BODY_TOP``; return the baseline of the last line."""
    y = BODY_TOP
    wrap = wrap_cjk if cjk else wrap_words

    def measure(s: str) -> float:
        return font.text_length(s, fontsize=size)

    for paragraph in paragraphs:
        for line in wrap(paragraph, width, measure):
            writer.append((x, y), line, font=font, fontsize=size)
            y += leading
        y += PARA_GAP
    return y - leading - PARA_GAP


def garble_tounicode(doc: pymupdf.Document) -> None:
    """Point every glyph of every font in ``doc`` at the code point equal to its glyph id.

    That is what a font without a real Unicode map yields (the seed's ``ю͑ྗᙄࡰ``).
    """
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "Subtype")[1] != "/Type0":
            continue
        kind, ref = doc.xref_get_key(xref, "ToUnicode")
        if kind != "xref":
            continue
        tu = int(ref.split()[0])
        cmap = doc.xref_stream(tu).decode("latin-1")
        gids = sorted(_cids_of(cmap))
        entries = "".join(f"<{g:04x}> <{_garbage_cp(g):04x}>\n" for g in gids)
        doc.update_stream(tu, (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo <</Registry(Adobe)/Ordering(UCS)/Supplement 0>> def\n"
            "/CMapName /Garbled-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(gids)} beginbfchar\n{entries}endbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end\n"
        ).encode("latin-1"))


def _cids_of(cmap: str) -> set[int]:
    """Every source code a ToUnicode CMap maps (bfchar entries and bfrange spans)."""
    cids: set[int] = set()
    for lo, hi in re.findall(r"<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]{4})>\s*<[0-9a-fA-F]+>", cmap):
        cids.update(range(int(lo, 16), int(hi, 16) + 1))
    for single in re.findall(r"^<([0-9a-fA-F]{4})>\s*<[0-9a-fA-F]+>\s*$", cmap, re.M):
        cids.add(int(single, 16))
    return cids


def _garbage_cp(gid: int) -> int:
    """The glyph id itself, moved off control characters and surrogates."""
    if gid < 0x20 or 0x7F <= gid < 0xA0 or 0xD800 <= gid < 0xE000:
        return gid + 0x100
    return gid


def author_block_pdf(cjk: pymupdf.Font, width: float) -> pymupdf.Document:
    """A one-line PDF holding the Chinese author block in a font with a broken text layer."""
    doc = pymupdf.open()
    page = doc.new_page(width=width, height=16)
    writer = pymupdf.TextWriter(page.rect)
    writer.append((0, 12), AUTHOR_ZH, font=cjk, fontsize=10)
    writer.write_text(page)
    doc.subset_fonts()
    garble_tounicode(doc)
    return doc


def build(out: Path = OUT) -> Path:
    cjk = pymupdf.Font("cjk")
    serif, serif_bold = pymupdf.Font("tiro"), pymupdf.Font("tibo")
    doc = pymupdf.open()
    page = doc.new_page(width=PAGE_W, height=PAGE_H)
    writer = pymupdf.TextWriter(page.rect)
    title_lines = list(wrap_words(TITLE, 420, lambda s: serif_bold.text_length(s, 17)))
    for k, line in enumerate(title_lines):
        writer.append((MARGIN, 70 + 21 * k), line, font=serif_bold, fontsize=17)
    en_x = MARGIN + ZH_WIDTH + GUTTER
    for k, line in enumerate(AUTHOR_EN):
        writer.append((en_x, 138 + 10 * k), line, font=serif, fontsize=EN_SIZE)
    set_column(writer, cjk, ZH_PARAGRAPHS, MARGIN, ZH_WIDTH, ZH_SIZE, ZH_LEADING, cjk=True)
    en_width = PAGE_W - MARGIN - en_x
    last = set_column(writer, serif, EN_PARAGRAPHS, en_x, en_width, EN_SIZE, EN_LEADING,
                      cjk=False)
    if last > PAGE_H - MARGIN:
        raise SystemExit(f"the English column overflows the page (last baseline {last:.0f})")
    writer.write_text(page)
    author = author_block_pdf(cjk, 200)
    page.show_pdf_page(pymupdf.Rect(en_x, 110, en_x + 200, 126), author, 0)
    page.draw_line((MARGIN, 160), (PAGE_W - MARGIN, 160), width=0.6)
    doc.set_metadata({"title": TITLE, "author": AUTHOR_EN[0],
                      "creator": "Bitext Editor resources/samples/make_sample.py",
                      "producer": "PyMuPDF", "creationDate": "", "modDate": ""})
    doc.subset_fonts()
    doc.save(out, garbage=4, deflate=True, no_new_id=True)
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    print(build(target))
