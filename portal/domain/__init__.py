"""Domain rules as plain functions: the same rules serve the family pages, staff pages and API."""
