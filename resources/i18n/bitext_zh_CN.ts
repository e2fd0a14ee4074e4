<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export As</source>
      <translation>导出为</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Confirmed links only</source>
      <translation>仅已确认的链接</translation>
    </message>
    <message>
      <source>Include 1-0 and 0-1 links</source>
      <translation>包括 1-0 和 0-1 链接</translation>
    </message>
    <message>
      <source>Use the extracted text instead of the edited text</source>
      <translation>使用提取的原文，而非编辑后的文本</translation>
    </message>
    <message>
      <source>Include notes</source>
      <translation>包括备注</translation>
    </message>
    <message>
      <source>Include link numbers</source>
      <translation>包括链接编号</translation>
    </message>
    <message>
      <source>Open the result when it is written</source>
      <translation>写入后打开结果</translation>
    </message>
    <message>
      <source>Format:</source>
      <translation>格式：</translation>
    </message>
    <message>
      <source>Chinese language code:</source>
      <translation>中文语言代码：</translation>
    </message>
    <message>
      <source>English language code:</source>
      <translation>英文语言代码：</translation>
    </message>
    <message>
      <source>Source language:</source>
      <translation>源语言：</translation>
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
      <translation>栏目顺序：</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>导出失败</translation>
    </message>
    <message>
      <source>Export cancelled.</source>
      <translation>已取消导出。</translation>
    </message>
    <message>
      <source>Exported {path}</source>
      <translation>已导出 {path}</translation>
    </message>
    <message>
      <source>No program opens {name}; it is in {folder}.</source>
      <translation>没有程序可以打开 {name}；文件位于 {folder}。</translation>
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
      <translation>并排（两栏）</translation>
    </message>
    <message>
      <source>Alternating (one language under the other)</source>
      <translation>交替（一种语言在另一种之下）</translation>
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
      <translation>正在导出 {name}…</translation>
    </message>
  </context>
  <context>
    <name>Files</name>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Import one bilingual document or a Chinese–English pair</source>
      <translation>导入一个双语文档或一对中英文档</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Save Project As</source>
      <translation>项目另存为</translation>
    </message>
    <message>
      <source>Save Bundle</source>
      <translation>保存打包文件</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>有未保存的更改</translation>
    </message>
    <message>
      <source>The sentence names an unknown source document.</source>
      <translation>该句子指向未知的源文档。</translation>
    </message>
    <message>
      <source>Import cancelled.</source>
      <translation>导入已取消。</translation>
    </message>
    <message>
      <source>Wrong password. {name} is encrypted. Password:</source>
      <translation>密码错误。{name} 已加密。密码：</translation>
    </message>
    <message>
      <source>{name} is encrypted. Password:</source>
      <translation>{name} 已加密。密码：</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Cannot import</source>
      <translation>无法导入</translation>
    </message>
    <message>
      <source>Everything Bitext Editor opens ({patterns});;All files (*)</source>
      <translation>Bitext Editor 可打开的文件 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
      <source>Documents ({patterns})</source>
      <translation>文档 ({patterns})</translation>
    </message>
    <message>
      <source>Cannot open the file</source>
      <translation>无法打开文件</translation>
    </message>
    <message>
      <source>Bitext projects (*{s})</source>
      <translation>Bitext 项目 (*{s})</translation>
    </message>
    <message>
      <source>Cannot save</source>
      <translation>无法保存</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>已保存 {path}</translation>
    </message>
    <message>
      <source>Bitext bundles (*{s})</source>
      <translation>Bitext 打包文件 (*{s})</translation>
    </message>
    <message>
      <source>Cannot save the bundle</source>
      <translation>无法保存打包文件</translation>
    </message>
    <message>
      <source> (without {n} missing source documents)</source>
      <translation>（缺少 {n} 个源文档，未包含）</translation>
    </message>
    <message>
      <source>Save the changes to {name}?</source>
      <translation>保存对 {name} 的更改吗？</translation>
    </message>
    <message>
      <source>The source document {name} is missing or was moved; put it beside the project to see it here.</source>
      <translation>源文档 {name} 缺失或已移动；把它放在项目旁边即可在此查看。</translation>
    </message>
    <message>
      <source>{name} is not a PDF, so there is no page to show.</source>
      <translation>{name} 不是 PDF，没有可显示的页面。</translation>
    </message>
    <message>
      <source>Missing source documents: {names}</source>
      <translation>缺少源文档：{names}</translation>
    </message>
    <message>
      <source>Saved bundle {path}</source>
      <translation>已保存打包文件 {path}</translation>
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
      <translation>查找</translation>
    </message>
    <message>
      <source>Replace with</source>
      <translation>替换为</translation>
    </message>
    <message>
      <source>Regex</source>
      <translation>正则表达式</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>区分大小写</translation>
    </message>
    <message>
      <source>Whole word</source>
      <translation>全词匹配</translation>
    </message>
    <message>
      <source>Both languages</source>
      <translation>两种语言</translation>
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
      <translation>下一个</translation>
    </message>
    <message>
      <source>Previous</source>
      <translation>上一个</translation>
    </message>
    <message>
      <source>Replace</source>
      <translation>替换</translation>
    </message>
    <message>
      <source>Replace All</source>
      <translation>全部替换</translation>
    </message>
    <message>
      <source>Found in link {n}</source>
      <translation>在链接 {n} 中找到</translation>
    </message>
    <message>
      <source>Nothing to replace.</source>
      <translation>没有可替换的内容。</translation>
    </message>
    <message>
      <source>Not found: {p}</source>
      <translation>未找到：{p}</translation>
    </message>
    <message>
      <source>Replaced in {n} sentences.</source>
      <translation>已在 {n} 个句子中替换。</translation>
    </message>
    <message>
      <source>Invalid regular expression: {e}</source>
      <translation>无效的正则表达式：{e}</translation>
    </message>
  </context>
  <context>
    <name>Fixes</name>
    <message>
      <source>No doubtful link is left.</source>
      <translation>已没有可疑链接。</translation>
    </message>
    <message>
      <source>There are no bookmarks.</source>
      <translation>没有书签。</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Swap needs one sentence on this side here and in the next link.</source>
      <translation>交换需要此链接和下一链接在这一侧各有一个句子。</translation>
    </message>
    <message>
      <source>Keep one line per sentence: use Split Sentence or Join Sentence to change how many there are.</source>
      <translation>请保持每句一行：要改变句子数量，请使用“拆分句子”或“合并句子”。</translation>
    </message>
    <message>
      <source>Every link is confirmed.</source>
      <translation>所有链接均已确认。</translation>
    </message>
    <message>
      <source>Put the cursor where the sentence should split, then press Split Sentence again.</source>
      <translation>把光标放在要拆分的位置，然后再次按“拆分句子”。</translation>
    </message>
    <message>
      <source>Note on link {n}:</source>
      <translation>链接 {n} 的备注：</translation>
    </message>
  </context>
  <context>
    <name>Importing</name>
    <message>
      <source>Reading documents…</source>
      <translation>正在读取文档…</translation>
    </message>
    <message>
      <source>Aligning sentences…</source>
      <translation>正在对齐句子…</translation>
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
      <translation>已确认</translation>
    </message>
    <message>
      <source>automatic</source>
      <translation>自动</translation>
    </message>
    <message>
      <source>Bookmarked</source>
      <translation>已加书签</translation>
    </message>
    <message>
      <source>Link {n} · {shape} · confidence {conf} · {status}</source>
      <translation>链接 {n} · {shape} · 置信度 {conf} · {status}</translation>
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
      <translation>备注：{note}</translation>
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
      <translation>转到链接</translation>
    </message>
    <message>
      <source>Link number:</source>
      <translation>链接编号：</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <source>{n} links · {p:.0f} % confirmed</source>
      <translation>{n} 个链接 · 已确认 {p:.0f}%</translation>
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
      <translation>有未保存的更改</translation>
    </message>
    <message>
      <source>Link {i} / {n} · {side} sentence {s}</source>
      <translation>链接 {i} / {n} · {side}第 {s} 句</translation>
    </message>
    <message>
      <source>showing the original text</source>
      <translation>正在显示原文</translation>
    </message>
    <message>
      <source>Link {n} is hidden by the filters: showing all links.</source>
      <translation>链接 {n} 被筛选隐藏：显示全部链接。</translation>
    </message>
    <message>
      <source>{m} shown</source>
      <translation>显示 {m} 个</translation>
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
      <translation>Ctrl+Enter 保存备注；Esc 保持原样。</translation>
    </message>
  </context>
  <context>
    <name>PdfPane</name>
    <message>
      <source>No source document.</source>
      <translation>没有源文档。</translation>
    </message>
    <message>
      <source>Show the other document</source>
      <translation>显示另一文档</translation>
    </message>
    <message>
      <source>Fit width</source>
      <translation>适合宽度</translation>
    </message>
    <message>
      <source>Fit page</source>
      <translation>适合页面</translation>
    </message>
    <message>
      <source>Opening {name}…</source>
      <translation>正在打开 {name}…</translation>
    </message>
    <message>
      <source>Cannot show {path}: {message}</source>
      <translation>无法显示 {path}：{message}</translation>
    </message>
  </context>
  <context>
    <name>PdfSync</name>
    <message>
      <source>This sentence has no place in a source PDF.</source>
      <translation>此句在源 PDF 中没有位置。</translation>
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
      <translation>重新对齐</translation>
    </message>
    <message>
      <source>Cannot re-align</source>
      <translation>无法重新对齐</translation>
    </message>
    <message>
      <source>Re-alignment cancelled.</source>
      <translation>重新对齐已取消。</translation>
    </message>
    <message>
      <source>Re-alignment is not available in this build.</source>
      <translation>此版本不提供重新对齐。</translation>
    </message>
    <message>
      <source>Re-alignment changed nothing.</source>
      <translation>重新对齐没有带来变化。</translation>
    </message>
    <message>
      <source>The links changed during re-alignment; run it again.</source>
      <translation>重新对齐期间链接已更改；请再运行一次。</translation>
    </message>
    <message>
      <source>Select at least two links to re-align.</source>
      <translation>请至少选择两个链接进行重新对齐。</translation>
    </message>
    <message>
      <source>There is nothing after this link to re-align.</source>
      <translation>此链接之后没有可重新对齐的内容。</translation>
    </message>
    <message>
      <source>Re-aligning links {a}–{b}…</source>
      <translation>正在重新对齐链接 {a}–{b}…</translation>
    </message>
  </context>
  <context>
    <name>actions</name>
    <message>
      <source>&amp;Open…</source>
      <translation>打开(&amp;O)…</translation>
    </message>
    <message>
      <source>Open a project, a bundle or documents</source>
      <translation>打开项目、打包文件或文档</translation>
    </message>
    <message>
      <source>&amp;Import Documents…</source>
      <translation>导入文档(&amp;I)…</translation>
    </message>
    <message>
      <source>Import one bilingual PDF, a pair of documents or text files</source>
      <translation>导入一个双语 PDF、一对文档或文本文件</translation>
    </message>
    <message>
      <source>Open the &amp;Sample</source>
      <translation>打开示例(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
      <source>Save &amp;Bundle…</source>
      <translation>保存打包文件(&amp;B)…</translation>
    </message>
    <message>
      <source>One file holding the project and its source documents</source>
      <translation>一个包含项目及其源文档的文件</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>导出(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Edit Sentence</source>
      <translation>编辑句子(&amp;E)</translation>
    </message>
    <message>
      <source>Show &amp;Original Text</source>
      <translation>显示原文(&amp;O)</translation>
    </message>
    <message>
      <source>Restore O&amp;riginal Text</source>
      <translation>恢复原文(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Find and Replace…</source>
      <translation>查找和替换(&amp;F)…</translation>
    </message>
    <message>
      <source>Find &amp;Next</source>
      <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
      <source>Find Pre&amp;vious</source>
      <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
      <source>Replace &amp;All</source>
      <translation>全部替换(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Go to Link…</source>
      <translation>转到链接(&amp;G)…</translation>
    </message>
    <message>
      <source>Next Sen&amp;tence</source>
      <translation>下一句(&amp;T)</translation>
    </message>
    <message>
      <source>Move to the next sentence of this side (inside a link first)</source>
      <translation>移到这一侧的下一句（先在链接内移动）</translation>
    </message>
    <message>
      <source>Previous Sent&amp;ence</source>
      <translation>上一句(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Merge with Next Link</source>
      <translation>与下一链接合并(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Split Link After Sentence</source>
      <translation>在句后拆分链接(&amp;S)</translation>
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
      <translation>插入空对应(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;Delete Empty Counterpart</source>
      <translation>删除空对应(&amp;D)</translation>
    </message>
    <message>
      <source>Split Sentence at &amp;Cursor</source>
      <translation>在光标处拆分句子(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Join Sentence with Next</source>
      <translation>与下一句合并(&amp;J)</translation>
    </message>
    <message>
      <source>S&amp;wap Text with Next Link</source>
      <translation>与下一链接交换文本(&amp;W)</translation>
    </message>
    <message>
      <source>Swap the focused side's text with the next link's (a reordered translation)</source>
      <translation>将当前一侧的文本与下一链接的交换（译文调换了顺序时）</translation>
    </message>
    <message>
      <source>&amp;Re-align Selection</source>
      <translation>重新对齐所选(&amp;R)</translation>
    </message>
    <message>
      <source>Re-align &amp;Everything After This Link</source>
      <translation>重新对齐此链接之后的全部(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Confirm and Go to Next Unconfirmed</source>
      <translation>确认并转到下一个未确认(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Unconfirm</source>
      <translation>取消确认(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Next Doubtful Link</source>
      <translation>下一个可疑链接(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Previous Doubtful Link</source>
      <translation>上一个可疑链接(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Lowest Confidence Unconfirmed Link</source>
      <translation>置信度最低的未确认链接(&amp;L)</translation>
    </message>
    <message>
      <source>Toggle &amp;Bookmark</source>
      <translation>切换书签(&amp;B)</translation>
    </message>
    <message>
      <source>Next Boo&amp;kmark</source>
      <translation>下一个书签(&amp;K)</translation>
    </message>
    <message>
      <source>Previous Bookm&amp;ark</source>
      <translation>上一个书签(&amp;A)</translation>
    </message>
    <message>
      <source>Edit N&amp;ote…</source>
      <translation>编辑备注(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Unconfirmed</source>
      <translation>未确认(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Low Confidence</source>
      <translation>低置信度(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Edited</source>
      <translation>已编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;1-0 and 0-1</source>
      <translation>1-0 和 0-1(&amp;1)</translation>
    </message>
    <message>
      <source>With &amp;Notes</source>
      <translation>有备注(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Search Results</source>
      <translation>搜索结果(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Bookmarked</source>
      <translation>有书签(&amp;B)</translation>
    </message>
    <message>
      <source>Show &amp;All Links</source>
      <translation>显示全部链接(&amp;A)</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>放大(&amp;I)</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>缩小(&amp;O)</translation>
    </message>
    <message>
      <source>Fit &amp;Width</source>
      <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
      <source>Fit &amp;Page</source>
      <translation>适合页面(&amp;P)</translation>
    </message>
    <message>
      <source>Ne&amp;xt Page</source>
      <translation>下一页(&amp;X)</translation>
    </message>
    <message>
      <source>Pre&amp;vious Page</source>
      <translation>上一页(&amp;V)</translation>
    </message>
    <message>
      <source>Show the &amp;Other Document</source>
      <translation>显示另一文档(&amp;O)</translation>
    </message>
    <message>
      <source>With a pair of PDFs, show the other language's document</source>
      <translation>对于一对 PDF，显示另一语言的文档</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts…</source>
      <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
      <source>&amp;Preferences…</source>
      <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;About Bitext Editor</source>
      <translation>关于 Bitext Editor(&amp;A)</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <source>Unexpected error</source>
      <translation>意外错误</translation>
    </message>
    <message>
      <source>Recover unsaved work</source>
      <translation>恢复未保存的工作</translation>
    </message>
    <message>
      <source>Something went wrong inside {app}. Your work was saved to the recovery file and will be offered at the next start.

Log file: {log}</source>
      <translation>{app} 内部出错。您的工作已保存到恢复文件，下次启动时将提供恢复。

日志文件：{log}</translation>
    </message>
    <message>
      <source>{app} did not close normally. Recover the unsaved work from the last session?</source>
      <translation>{app} 上次未正常关闭。要恢复上次会话中未保存的工作吗？</translation>
    </message>
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <source>Import warnings</source>
      <translation>导入警告</translation>
    </message>
    <message>
      <source>Unreadable text layer</source>
      <translation>文本层无法读取</translation>
    </message>
    <message>
      <source>No text layer (scanned page)</source>
      <translation>无文本层（扫描页）</translation>
    </message>
    <message>
      <source>Read by OCR</source>
      <translation>已用 OCR 识别</translation>
    </message>
    <message>
      <source>OCR is not installed</source>
      <translation>未安装 OCR</translation>
    </message>
    <message>
      <source>Encrypted document</source>
      <translation>加密文档</translation>
    </message>
    <message>
      <source>Repeated text left out</source>
      <translation>已略去重复文字</translation>
    </message>
    <message>
      <source>Private-use characters</source>
      <translation>私用区字符</translation>
    </message>
    <message>
      <source>Encoding guessed</source>
      <translation>编码为推测所得</translation>
    </message>
    <message>
      <source>Layout uncertain</source>
      <translation>版式不确定</translation>
    </message>
    <message>
      <source>A language is missing</source>
      <translation>缺少一种语言</translation>
    </message>
    <message>
      <source>Page too dense, left out</source>
      <translation>页面文字过多，已略去</translation>
    </message>
    <message>
      <source>Damaged file</source>
      <translation>文件已损坏</translation>
    </message>
    <message>
      <source>Rotated or vertical text skipped</source>
      <translation>已跳过旋转或竖排文字</translation>
    </message>
    <message>
      <source>Keyboard Shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Search actions</source>
      <translation>搜索操作</translation>
    </message>
    <message>
      <source>Restore Defaults</source>
      <translation>恢复默认值</translation>
    </message>
    <message>
      <source>Preferences</source>
      <translation>首选项</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>系统语言</translation>
    </message>
    <message>
      <source>Interface language:</source>
      <translation>界面语言：</translation>
    </message>
    <message>
      <source>Doubtful below confidence:</source>
      <translation>置信度低于此值视为可疑：</translation>
    </message>
    <message>
      <source>Sentence segmentation exceptions</source>
      <translation>分句例外</translation>
    </message>
    <message>
      <source>One entry per line: a sentence never ends right after it ("Fig.", "et al."). Delete a line to let sentences end there again; lines starting with # are comments.</source>
      <translation>每行一项：句子绝不会在该项之后结束（如“Fig.”、“et al.”）。删除一行即可让句子重新在该处结束；以 # 开头的行是注释。</translation>
    </message>
    <message>
      <source>The import found {n} things worth checking. Press Enter or double-click one to see its page.</source>
      <translation>导入发现 {n} 处值得检查的地方。按 Enter 或双击一项即可查看其所在页面。</translation>
    </message>
    <message>
      <source>About {app}</source>
      <translation>关于 {app}</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Menu</source>
      <translation>菜单</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Shortcut</source>
      <translation>快捷键</translation>
    </message>
    <message>
      <source>Chinese font…</source>
      <translation>中文字体…</translation>
    </message>
    <message>
      <source>English font…</source>
      <translation>英文字体…</translation>
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
      <translation>{doc}，第 {n} 页</translation>
    </message>
    <message>
      <source>page {n}</source>
      <translation>第 {n} 页</translation>
    </message>
    <message>
      <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Align, revise and export Chinese–English bilingual documents beside their source PDF.&lt;/p&gt;&lt;p&gt;PDF rendering: PyMuPDF (AGPL). User interface: Qt for Python (LGPL).&lt;/p&gt;</source>
      <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;在源 PDF 旁对齐、修订并导出中英双语文档。&lt;/p&gt;&lt;p&gt;PDF 渲染：PyMuPDF（AGPL）。用户界面：Qt for Python（LGPL）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Export is unavailable: {e}</source>
      <translation>无法导出：{e}</translation>
    </message>
    <message>
      <source>{key} is used twice.</source>
      <translation>{key} 被使用了两次。</translation>
    </message>
    <message>
      <source>{language} exceptions, {problem}</source>
      <translation>{language}例外列表，{problem}</translation>
    </message>
  </context>
  <context>
    <name>edits</name>
    <message>
      <source>Bookmark</source>
      <translation>书签</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>确认</translation>
    </message>
    <message>
      <source>Delete empty counterpart</source>
      <translation>删除空对应</translation>
    </message>
    <message>
      <source>Edit note</source>
      <translation>编辑备注</translation>
    </message>
    <message>
      <source>Edit text</source>
      <translation>编辑文本</translation>
    </message>
    <message>
      <source>Flag</source>
      <translation>标记</translation>
    </message>
    <message>
      <source>Insert empty counterpart</source>
      <translation>插入空对应</translation>
    </message>
    <message>
      <source>Join sentences</source>
      <translation>合并句子</translation>
    </message>
    <message>
      <source>Merge links</source>
      <translation>合并链接</translation>
    </message>
    <message>
      <source>Re-align</source>
      <translation>重新对齐</translation>
    </message>
    <message>
      <source>Replace all</source>
      <translation>全部替换</translation>
    </message>
    <message>
      <source>Restore original</source>
      <translation>恢复原文</translation>
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
      <translation>拆分链接</translation>
    </message>
    <message>
      <source>Split sentence</source>
      <translation>拆分句子</translation>
    </message>
    <message>
      <source>Swap</source>
      <translation>交换</translation>
    </message>
    <message>
      <source>Unconfirm</source>
      <translation>取消确认</translation>
    </message>
  </context>
  <context>
    <name>menus</name>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Align</source>
      <translation>对齐(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Review</source>
      <translation>审校(&amp;R)</translation>
    </message>
    <message>
      <source>F&amp;ilter</source>
      <translation>筛选(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Settings</source>
      <translation>设置(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
  </context>
</TS>
