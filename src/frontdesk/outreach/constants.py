# Salt of the unsubscribe tokens: a token signed for anything else (a portal link) is refused.
UNSUBSCRIBE_SALT = "frontdesk.outreach.unsubscribe"
# What `mail_send` is told a campaign mail is about, so delivery news finds its recipient.
RECIPIENT_MAIL = "outreach.recipient"
# How many recipients one run of the periodic job hands to the mail queue per campaign.
SEND_BATCH = 200
# How many recipients the segment preview names.
PREVIEW_SAMPLE = 10
# The longest "new customers" window and "recent contact" window, in days.
MAX_DAYS = 3650
# Recent contact about a problem: the default look-back, in days.
RECENT_DAYS = 14
NAME_LENGTH = 200
SUBJECT_LENGTH = 250
BODY_LENGTH = 20_000
