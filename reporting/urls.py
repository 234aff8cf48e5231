from django.urls import path

from reporting.views import dashboard, health, matrix, meetings, reports, since

app_name = "reporting"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    # The annual matrix, the health table and "since the last meeting" (issue 11).
    path("matrix/", matrix.matrix_page, name="matrix"),
    path("matrix/export.csv", matrix.matrix_csv, name="matrix_csv"),
    path("matrix/export.xlsx", matrix.matrix_xlsx, name="matrix_xlsx"),
    path("health/", health.partnership_health_table, name="health"),
    path("since/", since.since_page, name="since"),
    path("meetings/", meetings.meeting_list, name="meetings"),
    path("meetings/new/", meetings.MeetingCreateView.as_view(), name="meeting_create"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", meetings.MeetingUpdateView.as_view(), name="meeting_edit"),
    path("meetings/<int:pk>/papers/", meetings.meeting_papers, name="meeting_papers"),
    path(
        "meetings/<int:pk>/grants/<int:grant>/decide/",
        meetings.GrantDecisionView.as_view(),
        name="meeting_decide",
    ),
    # Cabinet reports (issue 12).
    path("reports/", reports.report_list, name="reports"),
    path("reports/new/", reports.ReportCreate.as_view(), name="report_create"),
    path("reports/<int:pk>/", reports.report_detail, name="report"),
    path("reports/<int:pk>/edit/", reports.ReportEdit.as_view(), name="report_edit"),
    path("reports/<int:pk>/preview/", reports.report_preview, name="report_preview"),
    path("reports/<int:pk>/generate/", reports.ReportGenerate.as_view(), name="report_generate"),
    path("reports/<int:pk>/versions/", reports.report_versions, name="report_versions"),
    path("reports/<int:pk>/supersede/", reports.ReportSupersede.as_view(), name="report_supersede"),
    path(
        "reports/<int:pk>/versions/<int:number>/download/", reports.version_download, name="version_download"
    ),
    path(
        "reports/<int:pk>/versions/<int:number>/draft/",
        reports.version_download_draft,
        name="version_download_draft",
    ),
    path(
        "reports/<int:pk>/versions/<int:number>/exempt-appendix/",
        reports.version_download_exempt,
        name="version_download_exempt",
    ),
    path(
        "reports/<int:pk>/versions/<int:number>/finalise/",
        reports.VersionFinalise.as_view(),
        name="version_finalise",
    ),
]
