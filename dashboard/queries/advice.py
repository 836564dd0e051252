"""What an official can do about a file that did not get in: one sentence per kind of reason.

The reasons come from the pipeline (``pipeline.ingest``, ``pipeline.documents``) and the
uploader (``dashboard.uploads``) in Chinese; the advice is matched on the *kind* of
reason (unsupported type, too large, scanned PDF, …), never on a file name.
"""

from __future__ import annotations

import re

# (pattern on the reason, what to do). First match wins: the specific before the general.
_ADVICE: tuple[tuple[str, str], ...] = (
    (r"内容相同|重复", "无需处理：同一份文件已经入库。不需要的副本可以从上传目录删除。"),
    (r"不支持的文件|文件类型|文件格式", "用 WPS 或 Word 打开后另存为 docx、pdf 或 txt，再上传。"),
    (r"扫描件|无文字层", "这是图片版 PDF：请找文字版（网页或 Word 版），或先做文字识别（OCR）另存为 txt 再上传。"),
    (r"加密", "去掉 PDF 的打开密码（用 PDF 阅读器另存一份不加密的），再上传。"),
    (r"PDF.*(乱码|无法解析)", "PDF 的文字无法解析：用 PDF 阅读器把正文复制到 txt 文件另存，或找 Word、网页版本，再上传。"),
    (r"乱码|编码", "用记事本或 WPS 打开，确认文字正常后另存为 UTF-8 编码的 txt，再上传。"),
    (r"二进制", "这不是文字文件：请上传报告本身（docx、pdf、txt 或网页），不要上传压缩包或图片。"),
    (r"损坏", "文件已损坏：用 WPS 或 Word 打开后另存一份（或重新下载原文件），再上传。"),
    (r"过大|过长|膨胀|解压后", "文件太大：只保留报告正文（删去附件、图片和附表），或按一份报告一个文件拆开，再上传。"),
    (r"正文|字符", "没找到报告正文：确认文件是报告全文而不是目录页或图片；可把正文复制到 txt 文件再上传。"),
    (r"为空|是空的", "文件里没有内容：检查原文件是否完整，重新导出或下载后再上传。"),
    (r"文件名", "给文件改一个普通的名字（例如“某县2023年政府工作报告.docx”），再上传。"),
    (r"内部错误|无法读取", "请把这个文件和上面的原因一并交给系统维护人员。"),
)
_GENERAL = "打开文件确认它是县政府的报告或公报全文；若仍无法入库，请交给系统维护人员。"


def rejection_advice(reason: str | None) -> str:
    """One sentence saying what to do about a file rejected for ``reason``."""
    text = reason or ""
    for pattern, advice in _ADVICE:
        if re.search(pattern, text):
            return advice
    return _GENERAL
