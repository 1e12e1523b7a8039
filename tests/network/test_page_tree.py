"""The foundation's page tree: where the home page and standard pages may be created."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from network.factories import StandardPageFactory
from network.models import AccessibilityStatementPage, HomePage, StandardPage
from network.pages import ensure_home_page


class NetworkPageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = ensure_home_page()
        cls.about = StandardPageFactory(parent=cls.home, title="Over ons", slug="over-ons")
        cls.team = StandardPageFactory(parent=cls.about, title="Het team", slug="team")

    def test_home_page_sits_only_under_the_root_and_once(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))  # max_count = 1

    def test_standard_pages_nest_under_the_home_page_and_each_other(self):
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertAllowedParentPageTypes(StandardPage, {Page, HomePage, StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)

    def test_the_accessibility_statement_sits_once_under_the_home_page(self):
        self.assertAllowedParentPageTypes(AccessibilityStatementPage, {HomePage})
        self.assertAllowedSubpageTypes(AccessibilityStatementPage, set())
        self.assertCanCreateAt(HomePage, AccessibilityStatementPage)
        self.assertCanNotCreateAt(StandardPage, AccessibilityStatementPage)

    def test_pages_route_and_render(self):
        for page in (self.home, self.about, self.team):
            with self.subTest(page=page.title):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
