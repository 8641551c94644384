# The code of the holding reply every hard case gets (DESIGN.md practice 2).
HOLDING_CODE = "hold"

# What a macro's text may say, and where each value comes from.
PLACEHOLDERS = (
    "customer.name",
    "customer.first_name",
    "agent.name",
    "agent.first_name",
    "ticket.reference",
    "ticket.subject",
)

# Whom a macro's preview is written to, on the settings page.
SAMPLE_CUSTOMER_NAME = "Ildikó Szabó"
SAMPLE_REFERENCE = "FD-ZGS5HL"
# How many macros the reply box's picker lists at once.
PICKER_LENGTH = 10
