"""Streamlit's own English, said in Chinese: one small local script per page.

Streamlit (1.67) has no language setting for its chrome: the uploader ("Drag and drop
files here", "50MB per file"), a selectbox search without a match ("No results"), the
table toolbar (Search, Download as CSV, Fullscreen …), aria labels, and the dialog shown
when the server is gone ("Connection error … Are you connected to the internet?", wrong
for an app that never uses the internet). ``inject()`` puts ``ui_zh.js`` into the page
once (``st.html`` runs it in the page itself, no iframe, nothing fetched); the script
watches the document with a MutationObserver and swaps exactly the strings below, never
text inside Markdown, the app's HTML blocks or tables (that is document text).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

# Whole strings (trimmed) → Chinese.
EXACT: dict[str, str] = {
    # The uploader.
    "Upload": "选择", "Browse files": "选择文件", "Add files": "添加文件", "Upload directories": "选择文件夹",
    "Drag and drop files here": "把文件拖放到这里", "Drag and drop a file here": "把文件拖放到这里",
    "Drag and drop directories here": "把文件夹拖放到这里", "file upload": "上传文件", "Remove file": "移除文件",
    "Delete": "删除", "Clear all": "全部清除", "Clear value": "清除", "Clear": "清除",
    # Selectbox and multiselect.
    "No results": "没有匹配的选项", "Dismiss": "关闭", "Choose an option": "请选择", "Choose options": "请选择",
    "Select...": "请选择", "Open": "展开", "Close": "关闭",
    # Table toolbar, column menu and search.
    "Search": "搜索", "Close Search": "关闭搜索", "Search...": "搜索…", "Download as CSV": "下载为 CSV",
    "Fullscreen": "全屏", "Close fullscreen": "退出全屏", "Show/hide columns": "显示或隐藏列",
    "Sort ascending": "升序排列", "Sort descending": "降序排列", "Autosize": "自动列宽", "Pin column": "固定此列",
    "Unpin column": "取消固定", "Hide column": "隐藏此列", "Copy column name": "复制列名", "Format": "数字格式",
    "Automatic": "自动", "Loading...": "加载中…", "Failed to export data as CSV": "未能导出 CSV",
    # Page chrome.
    "Sidebar": "侧栏", "Collapse sidebar": "收起侧栏", "Expand sidebar": "展开侧栏", "Skip to main content": "跳到正文",
    "Link to heading": "链接到此标题", "Show password": "显示密码", "Hide password": "隐藏密码",
    "Decrement": "减少", "Increment": "增加", "Copy to clipboard": "复制", "Copied to clipboard": "已复制",
    "Page not found": "找不到这个页面",
    "The page that you have requested does not seem to exist. Running the app's main page.":
        "没有这个页面，已为您打开首页（县情驾驶舱）。",
    "Running...": "正在运行…", "Stop": "停止", "Rerun": "重新运行",
    # The server is gone: say what is true for an offline app on this machine.
    "Connection error": "与看板服务的连接中断了",
    "Connecting": "正在连接看板服务", "Please wait...": "请稍候…",
    "Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your terminal:":
        "看板服务没有响应：请确认本机上的看板程序仍在运行，需要时请管理员重新启动它（命令如下）。连接恢复后页面会自动刷新。",
    "Streamlit server is not responding. Are you connected to the internet?":
        "看板服务没有响应：请确认本机上的看板程序仍在运行，需要时请管理员重新启动它。本看板不需要互联网，连接恢复后页面会自动刷新。",
    "streamlit run yourscript.py": "streamlit run dashboard/app.py",
}

# Strings with a number or a name in them: JavaScript regular expression → replacement.
PATTERNS: list[tuple[str, str]] = [
    (r"^(?:Limit )?(\d+(?:\.\d+)?)\s*([KMG]B) per file(?: •)?$", r"单个文件不超过 $1 $2"),
    (r"^(?:Limit (\d+(?:\.\d+)?)\s*([KMG]B) per file )?• (.+)$", r"· 类型：$3"),
    (r"^Help for (.+)$", r"$1的说明"),
    (r"^(\d+) options? available\.$", r"共 $1 个选项"),
    (r"^(\d+) results? available\.$", r"共 $1 个结果"),
    (r"^File must be (.+) or smaller\.$", r"文件不能超过 $1"),
    (r"^(.+) files are not allowed\.$", r"不支持 $1 类型的文件"),
    (r"^You have requested page /(.+), but no corresponding file was found in the app's pages/ directory\. Running the app's main page\.$",
     r"没有“$1”这个页面，已为您打开首页（县情驾驶舱）。"),
    (r"^Cannot connect to Streamlit \(HTTP status: (\d+)\)\..*$", r"连不上看板服务（HTTP 状态 $1）：请管理员检查服务设置。"),
]

_SCRIPT = Path(__file__).with_name("ui_zh.js")


@lru_cache(maxsize=1)
def script() -> str:
    source = _SCRIPT.read_text(encoding="utf-8")
    return source.replace("__EXACT__", json.dumps(EXACT, ensure_ascii=False)).replace(
        "__PATTERNS__", json.dumps(PATTERNS, ensure_ascii=False))


def inject() -> None:
    """Once per run of a page: the element is identical each run, so the browser keeps it and
    its observer; a page opened afresh gets it again."""
    import streamlit as st

    st.html(f"<script>{script()}</script>", unsafe_allow_javascript=True)
