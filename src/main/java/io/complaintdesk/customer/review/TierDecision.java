package io.complaintdesk.customer.review;

import java.math.BigDecimal;

import io.complaintdesk.customer.ClientTier;

/** The tier a customer qualifies for by volume and defaults: the {@code client-tier} table. */
@FunctionalInterface
interface TierDecision {

	ClientTier decide(BigDecimal annualVolume, int defaultCount);

}
