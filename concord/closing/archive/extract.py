"""Text of an uploaded document, for the knowledge search index.

.docx (python-docx: paragraphs and table cells), .xlsx (openpyxl: every
cell of every sheet), .txt/.md/.csv (UTF-8, GB18030 as a fallback). Other
files (PDF included: no extractor is pinned) are found by their name only.
A file that cannot be read is indexed by name, never an error.
"""

import logging
from io import BytesIO

from .models import Document

logger = logging.getLogger(__name__)

MAX_CHARS = 200_000


def _docx(data: bytes) -> str:
    from docx import Document as Docx

    doc = Docx(BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(p for p in parts if p)


def _xlsx(data: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(BytesIO(data), read_only=True, data_only=True)
    parts: list[str] = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells = [str(v) for v in row if v is not None]
            if cells:
                parts.append(" ".join(cells))
    book.close()
    return "\n".join(parts)


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "ignore")


READERS = {"docx": _docx, "xlsx": _xlsx, "txt": _text, "md": _text, "csv": _text}


def text_of(doc: Document) -> str:
    """Return the searchable text of `doc`: its name and what its content says."""
    ext = doc.original_name.rsplit(".", 1)[-1].lower() if "." in doc.original_name else ""
    reader = READERS.get(ext)
    body = ""
    if reader is not None:
        try:
            with doc.file.open("rb") as handle:
                body = reader(handle.read())
        except Exception:  # a broken upload is still archived, found by its name
            logger.warning("archive: could not read the text of %s", doc.original_name)
    return f"{doc.name}\n{doc.original_name}\n{body}"[:MAX_CHARS]
