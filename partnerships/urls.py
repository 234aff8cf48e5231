from django.urls import path

from intlinks.exports import export_urls
from partnerships.views import activities, funding, gifts, grants, links, open_data, places, reviews

app_name = "partnerships"

urlpatterns = [
    path("", links.partnership_list, name="list"),
    *export_urls("export", links.partnership_export, name="export"),
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
    *export_urls("activities/export", activities.activity_export, name="activity_export"),
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
    path("costs/<int:pk>/repayment/", activities.RepaymentView.as_view(), name="cost_repayment"),
    path("activities/gifts/", gifts.gift_list, name="gifts"),
    *export_urls("activities/gifts/export", gifts.gift_export, name="gift_export"),
    path("activities/gifts/new/", gifts.GiftCreateView.as_view(), name="gift_create"),
    path("activities/gifts/<int:pk>/edit/", gifts.GiftUpdateView.as_view(), name="gift_edit"),
    path("activities/funding/", funding.funding_list, name="funding"),
    *export_urls("activities/funding/export", funding.funding_export, name="funding_export"),
    path("activities/funding/new/", funding.FundingCreateView.as_view(), name="funding_create"),
    path("activities/funding/<int:pk>/edit/", funding.FundingUpdateView.as_view(), name="funding_edit"),
    path("grants/", grants.grant_list, name="grants"),
    *export_urls("grants/export", grants.grant_export, name="grant_export"),
    path("grants/new/", grants.GrantCreateView.as_view(), name="grant_create"),
    path("grants/360giving.json", grants.grants_360giving_json, name="grants_360giving_json"),
    path("grants/360giving.csv", grants.grants_360giving_csv, name="grants_360giving_csv"),
    path("grants/360giving.xlsx", grants.grants_360giving_xlsx, name="grants_360giving_xlsx"),
    path("grants/transparency.csv", grants.grants_transparency_csv, name="grants_transparency_csv"),
    path("grants/<int:pk>/", grants.grant_detail, name="grant"),
    path("grants/<int:pk>/edit/", grants.GrantUpdateView.as_view(), name="grant_edit"),
    path("grants/<int:pk>/submit/", grants.grant_submit, name="grant_submit"),
    path("grants/<int:pk>/pay/", grants.GrantPayView.as_view(), name="grant_pay"),
    path("grants/<int:pk>/monitoring/", grants.GrantMonitoringView.as_view(), name="grant_monitoring"),
    path("grants/<int:pk>/close/", grants.grant_close, name="grant_close"),
    path("places/", places.place_list, name="places"),
    *export_urls("places/export", places.place_export, name="place_export"),
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

# The public open-data page and feeds, at /open-data/ (intlinks/urls.py): off unless switched on.
open_data_urlpatterns = [
    path("", open_data.open_data, name="page"),
    path("links.json", open_data.links_json, name="links"),
    path("gifts.json", open_data.gifts_json, name="gifts"),
]
