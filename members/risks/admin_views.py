"""The officers' admin for the register: adding and editing a risk, and recording a review,
go through the services, so every change of score is kept and every review lists what
changed since the one before."""

from wagtail.admin.views.generic.models import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from . import services
from .models import RegisterReview, Risk


class RiskCreateView(CreateView):
    def save_instance(self):
        risk = services.save_risk(self.request.user, self.form.save(commit=False))
        log(instance=risk, action="wagtail.create", user=self.request.user)
        return risk


class RiskEditView(EditView):
    def save_instance(self):
        risk = services.save_risk(self.request.user, self.form.save(commit=False))
        log(instance=risk, action="wagtail.edit", user=self.request.user)
        return risk


class RiskViewSet(ModelViewSet):
    """Officers hold the register's permissions (granted in apps.py)."""

    model = Risk
    icon = "warning"
    menu_label = "Risk register"
    menu_order = 940
    add_to_admin_menu = True
    add_view_class = RiskCreateView
    edit_view_class = RiskEditView
    list_display = ["title", "category", "owner", "score", "review_on", "is_closed"]
    list_filter = ["category", "is_closed"]
    search_fields = ["title", "cause", "effect"]


class ReviewCreateView(CreateView):
    def save_instance(self):
        review = services.record_review(self.request.user, self.form.save(commit=False))
        log(instance=review, action="wagtail.create", user=self.request.user)
        return review


class ReviewEditView(EditView):
    def save_instance(self):
        review = services.record_review(self.request.user, self.form.save(commit=False))
        log(instance=review, action="wagtail.edit", user=self.request.user)
        return review


class RegisterReviewViewSet(ModelViewSet):
    model = RegisterReview
    icon = "list-ul"
    menu_label = "Risk register reviews"
    menu_order = 941
    add_to_admin_menu = True
    add_view_class = ReviewCreateView
    edit_view_class = ReviewEditView
    list_display = ["__str__", "reviewers", "next_review_on"]
