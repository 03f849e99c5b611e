-- The list filtered by status and ordered by deadline (an integrator's sync job, the board's columns): the page's ids
-- come from this index alone, in order, however deep the page, without reading the rows it skips.
CREATE INDEX tasks_status_deadline ON tasks (status, deadline NULLS FIRST, id);
