from django.urls import path

from reporting.views import meetings

app_name = "reporting"

urlpatterns = [
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
]
