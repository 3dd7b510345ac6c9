-- GET /api/complaints?q=: "customer_name LIKE 'q%'" (a name from its start). PostgreSQL uses a
-- plain B-tree for a LIKE prefix only under the C collation; the desk's databases use C.UTF-8 or a
-- language's collation, so the search read the whole complaint table. An index with
-- varchar_pattern_ops serves the prefix match whatever the collation (EXPLAIN: Bitmap Index Scan
-- instead of Parallel Seq Scan; BENCHMARKS.md). H2 uses its ordinary index for a LIKE prefix and
-- needs nothing here.
CREATE INDEX complaint_customer_name_prefix_idx ON complaint (customer_name varchar_pattern_ops);
