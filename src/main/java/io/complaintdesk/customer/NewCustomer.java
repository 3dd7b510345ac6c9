package io.complaintdesk.customer;

import java.math.BigDecimal;

/**
 * A customer to admit into the master (客户准入, POLICY §8).
 * @param annualVolume {@code null} for 0
 * @param tier {@code null} for {@link ClientTier#QUALIFIED}: the tier review decides later
 * @param admittedBy the user who admits the customer, recorded as approver of the first tier
 */
public record NewCustomer(String customerId, String name, CustomerType type, String department, String contactPhone,
		String address, String email, BigDecimal annualVolume, int defaultCount, ClientTier tier,
		boolean confidential, String admittedBy) {
}
