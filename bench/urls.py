"""The portal's URLs plus the benchmark's yardstick for posting: the smallest
logged-in form POST that saves one row, through the same middleware (session, CSRF,
authentication, messages) as a comment. Page figures are compared with robots.txt."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import include, path
from django.views.decorators.http import require_POST
from wagtail.contrib.forms.models import FormSubmission


class NoteForm(forms.Form):
    text = forms.CharField(max_length=500)
    page = forms.IntegerField()


@require_POST
@login_required
def save_one_row(request):
    form = NoteForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest()
    FormSubmission.objects.create(
        page_id=form.cleaned_data["page"], form_data={"text": form.cleaned_data["text"]}
    )
    return redirect("/")


urlpatterns = [
    path("bench/one-row/", save_one_row, name="bench_one_row"),
    path("", include("portal.urls")),
]
