"""The practice library's page tree: one library under the home page, practices under it."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from knowledge.factories import PracticeIndexPageFactory, PracticePageFactory
from knowledge.models import PracticeIndexPage, PracticePage
from network.models import HomePage, StandardPage
from network.pages import ensure_home_page


class KnowledgePageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.library = PracticeIndexPageFactory(parent=ensure_home_page())
        cls.practice = PracticePageFactory(parent=cls.library, title="Toegankelijk stembureau")

    def test_library_sits_once_under_the_home_page(self):
        self.assertAllowedParentPageTypes(PracticeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PracticeIndexPage, {PracticePage})
        self.assertCanCreateAt(HomePage, PracticeIndexPage)
        for parent in (Page, StandardPage, PracticeIndexPage, PracticePage):
            self.assertCanNotCreateAt(parent, PracticeIndexPage)
        self.assertFalse(PracticeIndexPage.can_create_at(self.library.get_parent()))

    def test_practices_sit_only_under_the_library_and_have_no_children(self):
        self.assertAllowedParentPageTypes(PracticePage, {PracticeIndexPage})
        self.assertAllowedSubpageTypes(PracticePage, set())
        self.assertCanCreateAt(PracticeIndexPage, PracticePage)
        for parent in (Page, HomePage, StandardPage, PracticePage):
            self.assertCanNotCreateAt(parent, PracticePage)

    def test_pages_route_and_render(self):
        for page in (self.library, self.practice):
            with self.subTest(page=page.title):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(self.library, query_data={"q": "stembureau"})
