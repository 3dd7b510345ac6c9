-- GET /api/complaints?q=… (CONTRACT) and the access rule (POLICY §9) on indexed columns.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

-- the last four digits of the contact phone: customers quote them on the phone ("尾号 5678")
ALTER TABLE complaint ADD COLUMN phone_last4 VARCHAR(4);
UPDATE complaint SET phone_last4 = RIGHT(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(contact_phone, ' ', ''), '-', ''),
    '(', ''), ')', ''), '+', ''), 4);

CREATE INDEX complaint_phone_last4_idx ON complaint (phone_last4);
CREATE INDEX complaint_customer_name_idx ON complaint (customer_name);
CREATE INDEX complaint_product_code_idx ON complaint (product_code);
CREATE INDEX complaint_store_code_idx ON complaint (store_code);
-- the employees cases are about: kept out of those cases on every path (engine tenants not-<user>)
CREATE INDEX complaint_accused_employee_idx ON complaint (accused_employee);
