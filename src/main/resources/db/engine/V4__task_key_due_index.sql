-- The Cockpit dashboard's clocks (complaint.dashboard.DeskWork) ask, for each of verifyComplaint,
-- handleComplaint and callbackCustomer, the open tasks due before the end of the next working day:
-- "TASK_DEF_KEY_ = ? and DUE_DATE_ < ?", counted and the first ten by due date. Without an index on
-- these columns every question read all open tasks (60-90 ms each at 100,000 open complaints,
-- BENCHMARKS.md); with it, only the tasks of that step coming due.
CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_KEY_DUE ON ACT_RU_TASK (TASK_DEF_KEY_, DUE_DATE_);
