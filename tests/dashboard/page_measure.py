"""Measurements and checks taken inside the browser page: text contrast (WCAG 2), font sizes,
overflow, English left on screen, exceptions and requests."""

# Every visible text node in the main area (and the sidebar), with its font size and the
# contrast of its colour against the background actually behind it (backgrounds composited
# up the tree, ancestor opacity applied to the text). SVG text (plotly) uses its fill.
TEXT_METRICS_JS = r"""
(scope) => {
  const parse = (c) => { const m = c && c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = ({r, g, b}) => { const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const mix = (top, base) => ({r: top.r * top.a + base.r * (1 - top.a), g: top.g * top.a + base.g * (1 - top.a), b: top.b * top.a + base.b * (1 - top.a), a: 1});
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      const c = parse(cs.backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
      if (e.tagName === 'svg' || e.tagName === 'SVG') { const f = parse(e.style.background || ''); if (f) { layers.push(f); break; } }
    }
    let base = {r: 255, g: 255, b: 255, a: 1};
    for (let i = layers.length - 1; i >= 0; i--) base = mix(layers[i], base);
    return base;
  };
  const opacity = (el) => { let o = 1; for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity || '1'); return o; };
  const roots = document.querySelectorAll(scope);
  const out = [];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = node.textContent.trim();
      if (!text) continue;
      const el = node.parentElement;
      if (!el || el.closest('style,script,noscript,[aria-hidden="true"],.modebar-container,.hoverlayer,[role="tooltip"]')) continue;
      // WCAG 1.4.3 exempts inactive controls (a disabled button).
      if (el.closest('[disabled],[aria-disabled="true"]')) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none') continue;
      const box = el.getBoundingClientRect();
      if (box.width < 1 || box.height < 1 || box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) continue;
      const svg = el instanceof SVGElement;
      let fg = parse(svg ? (cs.fill || el.getAttribute('fill')) : cs.color);
      if (!fg) continue;
      const a = (svg ? parseFloat(cs.fillOpacity || '1') : 1) * opacity(el);
      if (a < 0.05) continue;
      const bg = background(el);
      fg = mix({...fg, a: fg.a * a}, bg);
      const l1 = lum(fg), l2 = lum(bg);
      out.push({text: text.slice(0, 40), size: parseFloat(cs.fontSize), ratio: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05), svg});
    }
  }
  return out;
}
"""

BAR_FILLS_JS = r"""
() => Array.from(document.querySelectorAll('.js-plotly-plot .barlayer .point path')).map(p => getComputedStyle(p).fill)
"""

CONTRAST_JS = r"""
([a, b]) => {
  const parse = (c) => c.match(/[\d.]+/g).map(Number);
  const lum = ([r, g, b]) => { const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const x = lum(parse(a)), y = lum(parse(b));
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
"""

PAGE_HEIGHT_JS = r"""
() => { const main = document.querySelector('[data-testid="stMain"]');
  return Math.max(document.documentElement.scrollHeight, main ? main.scrollHeight : 0); }
"""

# Elements wider than the viewport or cut off at its right edge (a slide must not overflow).
OVERFLOW_JS = r"""
() => Array.from(document.querySelectorAll('[data-testid="stMain"] *')).filter(e => {
  const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0 && b.right > innerWidth + 1;
}).map(e => e.tagName + '.' + (e.getAttribute('class') || '').slice(0, 40)).slice(0, 10)
"""

# Everything a person reads or a screen reader says: text (icons' ligature names excluded,
# they are drawn as symbols), tooltips, aria labels, placeholders, CSS ::after text.
SHOWN_JS = r"""
() => {
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, noscript, [data-testid="stIconMaterial"]')) continue;
    parts.push(n.nodeValue);
  }
  for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [data-title], [alt]'))
    for (const a of ['title', 'aria-label', 'placeholder', 'data-title', 'alt']) if (el.getAttribute(a)) parts.push(el.getAttribute(a));
  for (const el of document.querySelectorAll('*')) {
    const after = getComputedStyle(el, '::after').content;
    if (after && after !== 'none' && after !== 'normal') parts.push(after);
  }
  return parts.join('\n');
}
"""

# The tooltip a person sees is the button's ::after content (plotly draws it from data-title).
TOOLBAR_JS = r"""
() => Array.from(document.querySelectorAll('.modebar-btn')).map(b => getComputedStyle(b, '::after').content.replace(/^"|"$/g, '') || b.getAttribute('data-title'))
"""

ENGLISH = (
    "Upload", "per file", "Drag and drop", "Browse files", "No results", "options available", "Page not found",
    "Search", "Download as CSV", "Fullscreen", "Show/hide columns", "Collapse sidebar", "Help for", "Show password",
    "Link to heading", "Skip to main content", "Dismiss", "Decrement", "Increment", "Sidebar", "Choose an option",
    "Connection error", "connected to the internet", "Is Streamlit still running", "yourscript", "Running...",
    "Deploy", "Made with Streamlit", "True", "False", "UTC", "Download plot", "Zoom", "Pan", "Autoscale",
    "Reset axes", "Box Select", "Lasso", "Rerun",
)


def english_in(shown: str) -> list[str]:
    """The words of ``ENGLISH`` in ``shown``: whole words only (aria labels of icons are
    checked too, so only real words count)."""
    import re

    return [w for w in ENGLISH if re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])", shown)]


def english_on_screen(page) -> list[str]:
    """The English words of ``ENGLISH`` that a person sees or hears on the page."""
    return english_in(page.evaluate(SHOWN_JS))


def toolbar_tooltips(page) -> list[str]:
    """Hover the first chart (which shows plotly's toolbar) and read its buttons' tooltips."""
    page.locator(".js-plotly-plot").first.hover()
    page.wait_for_timeout(300)
    return page.evaluate(TOOLBAR_JS)


def assert_page_sound(page, requests: list[str], title: str) -> None:
    """No Streamlit exception shown, the page's Chinese title rendered, no request left localhost."""
    from urllib.parse import urlparse

    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, exceptions.first.inner_text()
    assert title in page.inner_text("body")
    hosts = {urlparse(u).hostname for u in requests if urlparse(u).scheme in ("http", "https", "ws", "wss")}
    assert hosts <= {"127.0.0.1", "localhost"}, f"requests left the machine: {sorted(hosts)}"
