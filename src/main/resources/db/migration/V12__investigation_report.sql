-- Issue 14, the handling flow (POLICY §3, §5, §7). Portable SQL: runs unchanged on H2 and PostgreSQL.

-- POLICY §5 投诉调查报告: the parts of the investigation report, recorded with each handling round
ALTER TABLE complaint_round ADD COLUMN cause VARCHAR(4000);
ALTER TABLE complaint_round ADD COLUMN course_of_events VARCHAR(4000);
ALTER TABLE complaint_round ADD COLUMN responsible_department VARCHAR(200);
ALTER TABLE complaint_round ADD COLUMN responsible_person VARCHAR(200);
ALTER TABLE complaint_round ADD COLUMN conclusion VARCHAR(4000);
ALTER TABLE complaint_round ADD COLUMN countermeasures VARCHAR(4000);

-- POLICY §5: a refused compensation gives its reason
ALTER TABLE complaint_round ADD COLUMN approval_comment VARCHAR(4000);

-- POLICY §3: the superior's ruling on a complaint the handler found not valid
ALTER TABLE complaint ADD COLUMN dismissal_confirmed BOOLEAN;
ALTER TABLE complaint ADD COLUMN dismissal_ruled_by VARCHAR(64);

-- the monthly statistics rank responsible departments
CREATE INDEX complaint_round_department_idx ON complaint_round (responsible_department);
