"""Printing a household's welcome folder (case work): choose the language, get the PDF.
Every print is written to the audit log; printing again after a change is one click."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from kim.core.http import TenantRequest
from kim.core.views.base import form_page, tenant_redirect, tenant_url, tenant_view
from kim.people.models import Household
from kim.welcome.domain import folder
from kim.welcome.forms import FolderForm, HouseholdForm


@tenant_view("welcome.folders:print", obj=Household)
def print_folder(request: TenantRequest, household: Household) -> HttpResponse:
    form = FolderForm(request.POST or None,
                      initial={"language": folder.default_language(household)})
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"]
        content = folder.pdf(household, language)
        folder.record(household, language)
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="{folder.filename(household, language)}"')
        return response
    return form_page(request, form, title=_("Welcome folder for household %(name)s")
                     % {"name": household}, cancel_url=tenant_url(request, "welcome:page_list"),
                     intro=_("The folder holds the household's names, its appointments from "
                             "case work, the documents recorded as held (not their contents), "
                             "the contact points and the information pages, in the chosen "
                             "language. Each print is recorded in the audit log."),
                     template="welcome/staff/folder_form.html")


@tenant_view("welcome.folders:print")
def find_household(request: TenantRequest) -> HttpResponse:
    """Case work finds the household by its reference (or number) and goes on to print."""
    form = HouseholdForm(request.GET or None)
    if form.is_bound and form.is_valid():
        ref = form.cleaned_data["household"].strip()
        households = Household.objects.filter(municipality=request.municipality)
        found = households.filter(reference=ref).first()
        if found is None and ref.isdigit():
            found = households.filter(pk=int(ref)).first()
        if found is not None:
            return tenant_redirect(request, "welcome:folder", pk=found.pk)
        form.add_error("household", _("No household with this reference or number."))
    return render(request, "welcome/staff/find_household.html", {"form": form})
