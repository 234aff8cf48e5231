from django.urls import path

from partnerships.views import activities, funding, gifts, links, places, reviews

app_name = "partnerships"

urlpatterns = [
    path("", links.partnership_list, name="list"),
    path("export.csv", links.partnership_export, name="export"),
    path("map/", places.partner_map, name="map"),
    path("new/", links.PartnershipCreateView.as_view(), name="create"),
    path("<int:pk>/", links.partnership_detail, name="detail"),
    path("<int:pk>/edit/", links.PartnershipUpdateView.as_view(), name="edit"),
    path("<int:pk>/status/", links.PartnershipChangeStatusView.as_view(), name="change_status"),
    path("<int:pk>/agreements/new/", links.AgreementCreateView.as_view(), name="agreement_create"),
    path("<int:pk>/reviews/new/", reviews.ReviewCreateView.as_view(), name="review_create"),
    path("<int:pk>/appraisals/new/", reviews.AppraisalCreateView.as_view(), name="appraisal_create"),
    path("<int:pk>/logframe/new/", reviews.LogframeRowCreateView.as_view(), name="logframe_create"),
    path(
        "<int:pk>/organisations/new/",
        links.PartnershipOrganisationCreateView.as_view(),
        name="partnership_organisation_create",
    ),
    path("<int:pk>/contacts/new/", places.PartnerContactCreateView.as_view(), name="partner_contact_create"),
    path("agreements/<int:pk>/edit/", links.AgreementUpdateView.as_view(), name="agreement_edit"),
    path("agreements/<int:pk>/document/", links.agreement_document, name="agreement_document"),
    path("appraisals/<int:pk>/accept/", reviews.appraisal_accept, name="appraisal_accept"),
    path("logframe/<int:pk>/edit/", reviews.LogframeRowUpdateView.as_view(), name="logframe_edit"),
    path("<int:pk>/activities/new/", activities.ActivityCreateView.as_view(), name="activity_create"),
    path("activities/", activities.activity_list, name="activities"),
    path("activities/export.csv", activities.activity_export, name="activity_export"),
    path("activities/attention/", activities.needs_attention, name="attention"),
    path("activities/<int:pk>/", activities.activity_detail, name="activity"),
    path("activities/<int:pk>/edit/", activities.ActivityUpdateView.as_view(), name="activity_edit"),
    path(
        "activities/<int:pk>/safeguarding/",
        activities.SafeguardingUpdateView.as_view(),
        name="activity_safeguarding",
    ),
    path(
        "activities/<int:pk>/evidence/new/", activities.EvidenceCreateView.as_view(), name="evidence_create"
    ),
    path("activities/<int:pk>/reopen/", activities.ActivityReopenView.as_view(), name="activity_reopen"),
    path("activities/<int:pk>/cancel/", activities.ActivityCancelView.as_view(), name="activity_cancel"),
    path("activities/<int:pk>/<str:to>/", activities.activity_change_state, name="activity_state"),
    path("evidence/<int:pk>/", activities.evidence_download, name="evidence"),
    path("breaches/<str:kind>/<int:pk>/justify/", activities.breach_justify, name="breach_justify"),
    path("breaches/<str:kind>/<int:pk>/approve/", activities.breach_approve, name="breach_approve"),
    path("activities/gifts/", gifts.gift_list, name="gifts"),
    path("activities/gifts/export.csv", gifts.gift_export, name="gift_export"),
    path("activities/gifts/new/", gifts.GiftCreateView.as_view(), name="gift_create"),
    path("activities/gifts/<int:pk>/edit/", gifts.GiftUpdateView.as_view(), name="gift_edit"),
    path("activities/funding/", funding.funding_list, name="funding"),
    path("activities/funding/new/", funding.FundingCreateView.as_view(), name="funding_create"),
    path("activities/funding/<int:pk>/edit/", funding.FundingUpdateView.as_view(), name="funding_edit"),
    path("places/", places.place_list, name="places"),
    path("places/new/", places.PlaceCreateView.as_view(), name="place_create"),
    path("places/<int:pk>/edit/", places.PlaceUpdateView.as_view(), name="place_edit"),
    path("organisations/", places.organisation_list, name="organisations"),
    path("organisations/new/", places.OrganisationCreateView.as_view(), name="organisation_create"),
    path("organisations/<int:pk>/edit/", places.OrganisationUpdateView.as_view(), name="organisation_edit"),
    path(
        "organisations/<int:pk>/contacts/new/",
        places.OrganisationContactCreateView.as_view(),
        name="organisation_contact_create",
    ),
]
