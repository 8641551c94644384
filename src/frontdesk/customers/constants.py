PORTAL_SALT = "frontdesk.portal.link"
TIMELINE_SIDEBAR_LENGTH = 8
