"""File names 「名称-日期-类型」 for every generated or uploaded document.

One function names every document the system writes or stores
(`document_name`), and one header carries it to the browser
(`content_disposition`, the UTF-8 name per RFC 5987 with an ASCII fallback).
"""

import re
from datetime import date
from urllib.parse import quote

# Characters no common file system accepts, control characters included.
_ILLEGAL = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


def clean(part: str) -> str:
    """Return `part` without characters that are illegal in file names, spaces collapsed."""
    text = _ILLEGAL.sub(" ", part or "")
    return " ".join(text.split()).strip(" .")


def document_name(name: str, day: date, doc_type: str, ext: str = "") -> str:
    """Return 「名称-日期-类型」.ext, e.g. 新品上市推广-2026-11-21-需求申请表.docx.

    `ext` may be given with or without its dot; an empty `ext` gives a name
    without extension.
    """
    parts = [clean(name) or "document", f"{day:%Y-%m-%d}", clean(doc_type) or "document"]
    stem = "-".join(parts)
    ext = clean(ext.lstrip("."))
    return f"{stem}.{ext}" if ext else stem


def content_disposition(name: str, *, inline: bool = False) -> str:
    """Return an attachment header any browser reads, the UTF-8 name per RFC 5987."""
    ascii_name = name.encode("ascii", "ignore").decode().replace('"', "").replace("\\", "")
    # A Chinese name loses its words here: drop the dashes left around the date too.
    stem, dot, ext = ascii_name.rpartition(".") if "." in ascii_name else (ascii_name, "", "")
    ascii_name = re.sub(r"-{2,}", "-", stem).strip(" -") + dot + ext
    if not ascii_name.strip(" .-") or ascii_name.startswith("."):
        ascii_name = "document" + (name[name.rfind(".") :] if "." in name else "")
        ascii_name = ascii_name.encode("ascii", "ignore").decode()
    disposition = "inline" if inline else "attachment"
    return f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
