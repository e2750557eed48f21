"""The rules a New order must pass before it is sent (no Qt), one module per area."""
