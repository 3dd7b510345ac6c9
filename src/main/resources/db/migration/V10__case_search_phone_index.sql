-- GET /api/complaints?q= matches q against case number, customer name (and its start), phone,
-- phone's last four digits, product and store code in one OR. PostgreSQL can answer such an OR from
-- indexes (BitmapOr) only if every branch has one; contact_phone had none, so every search read the
-- whole complaint table (Parallel Seq Scan, 100 ms at 100,000 cases; BENCHMARKS.md).
-- Portable SQL: runs unchanged on H2 and PostgreSQL. The prefix match of the name needs an index
-- PostgreSQL alone knows: db/vendor/postgresql.
CREATE INDEX complaint_contact_phone_idx ON complaint (contact_phone);
