-- The Cockpit dashboard (complaint.dashboard.DeskDashboard, DeskWork) counts and lists open cases by
-- conditions no ordinary index serves: every open case has status 'OPEN', so at 100,000 open
-- complaints each of its dozen statements read the whole table (about 30 ms each; 450 ms for the
-- figures, BENCHMARKS.md). Partial indexes hold only the rows a figure asks for, in the order it
-- lists them: the cases waiting for the customer and the major ones are few; the running cases'
-- deadlines (receipt + 7 days, or the close-by a pause moved) are read as a range; the age buckets
-- per level are counted from an index alone. The predicates are the statements' own literals.
-- H2 has no partial indexes; at the sizes H2 serves, the ordinary indexes of V9 suffice.
CREATE INDEX complaint_open_paused_idx ON complaint (received_at, case_number)
    WHERE status = 'OPEN' AND paused_since IS NOT NULL;
CREATE INDEX complaint_open_major_idx ON complaint (received_at, case_number)
    WHERE status = 'OPEN' AND major = TRUE;
CREATE INDEX complaint_open_running_receipt_idx ON complaint (received_at, case_number)
    WHERE status = 'OPEN' AND paused_since IS NULL AND close_by IS NULL;
CREATE INDEX complaint_open_running_close_by_idx ON complaint (close_by, case_number)
    WHERE status = 'OPEN' AND paused_since IS NULL AND close_by IS NOT NULL;
CREATE INDEX complaint_open_level_age_idx ON complaint (complaint_level, received_at)
    WHERE status = 'OPEN';
