package io.complaintdesk.customer.review;

import java.math.BigDecimal;

import io.complaintdesk.customer.ClientTier;

/**
 * One line of the review's proposal: a customer whose tier changes, and why. Stored in the
 * process as JSON (variable {@code proposal}, then {@code approvedChanges}); the Tasklist form
 * shows it as a table.
 *
 * @param from the tier the customer has now
 * @param to the tier proposed (or, after approval, approved)
 * @param qualifiesFor the highest tier the customer may hold: the {@code client-tier} table's tier,
 * never above {@code from} for a blacklisted customer; an amendment may not go above it
 * @param reason why, in words, e.g. {@code volume 1,250,000, no defaults → VIP}
 * @param vipDowngradeForProblems a current VIP downgraded while having defaults in the period:
 * POLICY §8 wants that decided within 5 days
 */
public record ProposedTierChange(String customerId, String name, String department, ClientTier from, ClientTier to,
		ClientTier qualifiesFor, BigDecimal annualVolume, int defaultCount, String reason,
		boolean vipDowngradeForProblems) {
}
