package io.complaintdesk.complaint.intake;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.complaintdesk.complaint.ComplaintDeskProperties;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.NewComplaint;
import io.complaintdesk.customer.Customer;
import io.complaintdesk.customer.CustomerDirectory;

/**
 * What the customer master and the registry say about the complainant at intake (POLICY §3, §8):
 * the client tier (it feeds complaint-level and the task priority), whether the customer is
 * blacklisted, and whether this is a repeat complaint about the same matter.
 */
@Service
class CustomerFacts {

	private final CustomerDirectory customers;

	private final ComplaintRegistry registry;

	private final ComplaintDeskProperties properties;

	CustomerFacts(CustomerDirectory customers, ComplaintRegistry registry, ComplaintDeskProperties properties) {
		this.customers = customers;
		this.registry = registry;
		this.properties = properties;
	}

	/** The customer of the complaint, if the id is in the master (walk-in consumers often are not). */
	Optional<Customer> customer(String customerId) {
		return (customerId == null) ? Optional.empty() : this.customers.find(customerId);
	}

	boolean isBlacklisted(String customerId) {
		return customerId != null && this.customers.isBlacklisted(customerId);
	}

	/**
	 * A second complaint about the same matter (二次投诉): an earlier complaint of the same customer
	 * within the configured window about the same product, or the earlier case it names.
	 */
	boolean isRepeat(NewComplaint complaint, Instant receivedAt) {
		Instant since = receivedAt.minus(this.properties.repeatWindow());
		if (complaint.relatedCaseNumber() != null
				&& this.registry.existsSince(complaint.relatedCaseNumber(), complaint.customerId(), since)) {
			return true;
		}
		return complaint.customerId() != null && complaint.productCode() != null
				&& this.registry.complainedAboutProductSince(complaint.customerId(), complaint.productCode(), since);
	}

}
