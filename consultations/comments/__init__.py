"""Comments on the act: posting and replying (posting), moderation and offline entry
(moderation, posting), agree/disagree (reactions), user text made safe on write
(bleaching) and the public comment form and comment pages (forms, views)."""
