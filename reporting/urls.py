from django.urls import path

from reporting.views import dashboard, health, matrix, since

app_name = "reporting"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    # The annual matrix, the health table and "since the last meeting" (issue 11).
    path("matrix/", matrix.matrix_page, name="matrix"),
    path("matrix/export.csv", matrix.matrix_csv, name="matrix_csv"),
    path("matrix/export.xlsx", matrix.matrix_xlsx, name="matrix_xlsx"),
    path("health/", health.partnership_health_table, name="health"),
    path("since/", since.since_page, name="since"),
]
