from django.urls import path  # noqa: F401  (pages are added here as the strategy issues land)

app_name = "strategy"

urlpatterns = []
