<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export As</source>
      <translation>匯出為</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>匯出</translation>
    </message>
    <message>
      <source>Confirmed links only</source>
      <translation>僅已確認的連結</translation>
    </message>
    <message>
      <source>Include 1-0 and 0-1 links</source>
      <translation>包括 1-0 和 0-1 連結</translation>
    </message>
    <message>
      <source>Use the extracted text instead of the edited text</source>
      <translation>使用提取的原文，而非編輯後的文字</translation>
    </message>
    <message>
      <source>Include notes</source>
      <translation>包括備註</translation>
    </message>
    <message>
      <source>Include link numbers</source>
      <translation>包括連結編號</translation>
    </message>
    <message>
      <source>Open the result when it is written</source>
      <translation>寫入後開啟結果</translation>
    </message>
    <message>
      <source>Format:</source>
      <translation>格式：</translation>
    </message>
    <message>
      <source>Chinese language code:</source>
      <translation>中文語言程式碼：</translation>
    </message>
    <message>
      <source>English language code:</source>
      <translation>英文語言程式碼：</translation>
    </message>
    <message>
      <source>Source language:</source>
      <translation>源語言：</translation>
    </message>
    <message>
      <source>XLIFF version:</source>
      <translation>XLIFF 版本：</translation>
    </message>
    <message>
      <source>PDF layout:</source>
      <translation>PDF 版式：</translation>
    </message>
    <message>
      <source>Column order:</source>
      <translation>欄目順序：</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>匯出失敗</translation>
    </message>
    <message>
      <source>Export cancelled.</source>
      <translation>已取消匯出。</translation>
    </message>
    <message>
      <source>Exported {path}</source>
      <translation>已匯出 {path}</translation>
    </message>
    <message>
      <source>No program opens {name}; it is in {folder}.</source>
      <translation>沒有程式可以開啟 {name}；檔案位於 {folder}。</translation>
    </message>
    <message>
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <source>Side by side (two columns)</source>
      <translation>並排（兩欄）</translation>
    </message>
    <message>
      <source>Alternating (one language under the other)</source>
      <translation>交替（一種語言在另一種之下）</translation>
    </message>
    <message>
      <source>Chinese | English</source>
      <translation>中文 | 英文</translation>
    </message>
    <message>
      <source>English | Chinese</source>
      <translation>英文 | 中文</translation>
    </message>
    <message>
      <source>Exporting {name}…</source>
      <translation>正在匯出 {name}…</translation>
    </message>
  </context>
  <context>
    <name>Files</name>
    <message>
      <source>Open</source>
      <translation>開啟</translation>
    </message>
    <message>
      <source>Import one bilingual document or a Chinese–English pair</source>
      <translation>匯入一個雙語文件或一對中英文件</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>正在匯入…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>匯入</translation>
    </message>
    <message>
      <source>Save Project As</source>
      <translation>專案另存為</translation>
    </message>
    <message>
      <source>Save Bundle</source>
      <translation>儲存打包檔案</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>有未儲存的更改</translation>
    </message>
    <message>
      <source>The sentence names an unknown source document.</source>
      <translation>該句子指向未知的源文件。</translation>
    </message>
    <message>
      <source>Import cancelled.</source>
      <translation>匯入已取消。</translation>
    </message>
    <message>
      <source>Wrong password. {name} is encrypted. Password:</source>
      <translation>密碼錯誤。{name} 已加密。密碼：</translation>
    </message>
    <message>
      <source>{name} is encrypted. Password:</source>
      <translation>{name} 已加密。密碼：</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密碼</translation>
    </message>
    <message>
      <source>Cannot import</source>
      <translation>無法匯入</translation>
    </message>
    <message>
      <source>Everything Bitext Editor opens ({patterns});;All files (*)</source>
      <translation>Bitext Editor 可開啟的檔案 ({patterns});;所有檔案 (*)</translation>
    </message>
    <message>
      <source>Documents ({patterns})</source>
      <translation>文件 ({patterns})</translation>
    </message>
    <message>
      <source>Cannot open the file</source>
      <translation>無法開啟檔案</translation>
    </message>
    <message>
      <source>Bitext projects (*{s})</source>
      <translation>Bitext 專案 (*{s})</translation>
    </message>
    <message>
      <source>Cannot save</source>
      <translation>無法儲存</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>已儲存 {path}</translation>
    </message>
    <message>
      <source>Bitext bundles (*{s})</source>
      <translation>Bitext 打包檔案 (*{s})</translation>
    </message>
    <message>
      <source>Cannot save the bundle</source>
      <translation>無法儲存打包檔案</translation>
    </message>
    <message>
      <source> (without {n} missing source documents)</source>
      <translation>（缺少 {n} 個源文件，未包含）</translation>
    </message>
    <message>
      <source>Save the changes to {name}?</source>
      <translation>儲存對 {name} 的更改嗎？</translation>
    </message>
    <message>
      <source>The source document {name} is missing or was moved; put it beside the project to see it here.</source>
      <translation>源文件 {name} 缺失或已移動；把它放在專案旁邊即可在此檢視。</translation>
    </message>
    <message>
      <source>{name} is not a PDF, so there is no page to show.</source>
      <translation>{name} 不是 PDF，沒有可顯示的頁面。</translation>
    </message>
    <message>
      <source>Missing source documents: {names}</source>
      <translation>缺少源文件：{names}</translation>
    </message>
    <message>
      <source>Saved bundle {path}</source>
      <translation>已儲存打包檔案 {path}</translation>
    </message>
    <message>
      <source>Untitled</source>
      <translation>未命名</translation>
    </message>
  </context>
  <context>
    <name>FindBar</name>
    <message>
      <source>Find</source>
      <translation>查詢</translation>
    </message>
    <message>
      <source>Replace with</source>
      <translation>替換為</translation>
    </message>
    <message>
      <source>Regex</source>
      <translation>正規表示式</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>區分大小寫</translation>
    </message>
    <message>
      <source>Whole word</source>
      <translation>全詞匹配</translation>
    </message>
    <message>
      <source>Both languages</source>
      <translation>兩種語言</translation>
    </message>
    <message>
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>下一個</translation>
    </message>
    <message>
      <source>Previous</source>
      <translation>上一個</translation>
    </message>
    <message>
      <source>Replace</source>
      <translation>替換</translation>
    </message>
    <message>
      <source>Replace All</source>
      <translation>全部替換</translation>
    </message>
    <message>
      <source>Found in link {n}</source>
      <translation>在連結 {n} 中找到</translation>
    </message>
    <message>
      <source>Nothing to replace.</source>
      <translation>沒有可替換的內容。</translation>
    </message>
    <message>
      <source>Not found: {p}</source>
      <translation>未找到：{p}</translation>
    </message>
    <message>
      <source>Replaced in {n} sentences.</source>
      <translation>已在 {n} 個句子中替換。</translation>
    </message>
    <message>
      <source>Invalid regular expression: {e}</source>
      <translation>無效的正規表示式：{e}</translation>
    </message>
  </context>
  <context>
    <name>Fixes</name>
    <message>
      <source>No doubtful link is left.</source>
      <translation>已沒有可疑連結。</translation>
    </message>
    <message>
      <source>There are no bookmarks.</source>
      <translation>沒有書籤。</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>備註</translation>
    </message>
    <message>
      <source>Swap needs one sentence on this side here and in the next link.</source>
      <translation>交換需要此連結和下一連結在這一側各有一個句子。</translation>
    </message>
    <message>
      <source>Keep one line per sentence: use Split Sentence or Join Sentence to change how many there are.</source>
      <translation>請保持每句一行：要改變句子數量，請使用“拆分句子”或“合併句子”。</translation>
    </message>
    <message>
      <source>Every link is confirmed.</source>
      <translation>所有連結均已確認。</translation>
    </message>
    <message>
      <source>Put the cursor where the sentence should split, then press Split Sentence again.</source>
      <translation>把游標放在要拆分的位置，然後再次按“拆分句子”。</translation>
    </message>
    <message>
      <source>Note on link {n}:</source>
      <translation>連結 {n} 的備註：</translation>
    </message>
  </context>
  <context>
    <name>Importing</name>
    <message>
      <source>Reading documents…</source>
      <translation>正在讀取文件…</translation>
    </message>
    <message>
      <source>Aligning sentences…</source>
      <translation>正在對齊句子…</translation>
    </message>
  </context>
  <context>
    <name>LinkTableModel</name>
    <message>
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>confirmed</source>
      <translation>已確認</translation>
    </message>
    <message>
      <source>automatic</source>
      <translation>自動</translation>
    </message>
    <message>
      <source>Bookmarked</source>
      <translation>已加書籤</translation>
    </message>
    <message>
      <source>Link {n} · {shape} · confidence {conf} · {status}</source>
      <translation>連結 {n} · {shape} · 置信度 {conf} · {status}</translation>
    </message>
    <message>
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <source>Note: {note}</source>
      <translation>備註：{note}</translation>
    </message>
    <message>
      <source>Sentence {n}, original text:
{text}</source>
      <translation>第 {n} 句，原文：
{text}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Go to Link</source>
      <translation>轉到連結</translation>
    </message>
    <message>
      <source>Link number:</source>
      <translation>連結編號：</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
      <source>{n} links · {p:.0f} % confirmed</source>
      <translation>{n} 個連結 · 已確認 {p:.0f}%</translation>
    </message>
    <message>
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>有未儲存的更改</translation>
    </message>
    <message>
      <source>Link {i} / {n} · {side} sentence {s}</source>
      <translation>連結 {i} / {n} · {side}第 {s} 句</translation>
    </message>
    <message>
      <source>showing the original text</source>
      <translation>正在顯示原文</translation>
    </message>
    <message>
      <source>Link {n} is hidden by the filters: showing all links.</source>
      <translation>連結 {n} 被篩選隱藏：顯示全部連結。</translation>
    </message>
    <message>
      <source>{m} shown</source>
      <translation>顯示 {m} 個</translation>
    </message>
    <message>
      <source>Untitled</source>
      <translation>未命名</translation>
    </message>
  </context>
  <context>
    <name>NoteDialog</name>
    <message>
      <source>Ctrl+Enter saves the note; Esc leaves it as it was.</source>
      <translation>Ctrl+Enter 儲存備註；Esc 保持原樣。</translation>
    </message>
  </context>
  <context>
    <name>PdfPane</name>
    <message>
      <source>No source document.</source>
      <translation>沒有源文件。</translation>
    </message>
    <message>
      <source>Show the other document</source>
      <translation>顯示另一文件</translation>
    </message>
    <message>
      <source>Fit width</source>
      <translation>適合寬度</translation>
    </message>
    <message>
      <source>Fit page</source>
      <translation>適合頁面</translation>
    </message>
    <message>
      <source>Opening {name}…</source>
      <translation>正在開啟 {name}…</translation>
    </message>
    <message>
      <source>Cannot show {path}: {message}</source>
      <translation>無法顯示 {path}：{message}</translation>
    </message>
  </context>
  <context>
    <name>PdfSync</name>
    <message>
      <source>This sentence has no place in a source PDF.</source>
      <translation>此句在源 PDF 中沒有位置。</translation>
    </message>
  </context>
  <context>
    <name>QPlatformTheme</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>Realign</name>
    <message>
      <source>Re-align</source>
      <translation>重新對齊</translation>
    </message>
    <message>
      <source>Cannot re-align</source>
      <translation>無法重新對齊</translation>
    </message>
    <message>
      <source>Re-alignment cancelled.</source>
      <translation>重新對齊已取消。</translation>
    </message>
    <message>
      <source>Re-alignment is not available in this build.</source>
      <translation>此版本不提供重新對齊。</translation>
    </message>
    <message>
      <source>Re-alignment changed nothing.</source>
      <translation>重新對齊沒有帶來變化。</translation>
    </message>
    <message>
      <source>The links changed during re-alignment; run it again.</source>
      <translation>重新對齊期間連結已更改；請再執行一次。</translation>
    </message>
    <message>
      <source>Select at least two links to re-align.</source>
      <translation>請至少選擇兩個連結進行重新對齊。</translation>
    </message>
    <message>
      <source>There is nothing after this link to re-align.</source>
      <translation>此連結之後沒有可重新對齊的內容。</translation>
    </message>
    <message>
      <source>Re-aligning links {a}–{b}…</source>
      <translation>正在重新對齊連結 {a}–{b}…</translation>
    </message>
  </context>
  <context>
    <name>actions</name>
    <message>
      <source>&amp;Open…</source>
      <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
      <source>Open a project, a bundle or documents</source>
      <translation>開啟專案、打包檔案或文件</translation>
    </message>
    <message>
      <source>&amp;Import Documents…</source>
      <translation>匯入文件(&amp;I)…</translation>
    </message>
    <message>
      <source>Import one bilingual PDF, a pair of documents or text files</source>
      <translation>匯入一個雙語 PDF、一對文件或文字檔案</translation>
    </message>
    <message>
      <source>Open the &amp;Sample</source>
      <translation>開啟示例(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>儲存(&amp;S)</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>另存為(&amp;A)…</translation>
    </message>
    <message>
      <source>Save &amp;Bundle…</source>
      <translation>儲存打包檔案(&amp;B)…</translation>
    </message>
    <message>
      <source>One file holding the project and its source documents</source>
      <translation>一個包含專案及其源文件的檔案</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>撤銷(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Edit Sentence</source>
      <translation>編輯句子(&amp;E)</translation>
    </message>
    <message>
      <source>Show &amp;Original Text</source>
      <translation>顯示原文(&amp;O)</translation>
    </message>
    <message>
      <source>Restore O&amp;riginal Text</source>
      <translation>恢復原文(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Find and Replace…</source>
      <translation>查詢和替換(&amp;F)…</translation>
    </message>
    <message>
      <source>Find &amp;Next</source>
      <translation>查詢下一個(&amp;N)</translation>
    </message>
    <message>
      <source>Find Pre&amp;vious</source>
      <translation>查詢上一個(&amp;V)</translation>
    </message>
    <message>
      <source>Replace &amp;All</source>
      <translation>全部替換(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Go to Link…</source>
      <translation>轉到連結(&amp;G)…</translation>
    </message>
    <message>
      <source>Next Sen&amp;tence</source>
      <translation>下一句(&amp;T)</translation>
    </message>
    <message>
      <source>Move to the next sentence of this side (inside a link first)</source>
      <translation>移到這一側的下一句（先在連結內移動）</translation>
    </message>
    <message>
      <source>Previous Sent&amp;ence</source>
      <translation>上一句(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Merge with Next Link</source>
      <translation>與下一連結合併(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Split Link After Sentence</source>
      <translation>在句後拆分連結(&amp;S)</translation>
    </message>
    <message>
      <source>Shift First Sentence &amp;Up</source>
      <translation>首句上移(&amp;U)</translation>
    </message>
    <message>
      <source>Shift Last Sentence &amp;Down</source>
      <translation>末句下移(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Insert Empty Counterpart</source>
      <translation>插入空對應(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;Delete Empty Counterpart</source>
      <translation>刪除空對應(&amp;D)</translation>
    </message>
    <message>
      <source>Split Sentence at &amp;Cursor</source>
      <translation>在游標處拆分句子(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Join Sentence with Next</source>
      <translation>與下一句合併(&amp;J)</translation>
    </message>
    <message>
      <source>S&amp;wap Text with Next Link</source>
      <translation>與下一連結交換文字(&amp;W)</translation>
    </message>
    <message>
      <source>Swap the focused side's text with the next link's (a reordered translation)</source>
      <translation>將當前一側的文字與下一連結的交換（譯文調換了順序時）</translation>
    </message>
    <message>
      <source>&amp;Re-align Selection</source>
      <translation>重新對齊所選(&amp;R)</translation>
    </message>
    <message>
      <source>Re-align &amp;Everything After This Link</source>
      <translation>重新對齊此連結之後的全部(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Confirm and Go to Next Unconfirmed</source>
      <translation>確認並轉到下一個未確認(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Unconfirm</source>
      <translation>取消確認(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Next Doubtful Link</source>
      <translation>下一個可疑連結(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Previous Doubtful Link</source>
      <translation>上一個可疑連結(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Lowest Confidence Unconfirmed Link</source>
      <translation>置信度最低的未確認連結(&amp;L)</translation>
    </message>
    <message>
      <source>Toggle &amp;Bookmark</source>
      <translation>切換書籤(&amp;B)</translation>
    </message>
    <message>
      <source>Next Boo&amp;kmark</source>
      <translation>下一個書籤(&amp;K)</translation>
    </message>
    <message>
      <source>Previous Bookm&amp;ark</source>
      <translation>上一個書籤(&amp;A)</translation>
    </message>
    <message>
      <source>Edit N&amp;ote…</source>
      <translation>編輯備註(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Unconfirmed</source>
      <translation>未確認(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Low Confidence</source>
      <translation>低置信度(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Edited</source>
      <translation>已編輯(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;1-0 and 0-1</source>
      <translation>1-0 和 0-1(&amp;1)</translation>
    </message>
    <message>
      <source>With &amp;Notes</source>
      <translation>有備註(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Search Results</source>
      <translation>搜尋結果(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Bookmarked</source>
      <translation>有書籤(&amp;B)</translation>
    </message>
    <message>
      <source>Show &amp;All Links</source>
      <translation>顯示全部連結(&amp;A)</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>放大(&amp;I)</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>縮小(&amp;O)</translation>
    </message>
    <message>
      <source>Fit &amp;Width</source>
      <translation>適合寬度(&amp;W)</translation>
    </message>
    <message>
      <source>Fit &amp;Page</source>
      <translation>適合頁面(&amp;P)</translation>
    </message>
    <message>
      <source>Ne&amp;xt Page</source>
      <translation>下一頁(&amp;X)</translation>
    </message>
    <message>
      <source>Pre&amp;vious Page</source>
      <translation>上一頁(&amp;V)</translation>
    </message>
    <message>
      <source>Show the &amp;Other Document</source>
      <translation>顯示另一文件(&amp;O)</translation>
    </message>
    <message>
      <source>With a pair of PDFs, show the other language's document</source>
      <translation>對於一對 PDF，顯示另一語言的文件</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts…</source>
      <translation>鍵盤快捷鍵(&amp;K)…</translation>
    </message>
    <message>
      <source>&amp;Preferences…</source>
      <translation>首選項(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;About Bitext Editor</source>
      <translation>關於 Bitext Editor(&amp;A)</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <source>Unexpected error</source>
      <translation>意外錯誤</translation>
    </message>
    <message>
      <source>Recover unsaved work</source>
      <translation>恢復未儲存的工作</translation>
    </message>
    <message>
      <source>Something went wrong inside {app}. Your work was saved to the recovery file and will be offered at the next start.

Log file: {log}</source>
      <translation>{app} 內部出錯。您的工作已儲存到恢復檔案，下次啟動時將提供恢復。

日誌檔案：{log}</translation>
    </message>
    <message>
      <source>{app} did not close normally. Recover the unsaved work from the last session?</source>
      <translation>{app} 上次未正常關閉。要恢復上次會話中未儲存的工作嗎？</translation>
    </message>
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <source>Import warnings</source>
      <translation>匯入警告</translation>
    </message>
    <message>
      <source>Unreadable text layer</source>
      <translation>文字層無法讀取</translation>
    </message>
    <message>
      <source>No text layer (scanned page)</source>
      <translation>無文字層（掃描頁）</translation>
    </message>
    <message>
      <source>Read by OCR</source>
      <translation>已用 OCR 辨識</translation>
    </message>
    <message>
      <source>OCR is not installed</source>
      <translation>未安裝 OCR</translation>
    </message>
    <message>
      <source>Encrypted document</source>
      <translation>加密文件</translation>
    </message>
    <message>
      <source>Repeated text left out</source>
      <translation>已略去重複文字</translation>
    </message>
    <message>
      <source>Private-use characters</source>
      <translation>私用區字元</translation>
    </message>
    <message>
      <source>Encoding guessed</source>
      <translation>編碼為推測所得</translation>
    </message>
    <message>
      <source>Layout uncertain</source>
      <translation>版面不確定</translation>
    </message>
    <message>
      <source>A language is missing</source>
      <translation>缺少一種語言</translation>
    </message>
    <message>
      <source>Page too dense, left out</source>
      <translation>頁面文字過多，已略去</translation>
    </message>
    <message>
      <source>Damaged file</source>
      <translation>檔案已損毀</translation>
    </message>
    <message>
      <source>Rotated or vertical text skipped</source>
      <translation>已略過旋轉或直排文字</translation>
    </message>
    <message>
      <source>Keyboard Shortcuts</source>
      <translation>鍵盤快捷鍵</translation>
    </message>
    <message>
      <source>Search actions</source>
      <translation>搜尋操作</translation>
    </message>
    <message>
      <source>Restore Defaults</source>
      <translation>恢復預設值</translation>
    </message>
    <message>
      <source>Preferences</source>
      <translation>首選項</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>系統語言</translation>
    </message>
    <message>
      <source>Interface language:</source>
      <translation>介面語言：</translation>
    </message>
    <message>
      <source>Doubtful below confidence:</source>
      <translation>置信度低於此值視為可疑：</translation>
    </message>
    <message>
      <source>Sentence segmentation exceptions</source>
      <translation>分句例外</translation>
    </message>
    <message>
      <source>One entry per line: a sentence never ends right after it ("Fig.", "et al."). Delete a line to let sentences end there again; lines starting with # are comments.</source>
      <translation>每行一項：句子絕不會在該項之後結束（如「Fig.」、「et al.」）。刪除一行即可讓句子重新在該處結束；以 # 開頭的行是註解。</translation>
    </message>
    <message>
      <source>The import found {n} things worth checking. Press Enter or double-click one to see its page.</source>
      <translation>匯入發現 {n} 處值得檢查的地方。按 Enter 或按兩下一項即可查看其所在頁面。</translation>
    </message>
    <message>
      <source>About {app}</source>
      <translation>關於 {app}</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>匯出</translation>
    </message>
    <message>
      <source>Menu</source>
      <translation>選單</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>快捷鍵</translation>
    </message>
    <message>
      <source>Chinese font…</source>
      <translation>中文字型…</translation>
    </message>
    <message>
      <source>English font…</source>
      <translation>英文字型…</translation>
    </message>
    <message>
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>{doc}, page {n}</source>
      <translation>{doc}，第 {n} 頁</translation>
    </message>
    <message>
      <source>page {n}</source>
      <translation>第 {n} 頁</translation>
    </message>
    <message>
      <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Align, revise and export Chinese–English bilingual documents beside their source PDF.&lt;/p&gt;&lt;p&gt;PDF rendering: PyMuPDF (AGPL). User interface: Qt for Python (LGPL).&lt;/p&gt;</source>
      <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;在源 PDF 旁對齊、修訂並匯出中英雙語文件。&lt;/p&gt;&lt;p&gt;PDF 渲染：PyMuPDF（AGPL）。使用者介面：Qt for Python（LGPL）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Export is unavailable: {e}</source>
      <translation>無法匯出：{e}</translation>
    </message>
    <message>
      <source>{key} is used twice.</source>
      <translation>{key} 被使用了兩次。</translation>
    </message>
    <message>
      <source>{language} exceptions, {problem}</source>
      <translation>{language}例外清單，{problem}</translation>
    </message>
  </context>
  <context>
    <name>edits</name>
    <message>
      <source>Bookmark</source>
      <translation>書籤</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>確認</translation>
    </message>
    <message>
      <source>Delete empty counterpart</source>
      <translation>刪除空對應</translation>
    </message>
    <message>
      <source>Edit note</source>
      <translation>編輯備註</translation>
    </message>
    <message>
      <source>Edit text</source>
      <translation>編輯文字</translation>
    </message>
    <message>
      <source>Flag</source>
      <translation>標記</translation>
    </message>
    <message>
      <source>Insert empty counterpart</source>
      <translation>插入空對應</translation>
    </message>
    <message>
      <source>Join sentences</source>
      <translation>合併句子</translation>
    </message>
    <message>
      <source>Merge links</source>
      <translation>合併連結</translation>
    </message>
    <message>
      <source>Re-align</source>
      <translation>重新對齊</translation>
    </message>
    <message>
      <source>Replace all</source>
      <translation>全部替換</translation>
    </message>
    <message>
      <source>Restore original</source>
      <translation>恢復原文</translation>
    </message>
    <message>
      <source>Shift sentence down</source>
      <translation>句子下移</translation>
    </message>
    <message>
      <source>Shift sentence up</source>
      <translation>句子上移</translation>
    </message>
    <message>
      <source>Split link</source>
      <translation>拆分連結</translation>
    </message>
    <message>
      <source>Split sentence</source>
      <translation>拆分句子</translation>
    </message>
    <message>
      <source>Swap</source>
      <translation>交換</translation>
    </message>
    <message>
      <source>Unconfirm</source>
      <translation>取消確認</translation>
    </message>
  </context>
  <context>
    <name>menus</name>
    <message>
      <source>&amp;File</source>
      <translation>檔案(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>編輯(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Align</source>
      <translation>對齊(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Review</source>
      <translation>審校(&amp;R)</translation>
    </message>
    <message>
      <source>F&amp;ilter</source>
      <translation>篩選(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>檢視(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Settings</source>
      <translation>設定(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>幫助(&amp;H)</translation>
    </message>
  </context>
</TS>
