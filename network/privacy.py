"""'Download my data': each app registers what it holds about a person (AVG/GDPR art. 15 and 20)."""

from collections.abc import Callable
from typing import Any

from django.db import transaction

_exporters: dict[str, Callable[[Any], Any]] = {}


def register_data_exporter(name: str, exporter: Callable[[Any], Any]) -> None:
    """Register a callable that returns JSON-serialisable data about the given user."""
    _exporters[name] = exporter


def export_user_data(user) -> dict[str, Any]:
    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "organisation": user.organisation,
            "notification_preference": user.notification_preference,
            "roles": user.role_labels,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        }
    }
    for name, exporter in sorted(_exporters.items()):
        data[name] = exporter(user)
    return data


_deletion_handlers: dict[str, Callable[[Any], None]] = {}


def register_account_deletion_handler(name: str, handler: Callable[[Any], None]) -> None:
    """Register a callable that withdraws or anonymises what an app holds about a user.

    Handlers run inside the deletion's transaction, before the user row is deleted, so what
    foreign keys would otherwise cascade or null out can be handled as the privacy statement says.
    """
    _deletion_handlers[name] = handler


def delete_account(user) -> None:
    """Delete a person's account after every app has handled its data about them."""
    with transaction.atomic():
        for _name, handler in sorted(_deletion_handlers.items()):
            handler(user)
        user.delete()
