from datetime import timedelta

# Monday to Friday, nine to five: the hours a desk has until a lead says otherwise.
DEFAULT_WINDOWS = {str(day): [["09:00", "17:00"]] for day in range(5)}
# The zone those hours are in until an operator (FRONTDESK_TIME_ZONE) or a lead says otherwise:
# the demo desk's, so that a first run never keeps its hours in one zone and its clock in UTC.
DEFAULT_TIME_ZONE = "Europe/Tallinn"
# A breach found later than this after its due (old history on a desk's first start, a worker
# down for days) is recorded but not mailed: the leads hear of what they can still act on.
SLA_ESCALATION_WINDOW = timedelta(hours=24)
# Up to this many breaches found by one sweep are mailed one by one; more come as one list,
# so a weekend's backlog reaching its due together, or a worker back after a day, is one mail.
SLA_ESCALATIONS_ONE_BY_ONE = 3
