"""plotly's zh-CN locale, shipped with the app (the plotly.js served by Streamlit has only English).

Passed in the figure config (``locale`` + ``locales``), so plotly registers it per chart and
nothing is fetched. Keys are plotly.js's own strings (see ``plotly.min.js``: ``_(gd, "…")``).
"""

from __future__ import annotations

DICTIONARY = {
    "Autoscale": "自动缩放",
    "Box Select": "矩形选择",
    "Click to enter Colorscale title": "点击输入色阶标题",
    "Click to enter Component A title": "点击输入 A 轴标题",
    "Click to enter Component B title": "点击输入 B 轴标题",
    "Click to enter Component C title": "点击输入 C 轴标题",
    "Click to enter Plot subtitle": "点击输入副标题",
    "Click to enter Plot title": "点击输入标题",
    "Click to enter X axis title": "点击输入横轴标题",
    "Click to enter Y axis title": "点击输入纵轴标题",
    "Click to enter radial axis title": "点击输入径向轴标题",
    "Compare data on hover": "悬停时比较数据",
    "Double-click to zoom back out": "双击恢复原始大小",
    "Download plot": "下载图片",
    "Download plot as a PNG": "下载图片（PNG）",
    "Download plot as a png": "下载图片（PNG）",
    "Download plot as JSON": "下载图表数据（JSON）",
    "Edit in Chart Studio": "在 Chart Studio 中编辑",
    "IE only supports svg.  Changing format to svg.": "此浏览器只支持 SVG，已改为 SVG 格式。",
    "Lasso Select": "套索选择",
    "Orbital rotation": "轨道旋转",
    "Pan": "平移",
    "Produced with Plotly.js": "由 Plotly.js 生成",
    "Reset": "重置",
    "Reset axes": "重置坐标轴",
    "Reset camera to default": "重置视角",
    "Reset camera to last save": "恢复上次保存的视角",
    "Reset view": "重置视图",
    "Reset views": "重置视图",
    "Show closest data on hover": "悬停时显示最近的数据",
    "Snapshot succeeded": "图片已生成",
    "Sorry, there was a problem downloading your snapshot!": "抱歉，图片下载出错了！",
    "Taking snapshot - this may take a few seconds": "正在生成图片，请稍候……",
    "Toggle Spike Lines": "显示或隐藏参考线",
    "Toggle show closest data on hover": "切换悬停显示最近数据",
    "Turntable rotation": "转盘旋转",
    "Zoom": "缩放",
    "Zoom in": "放大",
    "Zoom out": "缩小",
    "trace": "数据系列",
    "new text": "新文本",
}

FORMAT = {
    "days": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
    "shortDays": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
    "months": ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"],
    "shortMonths": ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
    "date": "%Y-%m-%d",
    "decimal": ".",
    "thousands": ",",
}

LOCALE = "zh-CN"
LOCALES = {LOCALE: {"dictionary": DICTIONARY, "format": FORMAT}}
