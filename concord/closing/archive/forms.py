"""Forms of the archive page: upload, waive, close."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from . import checklist
from .services import MAX_UPLOAD_BYTES


class UploadForm(forms.Form):
    doc_type = forms.ChoiceField(label=_("Document type"))
    # Translators: what an "other" document is, e.g. 沟通记录
    title = forms.CharField(
        label=_("What it is (for other documents)"), max_length=100, required=False
    )
    file = forms.FileField(label=_("File"))

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["doc_type"]).choices = [
            (key, checklist.type_label(key)) for key in checklist.upload_types(kind)
        ]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload is not None and (upload.size or 0) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)d MB."),
                params={"limit": MAX_UPLOAD_BYTES // 2**20},
            )
        return upload


class WaiveForm(forms.Form):
    doc_type = forms.ChoiceField(label=_("Required document"))
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args: Any, kind: str, only: list[str] | None = None, **kwargs: Any) -> None:
        """`only` narrows the choice to these types (the page offers the missing ones)."""
        super().__init__(*args, **kwargs)
        keys = [k for k in checklist.REQUIRED.get(kind, ()) if not only or k in only]
        cast(forms.ChoiceField, self.fields["doc_type"]).choices = [
            (key, checklist.type_label(key)) for key in keys
        ]


class CloseForm(forms.Form):
    note = forms.CharField(
        label=_("Closing note"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )
