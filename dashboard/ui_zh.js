// Streamlit's own chrome in Chinese: the uploader, "No results", table toolbars, the
// connection-lost dialog. Streamlit has no language setting, so this script (loaded once
// per page from dashboard/ui_language.py, nothing fetched) watches the document and
// replaces exactly these strings wherever they appear: text, tooltips, aria labels.
// Text that comes from documents (Markdown, the app's HTML blocks, tables) is never touched.
(() => {
  if (window.__cpZh) { window.__cpZh.scan(document.body); return; }
  const EXACT = __EXACT__;
  const PATTERNS = __PATTERNS__.map(([re, to]) => [new RegExp(re), to]);
  const ATTRIBUTES = ["title", "aria-label", "placeholder", "data-title", "alt"];
  // Where document text lives: left alone even if it happens to read "Search". Streamlit
  // draws its own widget texts with Markdown too, so Markdown inside a widget is chrome.
  const DOCUMENT = '[data-testid="stHtml"], .cp-table, .cp-kwic, script, style, textarea';
  const MARKDOWN = '[data-testid="stMarkdownContainer"]';
  const WIDGET = 'button, label, [data-baseweb], [role="dialog"], [role="tooltip"], [data-testid="stTooltipContent"], ' +
    '[data-testid="stFileUploader"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stStatusWidget"]';
  const ICON = '[data-testid="stIconMaterial"], .material-symbols-rounded, [translate="no"]';

  const translate = (value) => {
    if (!value || !/[A-Za-z]/.test(value)) return null;
    const trimmed = value.trim();
    if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) return value.replace(trimmed, EXACT[trimmed]);
    for (const [re, to] of PATTERNS) if (re.test(trimmed)) return value.replace(trimmed, trimmed.replace(re, to));
    const labelled = /^([^:]+): (.+)$/.exec(trimmed);  // a toolbar label with its element's name
    if (labelled && Object.prototype.hasOwnProperty.call(EXACT, labelled[1])) return value.replace(trimmed, EXACT[labelled[1]] + "：" + labelled[2]);
    return null;
  };
  const skipped = (el) => !el || !el.closest || el.closest(DOCUMENT) || el.closest(ICON)
    || (el.closest(MARKDOWN) && !el.closest(WIDGET));

  const text = (node) => {
    if (skipped(node.parentElement)) return;
    const shown = translate(node.nodeValue);
    if (shown !== null && shown !== node.nodeValue) node.nodeValue = shown;
  };
  const attributes = (el) => {
    if (!el.closest || el.closest(".cp-table, .cp-kwic")) return;  // their tooltips are document sentences
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute && el.getAttribute(name);
      const shown = value && translate(value);
      if (shown && shown !== value) el.setAttribute(name, shown);
    }
  };
  const scan = (root) => {
    if (!root) return;
    if (root.nodeType === Node.TEXT_NODE) { text(root); return; }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    if (root.namespaceURI === "http://www.w3.org/2000/svg") return;  // chart drawing (plotly has its own zh-CN locale)
    attributes(root);
    for (const el of root.querySelectorAll("[title], [aria-label], [placeholder], [data-title], [alt]")) attributes(el);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) text(node);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "characterData") text(r.target);
      else if (r.type === "attributes") attributes(r.target);
      else for (const node of r.addedNodes) scan(node);
    }
  });
  observer.observe(document.documentElement, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES,
  });
  document.documentElement.lang = "zh-CN";
  window.__cpZh = { scan, translate };
  scan(document.body);
})();
