from django.urls import URLPattern

app_name = "issues"

urlpatterns: list[URLPattern] = []
