from django.urls import path

from partnerships import views

app_name = "partnerships"

urlpatterns = [
    path("", views.partnership_list, name="list"),
    path("export.csv", views.partnership_export, name="export"),
    path("map/", views.partner_map, name="map"),
    path("new/", views.PartnershipCreateView.as_view(), name="create"),
    path("<int:pk>/", views.partnership_detail, name="detail"),
    path("<int:pk>/edit/", views.PartnershipUpdateView.as_view(), name="edit"),
    path("<int:pk>/status/", views.partnership_change_status, name="change_status"),
    path("<int:pk>/agreements/new/", views.AgreementCreateView.as_view(), name="agreement_create"),
    path("<int:pk>/reviews/new/", views.ReviewCreateView.as_view(), name="review_create"),
    path("<int:pk>/appraisals/new/", views.AppraisalCreateView.as_view(), name="appraisal_create"),
    path("<int:pk>/logframe/new/", views.LogframeRowCreateView.as_view(), name="logframe_create"),
    path(
        "<int:pk>/organisations/new/",
        views.PartnershipOrganisationCreateView.as_view(),
        name="partnership_organisation_create",
    ),
    path("<int:pk>/contacts/new/", views.PartnerContactCreateView.as_view(), name="partner_contact_create"),
    path("agreements/<int:pk>/edit/", views.AgreementUpdateView.as_view(), name="agreement_edit"),
    path("agreements/<int:pk>/document/", views.agreement_document, name="agreement_document"),
    path("appraisals/<int:pk>/accept/", views.appraisal_accept, name="appraisal_accept"),
    path("logframe/<int:pk>/edit/", views.LogframeRowUpdateView.as_view(), name="logframe_edit"),
    path("places/", views.place_list, name="places"),
    path("places/new/", views.PlaceCreateView.as_view(), name="place_create"),
    path("places/<int:pk>/edit/", views.PlaceUpdateView.as_view(), name="place_edit"),
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/new/", views.OrganisationCreateView.as_view(), name="organisation_create"),
    path("organisations/<int:pk>/edit/", views.OrganisationUpdateView.as_view(), name="organisation_edit"),
    path(
        "organisations/<int:pk>/contacts/new/",
        views.OrganisationContactCreateView.as_view(),
        name="organisation_contact_create",
    ),
]
