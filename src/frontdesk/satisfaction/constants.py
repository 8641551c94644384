# Names the signed part of a rating link, so a token made for anything else never passes here.
RATING_SALT = "frontdesk.satisfaction.rating"
COMMENT_LENGTH = 2000
# What the survey mail is recorded as in mail's outbox (`OutboundMail.about`).
SURVEY_MAIL = "satisfaction-survey"
# A follow-up's promise holds this much of the customer's comment; the rest is a note on it.
FOLLOW_UP_TEXT_LENGTH = 250
