"""The standard forms framework: every form of the guides, from live data.

An app describes a form as a `FormDoc` (title, key/value fields, blocks of
headings, paragraphs and tables, a signature row) and registers a builder
for it from its AppConfig.ready():

    from concord.knowledge.forms import register_form
    register_form("issues.table", label=("问题跟踪表", "Issue tracking table"),
                  builder=build_issue_table, formats=("xlsx", "docx", "pdf"), order=60)

The framework renders a FormDoc as .docx (python-docx), PDF (WeasyPrint,
CJK fonts embedded) or .xlsx (openpyxl) and names the download
「名称-日期-类型」 (`concord.knowledge.naming.document_name`).

The form's own wording (titles, labels) is chosen with `t(zh, en)` by the
active language, so a Chinese document says exactly what the paper form
says and an English one is readable; `translation.override(lang)` around
the builder and `render()` picks the language of one download.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from concord.lib.errors import DomainError

from .naming import content_disposition, document_name

if TYPE_CHECKING:
    from concord.collaborations.models import Collaboration

CONTENT_TYPES: dict[str, str] = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
FORMATS: tuple[str, ...] = ("docx", "pdf", "xlsx")
LANGUAGES: tuple[str, ...] = ("zh-hans", "en")


def english() -> bool:
    """Whether the active language is English (anything else gets the Chinese wording)."""
    return (get_language() or "zh-hans").lower().startswith("en")


def t(zh: str, en: str) -> str:
    """Return the form's own wording in the active language."""
    return en if english() else zh


def pick(pair: tuple[str, str]) -> str:
    """`t()` for a (Chinese, English) pair."""
    return t(pair[0], pair[1])


def name_of(user: Any) -> str:
    """A person's display name for a form ("" for nobody)."""
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return str(person.name) if person is not None else str(user.get_username())


def day_text(value: Any) -> str:
    """A date (or datetime, shown in local time to the minute) as the forms write it."""
    from datetime import datetime

    from django.utils import timezone

    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"
    return f"{value:%Y-%m-%d}"


@dataclass
class Field:
    label: str
    value: str


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    title: str = ""
    # relative column widths (any unit; scaled to the page / to characters in xlsx)
    widths: list[float] | None = None


@dataclass
class Block:
    heading: str = ""
    fields: list[Field] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass
class FormDoc:
    title: str  # the document's heading, e.g. 跨部门协作需求申请表
    doc_type: str  # the 「类型」 of the file name, e.g. 需求申请表
    name: str  # the 「名称」: the collaboration's name
    day: date  # the 「日期」
    fields: list[Field]
    blocks: list[Block]
    signatures: list[str] = field(default_factory=list)  # labels of the signature row
    note: str = ""  # a line under the title (e.g. number, version, state)
    subtitle: str = ""  # optional second heading line

    def filename(self, fmt: str) -> str:
        return document_name(self.name, self.day, self.doc_type, fmt)

    def tables(self) -> list[Table]:
        return [table for block in self.blocks for table in block.tables]

    def text(self) -> str:
        """The document as plain lines (for the search index): headings, fields, cells."""
        lines = [self.title, self.note]
        lines += [f"{f.label}: {f.value}" for f in self.fields]
        for block in self.blocks:
            lines += [block.heading, *(f"{f.label}: {f.value}" for f in block.fields)]
            lines += block.paragraphs
            for table in block.tables:
                lines += [table.title, " | ".join(table.columns)]
                lines += [" | ".join(str(cell) for cell in row) for row in table.rows]
        return "\n".join(line for line in lines if line)


Builder = Callable[["Collaboration", Any], "FormDoc | None"]


@dataclass(frozen=True)
class FormSpec:
    key: str
    label: tuple[str, str]  # (Chinese, English)
    builder: Builder
    formats: tuple[str, ...] = ("docx", "pdf")
    archive_doc: str | None = None  # the archive checklist item this form fills
    kinds: tuple[str, ...] | None = None  # collaboration kinds it applies to; None = all
    order: int = 50

    @property
    def title(self) -> str:
        return pick(self.label)

    def applies_to(self, collab: "Collaboration") -> bool:
        return self.kinds is None or str(collab.kind) in self.kinds

    def build(self, collab: "Collaboration", user: Any = None) -> "FormDoc | None":
        return self.builder(collab, user)


_FORMS: dict[str, FormSpec] = {}


def register_form(
    key: str,
    *,
    label: tuple[str, str],
    builder: Builder,
    formats: tuple[str, ...] = ("docx", "pdf"),
    archive_doc: str | None = None,
    kinds: tuple[str, ...] | None = None,
    order: int = 50,
) -> None:
    """Register (or replace) the form `key`; call it from your AppConfig.ready()."""
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown formats for form {key}: {sorted(unknown)}")
    _FORMS[key] = FormSpec(
        key=key,
        label=label,
        builder=builder,
        formats=tuple(formats),
        archive_doc=archive_doc,
        kinds=tuple(str(k) for k in kinds) if kinds is not None else None,
        order=order,
    )


def all_forms() -> list[FormSpec]:
    return sorted(_FORMS.values(), key=lambda s: (s.order, s.key))


def forms_for(collab: "Collaboration") -> list[FormSpec]:
    """Return the forms that apply to `collab`'s kind, in display order."""
    return [spec for spec in all_forms() if spec.applies_to(collab)]


def get_form(key: str) -> FormSpec:
    """Return the form `key`; an unknown key is not_found."""
    try:
        return _FORMS[key]
    except KeyError:
        raise DomainError(_("No such form."), code="not_found") from None


def form_for_archive_doc(archive_doc: str) -> FormSpec | None:
    """Return the form registered to fill the archive checklist item `archive_doc`."""
    return next((s for s in all_forms() if s.archive_doc == archive_doc), None)


def render(doc: FormDoc, fmt: str) -> bytes:
    """Return `doc` as "docx", "pdf" or "xlsx" bytes."""
    if fmt == "docx":
        from .render_docx import render_docx

        return render_docx(doc)
    if fmt == "pdf":
        from .render_pdf import render_pdf

        return render_pdf(doc)
    if fmt == "xlsx":
        from .render_xlsx import render_xlsx

        return render_xlsx(doc)
    raise DomainError(_("Unknown format."), code="not_found", field="fmt")


def download(doc: FormDoc, fmt: str) -> HttpResponse:
    """Return `doc` rendered as `fmt`, as an attachment named 「名称-日期-类型」."""
    response = HttpResponse(render(doc, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition(doc.filename(fmt))
    return response


def language_of(requested: str | None) -> str:
    """Return "en" or "zh-hans" for `?lang=`; the active language when absent or unknown."""
    value = (requested or "").strip().lower()
    if value.startswith("en"):
        return "en"
    if value.startswith("zh"):
        return "zh-hans"
    return "en" if english() else "zh-hans"


def export(
    collab: "Collaboration", user: Any, key: str, fmt: str, lang: str | None = None
) -> HttpResponse:
    """Build the form `key` of `collab` from live data and return it as a download.

    `lang` ("zh-hans" or "en") picks the document's language whatever the
    reader's; an unknown form, a format the form does not offer or a form
    with nothing in it yet is not_found. The caller checks visibility
    (`collaboration_for`).
    """
    from django.utils import translation

    spec = get_form(key)
    if fmt not in spec.formats or not spec.applies_to(collab):
        raise DomainError(_("This form is not offered in this format."), code="not_found")
    with translation.override(language_of(lang)):
        doc = spec.build(collab, user)
        if doc is None:
            raise DomainError(_("This form has nothing in it yet."), code="not_found")
        return download(doc, fmt)


def build_file(
    collab: "Collaboration", user: Any, key: str, fmt: str, lang: str | None = None
) -> tuple[str, bytes] | None:
    """Return (「名称-日期-类型」 file name, bytes) of the form `key`, or None when it is empty.

    For bundles (the archive's .zip): the same document as `export()`,
    without an HTTP response. Raises not_found for an unknown form or format.
    """
    from django.utils import translation

    spec = get_form(key)
    if fmt not in spec.formats:
        raise DomainError(_("This form is not offered in this format."), code="not_found")
    with translation.override(language_of(lang)):
        doc = spec.build(collab, user)
        if doc is None:
            return None
        return doc.filename(fmt), render(doc, fmt)
