"""The consulted act: import and split a draft (parsing), review and correct the split
(review, clauses), publish versions (services) and show what changed between them
(changes, views)."""
