from django.urls import path

from . import views

app_name = "reviews"

C = "collaborations/<str:ref>/"

urlpatterns = [
    path(f"{C}reviews/", views.review_list, name="list"),
    path(f"{C}reviews/start/", views.review_start, name="start"),
    path(f"{C}reviews/<int:pk>/", views.review_detail, name="review"),
    path(f"{C}reviews/<int:pk>/report.<str:fmt>", views.review_export, name="review_export"),
    path(f"{C}reviews/<int:pk>/<str:action>/", views.review_action, name="review_action"),
    path(f"{C}retrospective/<str:kind>/", views.retro_detail, name="retro"),
    path(f"{C}retrospective/<str:kind>/report.<str:fmt>", views.retro_export, name="retro_export"),
    path(f"{C}retrospective/<str:kind>/<str:action>/", views.retro_action, name="retro_action"),
    path("proposals/", views.proposal_list, name="proposals"),
    path("proposals/<int:pk>/decide/", views.proposal_decide, name="proposal_decide"),
]
