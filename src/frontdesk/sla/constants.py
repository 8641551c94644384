# Monday to Friday, nine to five: the hours a desk has until a lead says otherwise.
DEFAULT_WINDOWS = {str(day): [["09:00", "17:00"]] for day in range(5)}
# The zone those hours are in until an operator (FRONTDESK_TIME_ZONE) or a lead says otherwise:
# the demo desk's, so that a first run never keeps its hours in one zone and its clock in UTC.
DEFAULT_TIME_ZONE = "Europe/Tallinn"
