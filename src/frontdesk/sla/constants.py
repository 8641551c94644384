# Monday to Friday, nine to five: the hours a desk has until a lead says otherwise.
DEFAULT_WINDOWS = {str(day): [["09:00", "17:00"]] for day in range(5)}
