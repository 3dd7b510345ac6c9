package io.complaintdesk.customer;

import java.time.Instant;

/**
 * One row of a customer's tier history (table {@code customer_tier_history}).
 * @param fromTier {@code null} for the tier the customer was admitted with
 * @param reviewKey business key of the {@code client-tier-review} that made the change, if any
 */
public record TierChange(long id, String customerId, ClientTier fromTier, ClientTier toTier, Instant changedAt,
		String reason, String approvedBy, String reviewKey) {
}
