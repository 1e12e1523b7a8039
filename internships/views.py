"""Views of the inclusion internships. Thin: forms check input, services do the work."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from municipalities.models import MunicipalityPage
from municipalities.services import official_municipality_ids
from network.pagination import paginate
from network.roles import is_project_team
from network.views import forbidden

from . import services
from .forms import ApplicationForm, OfferFilterForm, OfferForm, TransitionForm
from .models import Application, ApplicationStatus, InternshipOffer
from .permissions import can_manage_offer, can_mediate, can_offer_any

PAGE_SIZE = 12


def open_offers():
    return InternshipOffer.objects.filter(is_open=True, end__gte=timezone.localdate())


@require_GET
def offer_list(request: HttpRequest) -> HttpResponse:
    form = OfferFilterForm(request.GET or None)
    offers = open_offers().select_related("municipality").order_by("start", "pk")
    status = 200
    if form.is_bound:
        if form.is_valid():
            if form.cleaned_data["province"]:
                offers = offers.filter(municipality__province=form.cleaned_data["province"])
            if form.cleaned_data["municipality"]:
                offers = offers.filter(municipality=form.cleaned_data["municipality"])
        else:
            status = 400
    page_obj = paginate(request, offers, PAGE_SIZE)
    return render(
        request,
        "internships/offer_list.html",
        {"form": form, "page_obj": page_obj, "can_offer": can_offer_any(request.user)},
        status=status,
    )


@require_GET
def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(InternshipOffer.objects.select_related("municipality"), pk=pk)
    manages = can_manage_offer(request.user, offer)
    applications = []
    if manages:
        applications = list(
            offer.applications.select_related("applicant").order_by("created_at", "pk")
        )
    own = None
    if request.user.is_authenticated and not manages:
        own = offer.applications.filter(applicant=request.user).first()
    return render(
        request,
        "internships/offer_detail.html",
        {
            "offer": offer,
            "manages": manages,
            "applications": applications,
            "own_application": own,
            "can_mediate": can_mediate(request.user),
            "transitions": services.ALLOWED_TRANSITIONS,
            "accepts_applications": offer.is_open and offer.end >= timezone.localdate(),
        },
    )


def _managed_municipalities(user):
    live = MunicipalityPage.objects.live().order_by("title").only("id", "title")
    if is_project_team(user):
        return live
    return live.filter(pk__in=official_municipality_ids(user))


def _offer_form(request: HttpRequest, offer: InternshipOffer | None) -> HttpResponse:
    if not can_offer_any(request.user) or (
        offer is not None and not can_manage_offer(request.user, offer)
    ):
        return forbidden(
            request,
            reason=_(
                "Only officials of the municipality and the project team can offer internships."
            ),
            next_url=reverse("internships:list"),
            next_label=_("Back to the internships"),
        )
    municipalities = _managed_municipalities(request.user)
    form = OfferForm(request.POST or None, instance=offer, municipalities=municipalities)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = services.offer_save(offer=form.save(commit=False), user=request.user)
            except PermissionDenied as error:
                form.add_error(None, str(error))
                status = 403
            else:
                messages.success(request, _("The internship has been saved."))
                return redirect("internships:detail", pk=saved.pk)
        else:
            status = 400
    return render(
        request, "internships/offer_form.html", {"form": form, "offer": offer}, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def offer_create(request: HttpRequest) -> HttpResponse:
    return _offer_form(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(InternshipOffer, pk=pk)
    return _offer_form(request, offer)


@login_required
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(InternshipOffer.objects.select_related("municipality"), pk=pk)
    form = ApplicationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.application_create(
                    offer=offer, applicant=request.user, **form.cleaned_data
                )
            except services.InternshipError as error:
                form.add_error(None, error.message)
                status = error.status
            else:
                messages.success(
                    request,
                    _(
                        "Thank you for applying. We have sent you an email; the project team will contact you."
                    ),
                )
                return redirect("internships:mine")
        else:
            status = 400
    return render(request, "internships/apply.html", {"form": form, "offer": offer}, status=status)


@login_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    applications = (
        Application.objects.filter(applicant=request.user)
        .select_related("offer__municipality")
        .order_by("-created_at")
    )
    return render(request, "internships/mine.html", {"applications": applications})


@login_required
@require_POST
def application_transition(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(Application.objects.select_related("offer"), pk=pk)
    if not can_mediate(request.user):
        return forbidden(
            request,
            reason=_("Only the project team can change the status of an application."),
            next_url=reverse("internships:detail", args=[application.offer_id]),
            next_label=_("Back to the internship"),
        )
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            services.application_transition(
                application=application, user=request.user, status=form.cleaned_data["status"]
            )
        except services.InternshipError as error:
            return render(
                request,
                "internships/transition_error.html",
                {"application": application, "message": error.message},
                status=error.status,
            )
        messages.success(
            request,
            _("The status is now “%(status)s”; the applicant has been emailed.")
            % {"status": ApplicationStatus(form.cleaned_data["status"]).label},
        )
        return redirect("internships:detail", pk=application.offer_id)
    return render(
        request,
        "internships/transition_error.html",
        {"application": application, "message": _("Choose a status from the list.")},
        status=400,
    )
