"""The Orders tab: the journaled orders, live sync, cancel, lookup and export."""
