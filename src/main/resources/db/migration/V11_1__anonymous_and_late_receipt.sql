-- Anonymous complaints (匿名投诉, POLICY §2): no name or phone; an optional e-mail address for notices.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

ALTER TABLE complaint ALTER COLUMN customer_name DROP NOT NULL;
ALTER TABLE complaint ALTER COLUMN contact_phone DROP NOT NULL;
ALTER TABLE complaint ADD COLUMN anonymous BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE complaint ADD COLUMN contact_email VARCHAR(200);
