from django.urls import path

from reporting.views import dashboard

app_name = "reporting"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
]
