from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.ConcordLoginView.as_view(), name="login"),
    path("logout/", views.ConcordLogoutView.as_view(), name="logout"),
    path("language/", views.set_language, name="set_language"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
]
