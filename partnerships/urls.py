from django.urls import path  # noqa: F401  (pages are added here as the partnerships issues land)

app_name = "partnerships"

urlpatterns = []
