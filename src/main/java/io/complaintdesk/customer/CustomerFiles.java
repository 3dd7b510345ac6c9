package io.complaintdesk.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer records as a given reader may see them (POLICY §9): contact details in full only for
 * supervisors and above and for whoever handles a case of the customer, masked for everyone else;
 * every read of a confidential record logged in the same transaction as the read.
 */
@Service
class CustomerFiles {

	private final CustomerDirectory directory;

	private final CustomerAccessLog accessLog;

	private final CustomerCases caseHandlers;

	private final TransactionTemplate transaction;

	private final AdmissionTiers admissionTiers;

	CustomerFiles(CustomerDirectory directory, CustomerAccessLog accessLog, CustomerCases caseHandlers,
			AdmissionTiers admissionTiers, PlatformTransactionManager transactionManager) {
		this.admissionTiers = admissionTiers;
		this.directory = directory;
		this.accessLog = accessLog;
		this.caseHandlers = caseHandlers;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** The customers of a department and tier ({@code null}: any), by id, without tier history. */
	List<CustomerView> list(String department, ClientTier tier, Reader reader) {
		return this.transaction.execute((status) -> {
			Map<String, Instant> blacklisted = this.directory.blacklisted();
			return this.directory.search(department, tier)
				.stream()
				.map((c) -> view(c, blacklisted.get(c.customerId()), null, reader))
				.toList();
		});
	}

	/** A customer with their tier history. */
	Optional<CustomerView> read(String customerId, Reader reader) {
		return this.transaction.execute((status) -> this.directory.find(customerId)
			.map((c) -> view(c, this.directory.blacklistedUntil(customerId).orElse(null),
					this.directory.history(customerId), reader)));
	}

	/**
	 * Admits the customer with the tier the {@code client-tier} table and the department's quotas give
	 * (POLICY §8); the answer shows what was stored, in full (only supervisors and above admit).
	 */
	CustomerView admit(NewCustomer request) {
		return this.transaction.execute((status) -> {
			ClientTier tier = this.admissionTiers.atAdmission(request.department(), request.annualVolume(),
					request.defaultCount());
			NewCustomer customer = new NewCustomer(request.customerId(), request.name(), request.type(),
					request.department(), request.contactPhone(), request.address(), request.email(),
					request.annualVolume(), request.defaultCount(), tier, request.confidential(), request.admittedBy());
			this.directory.create(customer);
			Customer created = this.directory.find(customer.customerId()).orElseThrow();
			return CustomerView.of(created, null, false, this.directory.history(customer.customerId()));
		});
	}

	/**
	 * Changes contact details, department, volume or defaults of a customer and records the change
	 * (POLICY §8); the answer shows the customer as stored, in full (only supervisors and above change).
	 * The tier stays: the half-yearly review decides on the new figures.
	 */
	Optional<CustomerView> change(String customerId, CustomerChange change, Reader reader) {
		return this.transaction.execute((status) -> this.directory.findForUpdate(customerId).map((before) -> {
			Customer after = change.applyTo(before);
			this.directory.change(after, reader.user(), describe(before, after, change));
			Customer stored = this.directory.find(customerId).orElseThrow();
			return view(stored, this.directory.blacklistedUntil(customerId).orElse(null),
					this.directory.history(customerId), reader);
		}));
	}

	/** What changed, as recorded: figures with old and new value; contact details never in clear (POLICY §9). */
	private static String describe(Customer before, Customer after, CustomerChange change) {
		List<String> parts = new java.util.ArrayList<>();
		for (String field : change.given()) {
			switch (field) {
				case "department" -> parts.add("department: " + before.department() + " -> " + after.department());
				case "annualVolume" -> parts.add("annualVolume: " + plain(before.annualVolume()) + " -> "
						+ plain(after.annualVolume()));
				case "defaultCount" -> parts.add("defaultCount: " + before.defaultCount() + " -> " + after.defaultCount());
				default -> parts.add(field + ": changed");
			}
		}
		return String.join("; ", parts);
	}

	private static String plain(java.math.BigDecimal amount) {
		return (amount != null) ? amount.stripTrailingZeros().toPlainString() : "0";
	}

	private CustomerView view(Customer c, Instant blacklistedUntil, List<TierChange> history, Reader reader) {
		if (c.confidential()) {
			this.accessLog.record(c.customerId(), reader.user(), reader.endpoint());
		}
		boolean full = reader.seesAllContacts() || this.caseHandlers.handlesCaseOf(reader.user(), c.customerId());
		return CustomerView.of(c, blacklistedUntil, !full, history);
	}

	/**
	 * Who reads, and through what.
	 * @param seesAllContacts whether the reader sees every customer's contact details in full
	 * @param endpoint as logged, e.g. {@code GET /api/customers/C-0042}
	 */
	record Reader(String user, boolean seesAllContacts, String endpoint) {
	}

}
