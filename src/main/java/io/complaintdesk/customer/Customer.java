package io.complaintdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of the customer master (table {@code customer}), contact details unmasked: what the
 * processes work with. What a user sees over the API is decided by {@code CustomerFiles}.
 * @param department the sales department serving the customer; tier quotas are per department
 * @param annualVolume business volume per year
 * @param defaultCount late payments, unpicked orders and contract breaches in this review period
 * @param confidential 机密/绝密: every read through the API is logged (POLICY §9)
 */
public record Customer(String customerId, String name, CustomerType type, String department, String contactPhone,
		String address, String email, BigDecimal annualVolume, int defaultCount, ClientTier tier,
		boolean confidential, Instant createdAt, Instant updatedAt) {
}
