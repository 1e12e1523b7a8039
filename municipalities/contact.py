"""The form an official uses to keep the municipality's contact details and LIA summary current.

It edits the profile page itself, so it sits above the pages; the forms in `forms.py` sit below
them, because the pages render those.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MunicipalityPage

LIA_DOCUMENT_TYPES = (".pdf", ".docx", ".odt", ".txt")
LIA_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024


class MunicipalityContactForm(forms.ModelForm):
    """What an official keeps up to date: who answers inclusion questions, the LIA document
    and whether other municipalities may ask for help."""

    lia_document_file = forms.FileField(
        label=_("Upload the LIA document"),
        required=False,
        help_text=_("A PDF, Word (docx), OpenDocument (odt) or text file of at most 20 MB."),
    )

    class Meta:
        model = MunicipalityPage
        fields = [
            "inclusion_contact_name",
            "inclusion_contact_email",
            "lia_document_url",
            "lia_summary",
            "lia_summary_easy_read",
            "willing_to_be_asked",
        ]
        widgets = {
            "lia_summary": forms.Textarea(attrs={"rows": 4}),
            "lia_summary_easy_read": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_lia_document_file(self):
        upload = self.cleaned_data.get("lia_document_file")
        if upload is None:
            return None
        if not upload.name.lower().endswith(LIA_DOCUMENT_TYPES):
            raise forms.ValidationError(_("Upload a PDF, docx, odt or txt file."), code="file_type")
        if upload.size > LIA_DOCUMENT_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."), code="file_size")
        return upload
