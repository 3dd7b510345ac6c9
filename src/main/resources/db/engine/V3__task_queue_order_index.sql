-- Tasklist's queues are sorted by priority (highest first), then due date, then (Tasklist's own
-- default sorting, which the engine appends to the filter's) creation time, newest first; the
-- engine's task query is "select distinct … order by RES.PRIORITY_ desc, RES.DUE_DATE_ asc,
-- RES.CREATE_TIME_ desc limit 15". Without an index in that order PostgreSQL joins and sorts every
-- candidate task to show 15 (EXPLAIN: Sort, external merge, of all ~90,000 tasks of the agents'
-- queue at 100,000 open complaints, BENCHMARKS.md); with it, it reads the tasks in queue order and
-- stops after the first page (Incremental Sort on the presorted keys).
CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_QUEUE_ORDER ON ACT_RU_TASK (PRIORITY_ DESC, DUE_DATE_, CREATE_TIME_ DESC);
