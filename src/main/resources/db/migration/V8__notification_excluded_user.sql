-- POLICY §1: a group notification about a case names the employee the case is about, who must not
-- get it; the complaint package resolves it when it writes the notification, so that sending needs
-- nothing from the complaint registry.
ALTER TABLE notification_outbox ADD COLUMN excluded_user VARCHAR(64);
