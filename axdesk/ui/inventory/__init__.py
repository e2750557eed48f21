"""The Inventory tab: seats left by date, for each option."""
