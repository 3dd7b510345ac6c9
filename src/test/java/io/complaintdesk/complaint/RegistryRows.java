package io.complaintdesk.complaint;

import java.time.Instant;

import io.complaintdesk.complaint.ComplaintRegistry.Registration;

/** Registry rows for tests that need cases without running the process (reports, ledger, outbox). */
public final class RegistryRows {

	private RegistryRows() {
	}

	public static Registration row(String caseNumber, String processInstanceId, Instant receivedAt,
			String registeredBy, Channel channel, ComplainantType complainantType, Category category,
			String customerId, String customerName, String contactPhone, String description, Demand demand,
			Double claimAmount, String productCode, String storeCode, String accusedEmployee,
			String relatedCaseNumber, int level, boolean major) {
		return new Registration(caseNumber, processInstanceId, receivedAt, registeredBy,
				new NewComplaint(customerId, customerName, contactPhone, channel, complainantType, category,
						description, demand, claimAmount, productCode, storeCode, accusedEmployee, relatedCaseNumber,
						new NewComplaint.Flags(false, false, false, false, false, false)),
				level, major);
	}

}
