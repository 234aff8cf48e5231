from django.urls import path

from intlinks.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.upload, name="upload"),
    path("<slug:slug>/template.<str:extension>", views.template_download, name="template"),
    path("<slug:slug>/preview/<str:key>/", views.preview, name="preview"),
]
