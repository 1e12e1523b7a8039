"""Middleware of the foundation."""

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
