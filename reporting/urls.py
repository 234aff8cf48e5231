from django.urls import path  # noqa: F401  (pages are added here as the reporting issues land)

app_name = "reporting"

urlpatterns = []
