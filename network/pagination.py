"""One pagination rule for every list on the site."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(
    request: HttpRequest,
    object_list,
    per_page: int,
    *,
    paginator_class: type[Paginator] = Paginator,
    number: int | None = None,
    **paginator_kwargs,
) -> Page:
    """The page of `object_list` that `?page=` asks for (or `number`, when the view knows it).

    A page number that is not a number shows page 1; one past the end shows the last page
    (Django's `Paginator.get_page`), so a mistyped or outdated link never ends in an error.
    """
    paginator = paginator_class(object_list, per_page, **paginator_kwargs)
    return paginator.get_page(request.GET.get("page") if number is None else number)


def page_number_is_valid(request: HttpRequest) -> bool:
    """Whether `?page=` is absent or a whole number, for lists that tell the user it was not."""
    raw = request.GET.get("page")
    return raw is None or raw.isdigit()
