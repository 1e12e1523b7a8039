"""Admin entry points: the team reaches the matchcentrum and its dashboard from Wagtail's menu."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from network.roles import is_project_team


class TeamMenuItem(MenuItem):
    """A menu item only the project team sees."""

    def is_shown(self, request) -> bool:
        return is_project_team(request.user)


@hooks.register("register_admin_menu_item")
def register_matchcentrum_menu_item() -> MenuItem:
    return TeamMenuItem(
        _("Matchcentrum"),
        reverse_lazy("matchcentrum:dashboard"),
        name="matchcentrum",
        icon_name="group",
        order=850,
    )
