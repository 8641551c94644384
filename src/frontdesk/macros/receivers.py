"""Macros' part in the ticket page's reply: a /code typed but not expanded is expanded on send."""

from frontdesk.macros.services import macro_expand
from frontdesk.tickets.reply_filters import reply_filter_register

reply_filter_register(macro_expand)
