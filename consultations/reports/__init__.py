"""After the deadline: the authority's responses (services), groups of similar comments
(grouping), the consultation report (report) with its files (exports, files, tasks) and
pages (views), and the open data of a consultation (open_data)."""
