from django.urls import path

from . import feeds, views

app_name = "cms_pages"

urlpatterns = [
    path("aktualnosci/rss/", feeds.NewsFeed(), name="news_feed"),
    path("aktualnosci/atom/", feeds.NewsAtomFeed(), name="news_atom"),
    path("uchwaly/rss/", feeds.ResolutionsFeed(), name="resolutions_feed"),
    path("uchwaly/atom/", feeds.ResolutionsAtomFeed(), name="resolutions_atom"),
    path("konkursy/rss/", feeds.CallsFeed(), name="calls_feed"),
    path("konkursy/atom/", feeds.CallsAtomFeed(), name="calls_atom"),
    path("wydarzenia/kalendarz.ics", views.events_ics, name="events_ics"),
    path("wydarzenia/<int:pk>.ics", views.event_ics, name="event_ics"),
]
