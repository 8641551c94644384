"""How each page language writes dates and times (Django's FORMAT_MODULE_PATH).

Django's own formats leave Estonian and Bosnian without a short date-and-time, which then falls
back to the American "12/07/2026 2:30 p.m."; and English reads 12-hour times while break notices
and log lines read 24-hour ones. These put every language on one 24-hour clock, in its own
order of day, month and year.
"""
