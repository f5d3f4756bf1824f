"""The background worker: ``manage.py db_worker`` with a time limit per task.

See docs/background-tasks.md. The command keeps django-tasks-db's name and options, so
the deployment's worker unit and scripts run it unchanged.
"""
