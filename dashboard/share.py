"""Shareable views: the link to what is on screen, a copy button and a QR code, all local."""

from __future__ import annotations

import html
import json
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno


def view_url(current: str, page_path: str, params: dict[str, str]) -> str:
    """The address of the page ``page_path`` ('' for the landing page) with ``params``, on the
    host the browser used (``current``, as ``st.context.url`` reports it)."""
    parts = urlsplit(current or "http://localhost:8501/")
    base_path = parts.path.rsplit("/", 1)[0] if parts.path.count("/") > 1 else ""
    path = f"{base_path}/{page_path}" if page_path else (base_path or "/")
    return urlunsplit((parts.scheme or "http", parts.netloc or "localhost:8501", path, urlencode(params), ""))


def qr_data_uri(url: str) -> str:
    """The QR code as an inline SVG data URI (no file, no request)."""
    return segno.make(url, error="m").svg_data_uri(scale=4, dark="#000000", light="#FFFFFF", border=2)


def copy_widget(url: str) -> str:
    """A read-only field with the link and a 复制链接 button (clipboard API, select-and-copy fallback)."""
    value = html.escape(url, quote=True)
    return f"""
<div style="font-family: sans-serif; display: flex; gap: 6px; align-items: center;">
  <input id="cp-link" value="{value}" readonly style="flex: 1; font-size: 16px; padding: 6px; border: 1px solid #767676; border-radius: 4px; min-width: 0;">
  <button id="cp-copy" style="font-size: 18px; padding: 6px 10px; border: 1px solid #767676; border-radius: 4px; background: #fff; color: #111; cursor: pointer;">复制链接</button>
</div>
<script>
  const field = document.getElementById('cp-link'), button = document.getElementById('cp-copy');
  button.addEventListener('click', async () => {{
    try {{ await navigator.clipboard.writeText({json.dumps(url)}); }}
    catch (e) {{ field.select(); document.execCommand('copy'); }}
    button.textContent = '已复制';
    setTimeout(() => button.textContent = '复制链接', 2000);
  }});
</script>
"""
