"""Hungarian: year first, as Hungarian writes dates: 2026.12.07. 14:30."""

DATE_FORMAT = "Y. F j."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "Y. F j. H:i"
SHORT_DATE_FORMAT = "Y.m.d."
SHORT_DATETIME_FORMAT = "Y.m.d. H:i"
MONTH_DAY_FORMAT = "n. j."
