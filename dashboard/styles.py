"""The app's CSS and the small inline script for slide keys: kept apart from the widgets.

Sizes are in rem/em so the 18 px root (``.streamlit/config.toml``) and the 大字号 switch
scale everything; colours are the measured ones (tests/dashboard/test_browser_readability.py).
"""

PRESENT_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="collapsedControl"],
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], [data-testid="stSidebarNav"], footer { display: none !important; }
[data-testid="stMainBlockContainer"], .block-container { padding: 1.2rem 3rem 1rem 3rem !important; max-width: 100% !important; }
.stApp { font-size: 26px; }
.stApp [data-testid="stMarkdownContainer"] p, .stApp [data-testid="stMarkdownContainer"] li { font-size: 28px; line-height: 1.45; }
.stApp h1 { font-size: 52px !important; padding: 0 0 .3rem 0; }
.stApp h2 { font-size: 42px !important; }
.stApp h3 { font-size: 34px !important; }
.stApp button p { font-size: 26px !important; }
[data-testid="stMetricValue"] { font-size: 64px !important; }
[data-testid="stMetricLabel"] p { font-size: 28px !important; }
/* Its children too: the page rule sets them to 1rem, which read as small print on a wall. */
.stApp [data-testid="stCaptionContainer"], .stApp [data-testid="stCaptionContainer"] * { font-size: 24px !important; }
.cp-table { font-size: 26px; }
.cp-slide-label { font-size: 30px !important; }
.cp-tiles, .cp-panel, .cp-source, .cp-muted, .cp-kwic { font-size: 21px !important; }
/* The row under the tiles scrolls in its own boxes, so the slide stays one screen whatever the year holds. */
.cp-scorecard-wrap { max-height: 24vh; }
.cp-panel { max-height: 28vh; overflow-y: auto; }
.cp-slide-omit { display: none; }
.cp-legend { display: none; }  /* on a slide the symbols speak for themselves */
/* And their element boxes: an empty box still takes the column's gap, a hole above the next heading. */
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > .cp-slide-omit),
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > .cp-legend) { display: none; }
.cp-panel ol, .cp-chip, .cp-panel h4 { font-size: 1em !important; }
.cp-message { font-size: 28px !important; margin-bottom: 0 !important; }
.cp-h { font-size: 30px !important; margin: 0 !important; }
.cp-scorecard { font-size: 22px !important; }
.cp-tile-value { font-size: 2.2em !important; }
.cp-tile { padding: .25rem .7rem !important; }
.cp-tiles { gap: .5rem !important; }
"""


DARK_CSS = """
.stApp, [data-testid="stAppViewContainer"], [data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stBottom"] > div { background-color: #000 !important; color: #fff !important; }
.stApp h1, .stApp h2, .stApp h3, .stApp h4, .stApp p, .stApp li, .stApp label, .stApp span, .stApp summary,
[data-testid="stMetricValue"], [data-testid="stMetricLabel"], [data-testid="stCaptionContainer"] { color: #fff !important; }
.stApp [data-baseweb="select"] > div, .stApp input[type="text"], .stApp input[type="number"], .stApp input[type="password"], .stApp textarea { background-color: #111 !important; color: #fff !important; border-color: #888 !important; }
.stApp [data-baseweb="select"] svg { fill: #fff !important; }
.stApp button { background-color: #111 !important; color: #fff !important; border: 1px solid #bbb !important; }
.stApp [data-testid="stExpander"] details { border-color: #888 !important; }
.stApp [data-testid="stAlertContainer"] { background-color: #1b2a3a !important; }
.stApp [data-testid="stFileUploaderDropzone"] { background-color: #111 !important; }
.stApp a { color: #8fd3ff !important; }
.stApp [data-baseweb="checkbox"] > div:first-child { background-color: #777 !important; }
"""


BASE_CSS = """
/* Normal pages: nothing under 18 px (the root size is 18 px, .streamlit/config.toml). */
[data-testid="stMainBlockContainer"], .block-container { padding-top: 2.2rem !important; padding-bottom: 1rem !important; }
.stApp [data-testid="stCaptionContainer"], .stApp [data-testid="stCaptionContainer"] * { font-size: 1rem !important; color: #3D3D3D !important; }
.stApp [data-testid="stCaptionContainer"] { opacity: 1 !important; }
.stApp [data-testid="stWidgetLabel"] p, .stApp label p, .stApp [data-testid="stMarkdownContainer"] p { font-size: 1rem; }
.stApp [data-testid="stMetricLabel"] p { font-size: 1rem !important; }
.stApp [data-testid="stMetricValue"], .stApp [data-testid="stMetricValue"] p { font-size: 2.2rem !important; font-weight: 700; }
/* The uploader's own texts (said in Chinese by ui_zh.js) at the page's size. */
[data-testid="stFileUploaderDropzoneInstructions"] span, [data-testid="stFileUploaderDropzoneInstructions"] small,
[data-testid="stFileUploaderDropzone"] button p { font-size: 1rem !important; }
/* Streamlit adds a "Fullscreen" button to plotly's toolbar; its tooltip is drawn from data-title. */
.modebar-btn[data-title="Fullscreen"]::after { content: "全屏" !important; }
.stApp [data-testid="stPageLink"] p, .stApp [data-testid="stSidebar"] p { font-size: 1rem !important; }
.stApp [data-baseweb="select"] div, .stApp input, .stApp textarea, .stApp button p { font-size: 1rem !important; }
.stApp [data-testid="stAlertContentInfo"] p, .stApp [data-testid="stAlert"] p { font-size: 1rem !important; }
.cp-table-wrap { overflow-x: auto; max-height: 70vh; overflow-y: auto; }
/* The build's stages: 读取 → 提取 → 词云 → 写表, state by mark and word, not colour alone. */
.cp-steps { display: flex; gap: .6rem; list-style: none; padding: 0 !important; margin: .4rem 0 .6rem 0 !important; }
.cp-step { flex: 1; border: 2px solid #767676; border-radius: .4rem; padding: .45rem .7rem; color: #1a1a1a; background: #fff; }
.cp-step small { font-size: 1rem; color: #3D3D3D; }
.cp-step-mark { font-weight: 700; }
.cp-step-state { float: right; font-weight: 600; }
.cp-step-done { border-color: #1a7f37; background: #eaf6ec; }
.cp-step-done .cp-step-mark, .cp-step-done .cp-step-state { color: #11602a; }
.cp-step-current { border-color: #0b57d0; background: #e8f0fe; border-width: 3px; }
.cp-step-current .cp-step-mark, .cp-step-current .cp-step-state { color: #0842a0; }
.cp-step-failed { border-color: #b3261e; background: #fdecea; }
.cp-step-failed .cp-step-mark, .cp-step-failed .cp-step-state { color: #8c1d18; }
.cp-table { border-collapse: collapse; width: 100%; font-size: 1rem; }
.cp-table th, .cp-table td { border: 1px solid #767676; padding: .3em .55em; text-align: left; vertical-align: top; white-space: nowrap; }
.cp-table td.cp-long { white-space: normal; min-width: 22em; }
.cp-table th { background: #1f3b57; color: #fff; position: sticky; top: 0; }
.cp-table tr:nth-child(even) td { background: #F2F2F2; }
.cp-table a { color: #004C78; font-weight: 600; }
.cp-kwic { border-left: 5px solid #005A8C; padding: .4em .8em; margin: .5em 0; font-size: 1rem; }
.cp-kwic mark { background: #FFE45C; color: #000; padding: 0 .15em; font-weight: 700; }
.cp-kwic .cp-src, .cp-muted { color: #4D4D4D; font-size: 1rem; }
.cp-badge { display: inline-block; padding: 0 .4em; border-radius: .3em; background: #FFD27A; color: #000; font-size: .9em; }
.cp-slide-label { text-align: center; font-size: 20px; }
.cp-message { font-size: 1.3rem; font-weight: 600; margin: 0 0 .4rem 0; color: #111; }
.cp-h { font-size: 1.35rem; margin: .3rem 0 .4rem 0; }
.cp-h-sub { font-size: 1.1rem; }
.cp-tiles { font-size: 1rem; display: grid; grid-template-columns: repeat(3, 1fr); gap: .7rem; }
.cp-tile { border: 2px solid #767676; border-left-width: 10px; border-radius: .4rem; padding: .45rem .8rem; background: #fff; color: #111; }
.cp-tile-label { font-size: 1.05em; font-weight: 600; }
.cp-tile-value { font-size: 2.3em; font-weight: 700; line-height: 1.15; }
.cp-tile-note { font-size: .45em; font-weight: 400; margin-left: .3em; }
.cp-tile-stale { display: inline-block; background: #FFD27A; color: #000; padding: 0 .4em; border-radius: .3em; font-size: 1em; }
.cp-tile-verdict { font-size: 1.1em; font-weight: 700; }
.cp-tile-line { font-size: 1em; color: #3D3D3D; }
.cp-tile.cp-met { border-left-color: #1B6E3A; } .cp-met .cp-tile-verdict, tr.cp-met td.cp-verdict { color: #1B6E3A; }
.cp-tile.cp-missed { border-left-color: #B3261E; } .cp-missed .cp-tile-verdict, tr.cp-missed td.cp-verdict { color: #B3261E; }
.cp-tile.cp-pending { border-left-color: #7A5300; } .cp-pending .cp-tile-verdict, tr.cp-pending td.cp-verdict { color: #7A5300; }
td.cp-verdict { font-weight: 700; }
.cp-scorecard-wrap { max-height: 40vh; overflow-y: auto; }
.cp-table tr.cp-focal-row td { font-weight: 700; background: #FFF0B3 !important; color: #000 !important; }
.cp-panel h4 { font-size: 1.15rem; margin: .3rem 0 .2rem 0; padding: 0; }
.cp-panel ol { margin: 0 0 .3rem 1.4rem; padding: 0; font-size: 1rem; }
.cp-count { color: #3D3D3D; margin-left: .6em; }
.cp-chip { display: inline-block; border: 2px solid #767676; border-radius: 1em; padding: 0 .6em; margin: .15em .3em .15em 0; font-size: 1rem; }
.cp-chip.cp-new { border-color: #1B6E3A; color: #1B6E3A; font-weight: 600; }
.cp-chip.cp-dropped { border-style: dashed; color: #3D3D3D; text-decoration: line-through; }
.cp-source { font-size: 1rem; color: #3D3D3D; margin-top: .4rem; }
/* A long list's count beside its page picker: as large as the page's text, full contrast. */
.cp-count-line { font-size: 1.1rem; font-weight: 600; color: #1A1A1A; margin: 0 0 .45rem 0; }
"""


LARGE_CSS = """
html { font-size: 22px !important; }
"""


DARK_TILES_CSS = """
.cp-tile { background: #000; color: #fff; border-color: #BBBBBB; }
.cp-tile-line, .cp-count, .cp-source, .cp-muted, .cp-kwic .cp-src, .stApp [data-testid="stCaptionContainer"], .stApp [data-testid="stCaptionContainer"] * { color: #DDDDDD !important; }
.cp-message, .cp-count-line { color: #fff; }
.cp-tile.cp-met { border-left-color: #7CE38B; } .cp-met .cp-tile-verdict, tr.cp-met td.cp-verdict { color: #7CE38B !important; }
.cp-tile.cp-missed { border-left-color: #FF8A80; } .cp-missed .cp-tile-verdict, tr.cp-missed td.cp-verdict { color: #FF8A80 !important; }
.cp-tile.cp-pending { border-left-color: #FFD54F; } .cp-pending .cp-tile-verdict, tr.cp-pending td.cp-verdict { color: #FFD54F !important; }
.cp-chip { border-color: #BBBBBB; } .cp-chip.cp-new { border-color: #7CE38B; color: #7CE38B !important; }
.cp-table tr:nth-child(even) td { background: #1A1A1A; }
.cp-table a { color: #8FD3FF !important; }
.cp-step { background: #000 !important; border-color: #BBBBBB; }
.cp-step small { color: #DDDDDD !important; }
.cp-step-done { border-color: #7CE38B; } .cp-step-done .cp-step-mark, .cp-step-done .cp-step-state { color: #7CE38B !important; }
.cp-step-current { border-color: #8FD3FF; } .cp-step-current .cp-step-mark, .cp-step-current .cp-step-state { color: #8FD3FF !important; }
.cp-step-failed { border-color: #FF8A80; } .cp-step-failed .cp-step-mark, .cp-step-failed .cp-step-state { color: #FF8A80 !important; }
"""


PRINT_CSS = """
@page { size: 1920px 1080px; margin: 0; }
@media print {
  [data-testid="stSidebar"], header, [data-testid="stToolbar"], .cp-print-controls, .st-key-cp_print { display: none !important; }
  .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"], [data-testid="stMainBlockContainer"], [data-testid="stVerticalBlock"] { display: block !important; overflow: visible !important; height: auto !important; }
  .cp-page-break { break-after: page; page-break-after: always; height: 0; }
  [data-testid="stHorizontalBlock"]:has(.st-key-_cp_exit_btn), .stDownloadButton, .modebar-container { display: none !important; }
}
.cp-print-title { font-size: 22px; font-weight: 700; }
"""


KEYS_JS = """
<script>
(() => {
  const host = window.parent, doc = host.document;
  const press = (key) => { const b = doc.querySelector('.st-key-' + key + ' button'); if (b && !b.disabled) b.click(); };
  if (host.__cpKeys) doc.removeEventListener('keydown', host.__cpKeys, true);
  host.__cpKeys = (e) => {
    const t = e.target;
    if (t && (['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.isContentEditable)) return;
    if (['ArrowRight', 'PageDown', ' ', 'Spacebar'].includes(e.key)) { e.preventDefault(); press(NEXT); }
    else if (['ArrowLeft', 'PageUp'].includes(e.key)) { e.preventDefault(); press(PREV); }
  };
  doc.addEventListener('keydown', host.__cpKeys, true);
  if (host.__cpTimer) host.clearInterval(host.__cpTimer);
  host.__cpTimer = AUTO > 0 ? host.setInterval(() => press(NEXT), AUTO * 1000) : null;
})();
</script>
"""
