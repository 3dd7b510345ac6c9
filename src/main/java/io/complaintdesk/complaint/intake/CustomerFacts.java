package io.complaintdesk.complaint.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.complaintdesk.complaint.ComplaintDeskProperties;
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

	private final JdbcTemplate jdbc;

	private final ComplaintDeskProperties properties;

	CustomerFacts(CustomerDirectory customers, JdbcTemplate jdbc, ComplaintDeskProperties properties) {
		this.customers = customers;
		this.jdbc = jdbc;
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
	boolean isRepeat(ComplaintRequest request, Instant receivedAt) {
		Timestamp since = Timestamp.from(receivedAt.minus(this.properties.repeatWindow()));
		if (request.relatedCaseNumber() != null) {
			Integer related = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM complaint WHERE case_number = ? AND received_at >= ?"
							+ " AND (? IS NULL OR customer_id = ?)",
					Integer.class, request.relatedCaseNumber(), since, request.customerId(), request.customerId());
			if (related != null && related > 0) {
				return true;
			}
		}
		if (request.customerId() == null || request.productCode() == null) {
			return false;
		}
		Integer sameProduct = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM complaint WHERE customer_id = ? AND product_code = ? AND received_at >= ?",
				Integer.class, request.customerId(), request.productCode(), since);
		return sameProduct != null && sameProduct > 0;
	}

}
