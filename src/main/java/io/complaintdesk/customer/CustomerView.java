package io.complaintdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer as {@code /api/customers} shows it (CONTRACT "Project REST API").
 * @param blacklistedUntil always present: {@code null} when the customer is not blacklisted
 * @param contactMasked whether {@code contactPhone}, {@code address} and {@code email} are masked
 * for this reader
 * @param tierHistory oldest first; only when a single customer is read
 */
record CustomerView(String customerId, String name, CustomerType type, String department, ClientTier tier,
		BigDecimal annualVolume, int defaultCount, @JsonInclude(JsonInclude.Include.ALWAYS) Instant blacklistedUntil,
		boolean confidential, String contactPhone, String address, String email, boolean contactMasked,
		List<TierChange> tierHistory) {

	static CustomerView of(Customer c, Instant blacklistedUntil, boolean masked, List<TierChange> tierHistory) {
		return new CustomerView(c.customerId(), c.name(), c.type(), c.department(), c.tier(), c.annualVolume(),
				c.defaultCount(), blacklistedUntil, c.confidential(),
				masked ? ContactMasking.phone(c.contactPhone()) : c.contactPhone(),
				masked ? ContactMasking.address(c.address()) : c.address(),
				masked ? ContactMasking.email(c.email()) : c.email(), masked, tierHistory);
	}

}
