"""frontdesk's SQLite database backend: Django's, with writers that take turns (see base)."""
