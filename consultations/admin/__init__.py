"""The officials' screens in the Wagtail admin (registered in consultations/wagtail_hooks.py):
the list of consultations (overview), the dashboard's work queue (dashboard), the draft
act (drafts), moderation and offline comments (comments), responses and the report
(responses). Every verb goes through consultations.services; nothing here is registered
with Django's own admin site.
"""
