"""Render a FormDoc as PDF with WeasyPrint, CJK fonts embedded.

The document is the template `knowledge/form_pdf.html` with print CSS
(A4, repeated table headers). Fonts come from fontconfig ("Noto Sans CJK
SC" / "Noto Serif CJK SC", installed by the quick-start scripts);
WeasyPrint embeds the subset of the glyphs it uses, so the PDF reads the
same on a machine without them. WeasyPrint needs Pango: when it cannot
load, rendering raises a DomainError with a clear message, never a 500.
"""

import logging
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from concord.lib.errors import DomainError

from .forms import FormDoc, english

_HTML: Any = None

# WeasyPrint reports every layout step at INFO; keep the server log for warnings.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def _weasyprint() -> Any:
    global _HTML
    if _HTML is None:
        try:
            from weasyprint import HTML
        except (ImportError, OSError) as exc:  # OSError: Pango/cairo libraries missing
            raise DomainError(
                _(
                    "PDF export is not available on this server: WeasyPrint cannot load "
                    "(%(error)s). Install Pango and the Noto CJK fonts, or download .docx."
                )
                % {"error": exc.__class__.__name__},
                code="conflict",
            ) from exc
        _HTML = HTML
    return _HTML


def _widths(widths: list[float] | None, count: int) -> list[float] | None:
    if not widths or len(widths) != count:
        return None
    total = sum(widths) or 1
    return [round(100 * w / total, 2) for w in widths]


def html_of(doc: FormDoc) -> str:
    return render_to_string(
        "knowledge/form_pdf.html",
        {
            "doc": doc,
            "lang": "en" if english() else "zh-Hans",
            "blocks": [
                (
                    block,
                    [(table, _widths(table.widths, len(table.columns))) for table in block.tables],
                )
                for block in doc.blocks
            ],
        },
    )


def render_pdf(doc: FormDoc) -> bytes:
    html = _weasyprint()
    try:
        pdf = html(string=html_of(doc)).write_pdf()
    except (OSError, ValueError) as exc:
        raise DomainError(
            _("The PDF could not be produced (%(error)s).") % {"error": exc.__class__.__name__},
            code="conflict",
        ) from exc
    return bytes(pdf)
