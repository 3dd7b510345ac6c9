package io.complaintdesk.customer.review;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Component;

import io.complaintdesk.customer.AdmissionTiers;
import io.complaintdesk.customer.ClientTier;
import io.complaintdesk.customer.Customer;
import io.complaintdesk.customer.CustomerDirectory;

/**
 * The tier at admission (POLICY §8): what the {@code client-tier} table decides from volume and
 * defaults, within the department's quotas counted with the new customer (the same quotas as the
 * half-yearly review, {@link TierReview}). A quota already full gives the tier below; the review
 * then lets the highest volumes keep the tier.
 */
@Component
class AdmissionTierDecision implements AdmissionTiers {

	private final TierDecision decision;

	private final TierReview review;

	private final CustomerDirectory directory;

	AdmissionTierDecision(TierDecision decision, TierReview review, CustomerDirectory directory) {
		this.decision = decision;
		this.review = review;
		this.directory = directory;
	}

	@Override
	public ClientTier atAdmission(String department, BigDecimal annualVolume, int defaultCount) {
		ClientTier tier = this.decision.decide(annualVolume, defaultCount);
		List<Customer> clients = this.directory.byDepartment(department);
		int size = clients.size() + 1;
		if (tier == ClientTier.VIP && count(clients, ClientTier.VIP) >= this.review.vipQuota(size)) {
			tier = ClientTier.PREFERRED;
		}
		if (tier == ClientTier.PREFERRED && count(clients, ClientTier.PREFERRED) >= this.review.preferredQuota(size)) {
			tier = ClientTier.QUALIFIED;
		}
		return tier;
	}

	private static long count(List<Customer> clients, ClientTier tier) {
		return clients.stream().filter((c) -> c.tier() == tier).count();
	}

}
