"""Reading pages: the register, a link's page, the map, places, organisations, the CSV and documents."""

from django.contrib.auth.decorators import permission_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from intlinks.csv_export import csv_download
from partnerships import selectors
from partnerships.filters import PartnershipFilter
from partnerships.models import Agreement, Partnership
from partnerships.uploads import sniff_content_type
from partnerships.views.common import filtered_page, list_crumb
from partnerships.worldmap import HEIGHT, WIDTH, graticule_path, land_path, map_points

VIEW = "partnerships.view_partnership"


@permission_required(VIEW, raise_exception=True)
def partnership_list(request):
    """The register: filters, search, pagination, and the same list as CSV."""
    links = PartnershipFilter(request.GET, queryset=selectors.partnership_list())
    context = {**filtered_page(request, links), "crumbs": [("Partnerships", None)]}
    return render(request, "partnerships/partnership_list.html", context)


@permission_required(VIEW, raise_exception=True)
def partnership_export(request):
    """The filtered list of links as a CSV file, one row per link."""
    links = PartnershipFilter(request.GET, queryset=selectors.partnership_list()).qs
    response, writer = csv_download(filename=f"partnerships-{timezone.localdate():%Y-%m-%d}.csv")
    writer.writerow(
        [
            "Place",
            "Country",
            "Kind of link",
            "Depth",
            "Status",
            "Began",
            "Lead officer",
            "Lead councillor",
            "Themes",
            "Last review",
            "Drifting",
        ]
    )
    for link in links:
        row = [
            link.place.name,
            link.place.country.name,
            link.get_kind_display(),
            link.get_depth_display(),
            link.get_status_display(),
            link.began_year or "",
            link.lead_officer.get_full_name() if link.lead_officer else "",
            link.lead_councillor,
            "; ".join(theme.name for theme in link.themes.all()),
            link.last_reviewed_on or "",
            "yes" if link.drifting else "no",
        ]
        writer.writerow(row)
    return response


@permission_required(VIEW, raise_exception=True)
def partnership_detail(request, pk):
    try:
        partnership = selectors.partnership_detail(pk)
    except Partnership.DoesNotExist as error:
        raise Http404("No such link") from error
    context = {
        "partnership": partnership,
        "timeline": selectors.partnership_timeline(partnership=partnership),
        "can_edit": request.user.has_perm("partnerships.change_partnership"),
        "crumbs": [list_crumb(), (str(partnership.place), None)],
    }
    return render(request, "partnerships/partnership_detail.html", context)


@permission_required(VIEW, raise_exception=True)
def partner_map(request):
    places = list(selectors.places_for_map())
    context = {
        "places": places,
        "points": map_points(places),
        "land": land_path(),
        "graticule": graticule_path(),
        "width": WIDTH,
        "height": HEIGHT,
        "crumbs": [list_crumb(), ("Map of partner places", None)],
    }
    return render(request, "partnerships/map.html", context)


@permission_required("partnerships.view_place", raise_exception=True)
def place_list(request):
    context = {"places": selectors.place_list(), "crumbs": [list_crumb(), ("Partner places", None)]}
    return render(request, "partnerships/place_list.html", context)


@permission_required("partnerships.view_organisation", raise_exception=True)
def organisation_list(request):
    context = {
        "organisations": selectors.organisation_list(),
        "crumbs": [list_crumb(), ("Local organisations", None)],
    }
    return render(request, "partnerships/organisation_list.html", context)


@permission_required("partnerships.view_agreement", raise_exception=True)
def agreement_document(request, pk):
    """The signed document, only to people who may read the register; never served as a static file."""
    agreement = get_object_or_404(Agreement, pk=pk)
    if not agreement.document:
        raise Http404("This agreement has no document")
    document = agreement.document.open("rb")
    return FileResponse(
        document,
        as_attachment=True,
        filename=agreement.document.name.rsplit("/", 1)[-1],
        content_type=sniff_content_type(document) or "application/octet-stream",
    )
