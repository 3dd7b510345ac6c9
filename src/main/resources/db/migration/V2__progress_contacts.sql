-- POLICY §5: how often the customer was told about progress during a handling round
ALTER TABLE complaint_round ADD COLUMN progress_contacts INTEGER DEFAULT 0 NOT NULL;
