from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from intlinks import views
from partnerships.urls import open_data_urlpatterns

admin.site.site_header = "International links administration"
admin.site.site_title = "International links"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-in/code/", views.TwoFactorCodeView.as_view(), name="two_factor_code"),
    path("account/two-factor/", views.TwoFactorSetUpView.as_view(), name="two_factor_set_up"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_notice, name="privacy"),
    path("account/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("exports/council.zip", views.council_export, name="council_export"),
    path("open-data/", include((open_data_urlpatterns, "open_data"))),
    path("strategy/", include("strategy.urls")),
    path("partnerships/", include("partnerships.urls")),
    path("reporting/", include("reporting.urls")),
    path("imports/", include("intlinks.imports.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "intlinks.views.permission_denied"
handler404 = "intlinks.views.page_not_found"
handler500 = "intlinks.views.server_error"
