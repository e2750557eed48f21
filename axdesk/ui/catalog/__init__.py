"""Catalog > Edit catalog…: the products and options this channel sells."""
