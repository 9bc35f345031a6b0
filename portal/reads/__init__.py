"""The one read layer: what the family pages, the staff pages and the API show of a family is
loaded here, in a fixed number of queries whatever the family's size, after `portal.access` has
decided what the viewer may see. Views never query the database themselves."""
