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
