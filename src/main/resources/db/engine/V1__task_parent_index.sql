-- Indexes on Camunda's own ACT_* tables, applied by system/EngineIndexes after the engine has
-- created or upgraded its schema (history table engine_index_history, separate from db/migration).
-- Idempotent and portable: runs unchanged on H2 and PostgreSQL.

-- Completing a task looks for its subtasks (select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?);
-- Camunda 7.24 has no index for it, so every completion scanned all open tasks (BENCHMARKS.md).
CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_);
