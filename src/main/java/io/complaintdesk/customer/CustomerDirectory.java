package io.complaintdesk.customer;

import java.time.Clock;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.complaintdesk.customer.blacklist.BlacklistRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;

/**
 * The customer master (POLICY §8): tables {@code customer} and {@code customer_tier_history}, and
 * what {@code customer_blacklist} says about a customer today. Writes run in the caller's
 * transaction (the engine's, when a delegate calls them); {@link #create} opens one of its own
 * when there is none, so a customer never exists without its first tier.
 * <p>
 * "Now" is the desk's clock ({@link java.time.Clock}), which tests move.
 */
@Repository
public class CustomerDirectory {

	/** The reason recorded with the tier a customer is admitted with: 客户准入 (read in the tier history). */
	public static final String ADMITTED = Messages.chinese(Text.of("customer.admitted"));



	private final JdbcTemplate jdbc;

	private final BlacklistRegistry blacklist;

	private final TransactionTemplate transaction;

	private final Clock clock;

	CustomerDirectory(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, BlacklistRegistry blacklist,
			Clock clock) {
		this.blacklist = blacklist;
		this.clock = clock;
		this.jdbc = jdbc;
		// joins the caller's transaction, or runs in one of its own
		this.transaction = new TransactionTemplate(transactionManager);
	}

	public Optional<Customer> find(String id) {
		return this.jdbc.query("SELECT * FROM customer WHERE customer_id = ?", CustomerDirectory::customer, id)
			.stream()
			.findFirst();
	}

	/** Every customer, by id. */
	public List<Customer> all() {
		return this.jdbc.query("SELECT * FROM customer ORDER BY customer_id", CustomerDirectory::customer);
	}

	/**
	 * The customers of one sales department, highest annual volume first (ties by id): the order in
	 * which the tier quotas are filled (POLICY §8).
	 */
	public List<Customer> byDepartment(String department) {
		return this.jdbc.query(
				"SELECT * FROM customer WHERE department = ? ORDER BY annual_volume DESC, customer_id",
				CustomerDirectory::customer, department);
	}

	/** The departments that have customers, alphabetically. */
	public List<String> departments() {
		return this.jdbc.queryForList("SELECT DISTINCT department FROM customer ORDER BY department", String.class);
	}

	/**
	 * Customers of a department and a tier, by id.
	 * @param department {@code null} for every department
	 * @param tier {@code null} for every tier
	 */
	public List<Customer> search(String department, ClientTier tier) {
		StringBuilder sql = new StringBuilder("SELECT * FROM customer WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		if (department != null) {
			sql.append(" AND department = ?");
			args.add(department);
		}
		if (tier != null) {
			sql.append(" AND tier = ?");
			args.add(tier.name());
		}
		sql.append(" ORDER BY customer_id");
		return this.jdbc.query(sql.toString(), CustomerDirectory::customer, args.toArray());
	}

	/**
	 * Admits a customer (客户准入) with their first tier-history row (from none to the tier, reason
	 * {@link #ADMITTED}).
	 * @throws CustomerExistsException when the id is taken
	 * @throws BlacklistedIdException when the id is blacklisted or proposed for the blacklist:
	 * no new customer under a blacklisted id (POLICY §8)
	 */
	public void create(NewCustomer customer) {
		// checked before the transaction template: a refusal must not mark the caller's transaction rollback-only
		if (find(customer.customerId()).isPresent()) {
			throw new CustomerExistsException(customer.customerId());
		}
		if (isBarredFromAdmission(customer.customerId())) {
			throw new BlacklistedIdException(customer.customerId());
		}
		// the same id admitted at the same moment elsewhere: the primary key refuses it (DuplicateKeyException)
		this.transaction.executeWithoutResult((status) -> insert(customer, now()));
	}

	/** The customer and their first tier, without the admission checks: for history that already happened. */
	void insert(NewCustomer c, Instant at) {
		Objects.requireNonNull(c.type(), "type");
		ClientTier tier = (c.tier() != null) ? c.tier() : ClientTier.QUALIFIED;
		BigDecimal volume = (c.annualVolume() != null) ? c.annualVolume() : BigDecimal.ZERO;
		this.jdbc.update("""
				INSERT INTO customer (customer_id, name, customer_type, department, contact_phone, address, email,
				    annual_volume, default_count, tier, confidential, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", c.customerId(), c.name(), c.type().name(),
				c.department(), c.contactPhone(), c.address(), c.email(), volume, c.defaultCount(), tier.name(),
				c.confidential(), Timestamp.from(at), Timestamp.from(at));
		insertHistory(c.customerId(), null, tier, at, ADMITTED, c.admittedBy(), null);
	}

	/**
	 * Moves a customer to another tier and records from, to, when, why and who approved it, in the
	 * caller's transaction. Nothing is written when the customer already has that tier.
	 * @param reviewKey business key of the {@code client-tier-review} deciding it, or {@code null}
	 * @throws IllegalArgumentException when there is no such customer, or no reason is given
	 */
	public void changeTier(String id, ClientTier to, String reason, String approvedBy, String reviewKey) {
		changeTier(id, to, reason, approvedBy, reviewKey, now());
	}

	void changeTier(String id, ClientTier to, String reason, String approvedBy, String reviewKey, Instant at) {
		Objects.requireNonNull(to, "to");
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("A tier change of " + id + " needs a reason");
		}
		// locks the row: two reviews changing the same customer record a consistent from-tier
		ClientTier from = this.jdbc
			.query("SELECT tier FROM customer WHERE customer_id = ? FOR UPDATE",
					(rs, row) -> ClientTier.valueOf(rs.getString("tier")), id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No customer " + id + " in the master"));
		if (from == to) {
			return;
		}
		this.jdbc.update("UPDATE customer SET tier = ?, updated_at = ? WHERE customer_id = ?", to.name(),
				Timestamp.from(at), id);
		insertHistory(id, from, to, at, reason, approvedBy, reviewKey);
	}

	/** The customer, its row locked until the caller's transaction ends (a change reads what it changes). */
	public Optional<Customer> findForUpdate(String id) {
		return this.jdbc.query("SELECT * FROM customer WHERE customer_id = ? FOR UPDATE", CustomerDirectory::customer, id)
			.stream()
			.findFirst();
	}

	/**
	 * Changes a customer's contact details, department, volume and defaults (never the tier, POLICY §8)
	 * and records who changed what ({@code customer_change}), in the caller's transaction.
	 * @param changes what changed, as recorded: volumes and defaults with old and new value, contact
	 * details only as changed
	 */
	public void change(Customer c, String changedBy, String changes) {
		Instant at = now();
		this.jdbc.update("""
				UPDATE customer SET department = ?, contact_phone = ?, address = ?, email = ?, annual_volume = ?,
				    default_count = ?, updated_at = ?
				WHERE customer_id = ?""", c.department(), c.contactPhone(), c.address(), c.email(),
				(c.annualVolume() != null) ? c.annualVolume() : BigDecimal.ZERO, c.defaultCount(), Timestamp.from(at),
				c.customerId());
		this.jdbc.update("INSERT INTO customer_change (customer_id, changed_at, changed_by, changes) VALUES (?, ?, ?, ?)",
				c.customerId(), Timestamp.from(at), changedBy, changes);
	}

	/** Who changed what of a customer, oldest first. */
	public List<String> changes(String id) {
		return this.jdbc.queryForList(
				"SELECT changed_by || ': ' || changes FROM customer_change WHERE customer_id = ? ORDER BY changed_at, id",
				String.class, id);
	}

	/** Starts a new review period: every customer's default count back to 0 (POLICY §8). */
	public void resetDefaultCounts() {
		this.jdbc.update("UPDATE customer SET default_count = 0, updated_at = ? WHERE default_count <> 0",
				Timestamp.from(now()));
	}

	/** The tier changes of a customer, oldest first; the first is the tier they were admitted with. */
	public List<TierChange> history(String id) {
		return this.jdbc.query("SELECT * FROM customer_tier_history WHERE customer_id = ? ORDER BY changed_at, id",
				CustomerDirectory::tierChange, id);
	}

	/**
	 * Until when the customer is blacklisted: the end of their ACTIVE blacklist entry, when that is
	 * still in the future. Empty when they are not blacklisted (never, only proposed, or expired).
	 */
	public Optional<Instant> blacklistedUntil(String id) {
		return this.blacklist.blacklistedUntil(id);
	}

	/** No business with a blacklisted client (POLICY §8). */
	public boolean isBlacklisted(String id) {
		return blacklistedUntil(id).isPresent();
	}

	/** Every customer id blacklisted now, with {@link #blacklistedUntil} of each. */
	public Map<String, Instant> blacklisted() {
		return this.blacklist.blacklisted();
	}

	/**
	 * Whether a new customer is refused under this id: it is blacklisted, or a blacklist proposal
	 * awaits its decision.
	 */
	public boolean isBarredFromAdmission(String id) {
		return this.blacklist.findOpen(id).isPresent();
	}

	private void insertHistory(String id, ClientTier from, ClientTier to, Instant at, String reason,
			String approvedBy, String reviewKey) {
		this.jdbc.update("""
				INSERT INTO customer_tier_history (customer_id, from_tier, to_tier, changed_at, reason, approved_by,
				    review_key)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", id, (from != null) ? from.name() : null, to.name(), Timestamp.from(at),
				reason, approvedBy, reviewKey);
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static Customer customer(ResultSet rs, int row) throws SQLException {
		return new Customer(rs.getString("customer_id"), rs.getString("name"),
				CustomerType.valueOf(rs.getString("customer_type")), rs.getString("department"),
				rs.getString("contact_phone"), rs.getString("address"), rs.getString("email"),
				rs.getBigDecimal("annual_volume"), rs.getInt("default_count"), ClientTier.valueOf(rs.getString("tier")),
				rs.getBoolean("confidential"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static TierChange tierChange(ResultSet rs, int row) throws SQLException {
		String from = rs.getString("from_tier");
		return new TierChange(rs.getLong("id"), rs.getString("customer_id"),
				(from != null) ? ClientTier.valueOf(from) : null, ClientTier.valueOf(rs.getString("to_tier")),
				instant(rs, "changed_at"), rs.getString("reason"), rs.getString("approved_by"),
				rs.getString("review_key"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/** A customer with this id is already in the master. */
	public static class CustomerExistsException extends RuntimeException {

		private final String customerId;

		public CustomerExistsException(String customerId) {
			super("Customer " + customerId + " already exists");
			this.customerId = customerId;
		}

		public String customerId() {
			return this.customerId;
		}

	}

	/** The id is blacklisted, or proposed for the blacklist: no new customer under it. */
	public static class BlacklistedIdException extends RuntimeException {

		private final String customerId;

		public BlacklistedIdException(String customerId) {
			super("Customer id " + customerId + " is blacklisted or proposed for the blacklist");
			this.customerId = customerId;
		}

		public String customerId() {
			return this.customerId;
		}

	}

}
