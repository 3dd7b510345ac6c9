-- POLICY §6: the customer rates the service staff of a round on attitude, skill, arrival time and
-- keeping promises (VERY_SATISFIED, SATISFIED, FAIR, POOR); the monthly staff review reads them
ALTER TABLE complaint_round ADD COLUMN rating_attitude VARCHAR(20);
ALTER TABLE complaint_round ADD COLUMN rating_skill VARCHAR(20);
ALTER TABLE complaint_round ADD COLUMN rating_arrival VARCHAR(20);
ALTER TABLE complaint_round ADD COLUMN rating_promises VARCHAR(20);
