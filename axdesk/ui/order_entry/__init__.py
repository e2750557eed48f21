"""The New order tab: the form, its rules, and sending an order."""
