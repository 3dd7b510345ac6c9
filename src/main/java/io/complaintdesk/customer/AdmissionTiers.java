package io.complaintdesk.customer;

import java.math.BigDecimal;

/**
 * The tier a customer is admitted with (客户准入, POLICY §8): never typed in, decided by the
 * {@code client-tier} table and the department's quotas. Implemented where the tier review lives
 * ({@code customer.review}), which owns the table's evaluation and the quota rule.
 */
public interface AdmissionTiers {

	/**
	 * @param department the new customer's department, whose quotas count the new customer too
	 */
	ClientTier atAdmission(String department, BigDecimal annualVolume, int defaultCount);

}
