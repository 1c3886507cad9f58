"""Archive test data, made through the services.

`executing(org)` is tests.tasks.helpers.project with its plan in effect
(state EXECUTING): alice initiates, leo leads, rob and cara in 研发部.
`Registry` replaces the standard forms registry for one test with forms
the test declares, so that what is "present" does not depend on which
other apps have registered their forms yet.
"""

from datetime import date
from typing import Any

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from concord.closing.archive import services
from concord.closing.archive.models import Document
from concord.knowledge import forms as registry
from concord.knowledge.forms import Block, Field, FormDoc, FormSpec, Table
from tests.personas import Org
from tests.tasks.helpers import Project, project

START = "2026-07-01 10:00 +0800"


def executing(org: Org) -> Project:
    with time_machine.travel(START, tick=False):
        return project(org, with_plan=True)


def docx_bytes(text: str) -> bytes:
    from io import BytesIO

    from docx import Document as Docx

    doc = Docx()
    doc.add_paragraph(text)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def upload(
    actor: Any,
    collab: Any,
    doc_type: str,
    *,
    name: str = "scan.txt",
    content: bytes = b"hello",
    title: str = "",
) -> Document:
    return services.document_upload(
        actor=actor,
        collaboration=collab,
        doc_type=doc_type,
        title=title,
        file=SimpleUploadedFile(name, content, content_type="application/octet-stream"),
    )


class Registry:
    """The forms registry of one test: `add()` declares a form filling a checklist item."""

    def __init__(self, monkeypatch: Any, *, keep: tuple[str, ...] = ()) -> None:
        self.forms: dict[str, FormSpec] = {
            key: spec for key, spec in registry._FORMS.items() if key in keep
        }
        monkeypatch.setattr(registry, "_FORMS", self.forms)

    def add(
        self,
        key: str,
        archive_doc: str | None,
        *,
        content: bool = True,
        formats: tuple[str, ...] = ("docx",),
        doc_type: str = "",
    ) -> None:
        def build(collab: Any, user: Any) -> FormDoc | None:
            if not content:
                return None
            return FormDoc(
                title=f"{key} 表",
                doc_type=doc_type or key.rsplit(".", 1)[-1],
                name=collab.name,
                day=date(2026, 7, 1),
                fields=[Field("名称", collab.name)],
                blocks=[Block(tables=[Table(columns=["列"], rows=[["预算"]])])],
            )

        registry.register_form(
            key, label=(key, key), builder=build, formats=formats, archive_doc=archive_doc
        )


PROJECT_REQUIRED = (
    "request",
    "plan",
    "comm_plan",
    "minutes",
    "progress",
    "issue_table",
    "acceptance",
    "review_report",
)


def all_present(reg: Registry) -> None:
    """Declare a form with content for every required document of a project."""
    for doc_type in PROJECT_REQUIRED:
        reg.add(f"test.{doc_type}", doc_type)
