"""Thin views of the news: posting a reaction under an article."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network.accounts import has_verified_email
from network.views import forbidden

from . import services
from .forms import ReactionForm
from .models import NewsArticlePage


@login_required
@require_POST
def reaction_create(request, pk: int):
    article = get_object_or_404(NewsArticlePage.objects.live(), pk=pk)
    if not has_verified_email(request.user):
        return forbidden(
            request,
            reason=_("Confirm your email address first; we sent you a link when you signed up."),
            next_url=article.url,
            next_label=_("Back to the article"),
        )
    form = ReactionForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            post = services.reaction_create(
                article=article,
                author=request.user,
                body_markdown=form.cleaned_data["body_markdown"],
            )
        except services.ForumError as error:
            form.add_error(None, error.message)
            status = error.status
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(f"{article.url}?reactie={post.pk}#reactie-{post.pk}")
    context = article.get_context(request)
    context["form"] = form
    return TemplateResponse(request, article.get_template(request), context, status=status)
