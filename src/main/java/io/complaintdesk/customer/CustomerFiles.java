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

	CustomerFiles(CustomerDirectory directory, CustomerAccessLog accessLog, CustomerCases caseHandlers,
			PlatformTransactionManager transactionManager) {
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

	/** Admits the customer; the answer shows what was stored, in full (only supervisors and above admit). */
	CustomerView admit(NewCustomer customer) {
		return this.transaction.execute((status) -> {
			this.directory.create(customer);
			Customer created = this.directory.find(customer.customerId()).orElseThrow();
			return CustomerView.of(created, null, false, this.directory.history(customer.customerId()));
		});
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
