"""Middleware of the foundation."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpRequest
from django.template.response import TemplateResponse


class FormErrorStatusMiddleware:
    """A POST whose form did not validate answers 400, also for views we don't own (allauth).

    Re-rendering a form with its errors is not a success: clients, tests and assistive tools can
    rely on the status, while the page itself still shows the form with the user's input.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_template_response(self, request: HttpRequest, response: TemplateResponse):
        if request.method == "POST" and response.status_code == 200:
            context = response.context_data or {}
            form = context.get("form")
            if form is not None and getattr(form, "is_bound", False) and form.errors:
                response.status_code = 400
        return response


class SecurityHeadersMiddleware:
    """Headers Django does not set: which browser features pages may use, and who may embed
    the site's resources (Permissions-Policy, Cross-Origin-Resource-Policy)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response


class PathContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy for the site; the Wagtail admin gets its own, relaxed one.

    The admin (a product we do not write) still uses inline styles and scripts, so paths under
    CONTENT_SECURITY_POLICY_ADMIN_PREFIXES get CONTENT_SECURITY_POLICY_ADMIN instead.
    """

    def get_policy_parts(self, request: HttpRequest, response, report_only: bool = False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(
            tuple(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIXES)
        ):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
