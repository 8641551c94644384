"""Limits of the problems app."""

TITLE_LENGTH = 200
