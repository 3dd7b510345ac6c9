package io.complaintdesk.complaint.intake;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.complaintdesk.base.Reader;
import io.complaintdesk.complaint.ComplainantType;
import io.complaintdesk.complaint.ComplaintDeskProperties;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.NewComplaint;
import io.complaintdesk.customer.Customer;
import io.complaintdesk.customer.CustomerDirectory;

/**
 * What the customer master and the registry say about the complainant at intake (POLICY §2, §3, §8):
 * the client tier (it feeds complaint-level and the task priority), the type of complainant,
 * whether the customer is blacklisted, and whether this is a repeat complaint about the same matter.
 */
@Service
class CustomerFacts {

	private final CustomerDirectory customers;

	private final ComplaintRegistry registry;

	private final ComplaintDeskProperties properties;

	private final SameMatter sameMatter;

	CustomerFacts(CustomerDirectory customers, ComplaintRegistry registry, ComplaintDeskProperties properties,
			SameMatter sameMatter) {
		this.customers = customers;
		this.registry = registry;
		this.properties = properties;
		this.sameMatter = sameMatter;
	}

	/** The customer of the complaint, if the id is in the master (walk-in consumers often are not). */
	Optional<Customer> customer(String customerId) {
		return (customerId == null) ? Optional.empty() : this.customers.find(customerId);
	}

	/**
	 * The complaint as the master knows its complainant: a customer in the master complains as the
	 * type the master records (distributor, institution, …), whatever was typed in (POLICY §2).
	 */
	static NewComplaint asTheMasterKnowsIt(NewComplaint complaint, Optional<Customer> customer) {
		return customer.map((c) -> complaint.withComplainantType(ComplainantType.valueOf(c.type().name())))
			.orElse(complaint);
	}

	boolean isBlacklisted(String customerId) {
		return customerId != null && this.customers.isBlacklisted(customerId);
	}

	/**
	 * A second complaint about the same matter (二次投诉, POLICY §2, §3): within the configured window,
	 * the closed case it names (of the same customer), or a closed case of the same customer about the
	 * same product; either readable by whoever registers (else the level would tell them of it). An
	 * open case is not: a further report of its matter is added to it instead.
	 * @param reader who registers, {@code null}: the desk itself
	 */
	boolean isRepeat(NewComplaint complaint, Instant receivedAt, Reader reader) {
		Instant since = receivedAt.minus(this.properties.repeatWindow());
		if (complaint.relatedCaseNumber() != null && this.registry
			.isClosedCaseOfCustomerSince(complaint.relatedCaseNumber(), complaint.customerId(),
					complaint.contactPhone(), since)
				&& this.registry.find(complaint.relatedCaseNumber())
					.filter((c) -> this.sameMatter.relates(complaint, c, reader))
					.isPresent()) {
			return true;
		}
		return complaint.customerId() != null && complaint.productCode() != null && this.registry
			.closedCasesAboutProductSince(complaint.customerId(), complaint.productCode(), since)
			.stream()
			.anyMatch((c) -> this.sameMatter.readable(c, reader));
	}

}
