"""The agenda's page tree: one agenda under the home page, events under it, and their routes."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventIndexPage, EventPage
from network.models import HomePage, StandardPage
from network.pages import ensure_home_page


class EventsPageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agenda = EventIndexPageFactory(parent=ensure_home_page())
        cls.event = EventPageFactory(parent=cls.agenda, title="Netwerkdag", slug="netwerkdag")

    def test_agenda_sits_once_under_the_home_page(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertCanCreateAt(HomePage, EventIndexPage)
        for parent in (Page, StandardPage, EventIndexPage, EventPage):
            self.assertCanNotCreateAt(parent, EventIndexPage)
        self.assertFalse(EventIndexPage.can_create_at(self.agenda.get_parent()))

    def test_events_sit_only_under_the_agenda_and_have_no_children(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanCreateAt(EventIndexPage, EventPage)
        for parent in (Page, HomePage, StandardPage, EventPage):
            self.assertCanNotCreateAt(parent, EventPage)

    def test_agenda_routes_render(self):
        for route in ("/", "maand/", "archief/"):
            with self.subTest(route=route):
                self.assertPageIsRoutable(self.agenda, route)
                self.assertPageIsRenderable(self.agenda, route)

    def test_event_routes_render(self):
        for route in ("/", "aanmelden/", "ical/"):
            with self.subTest(route=route):
                self.assertPageIsRoutable(self.event, route)
                self.assertPageIsRenderable(self.event, route)
        # The participant list is for organisers: a visitor is sent to the login page.
        self.assertPageIsRenderable(self.event, "deelnemers/", accept_redirect=True)
