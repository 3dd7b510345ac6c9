package io.complaintdesk.customer.blacklist;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The blacklist entries (table {@code customer_blacklist}, POLICY §8). Writes run in the caller's
 * transaction, which is the engine's when called from a delegate: a step of the process and its
 * row commit or roll back together. Each change of status names the status it expects, so a step
 * run twice or out of order fails instead of rewriting the entry. Whether a customer is blacklisted
 * today is {@code CustomerDirectory.isBlacklisted}, which asks here. "Now" is the desk's clock.
 */
@Repository
public class BlacklistRegistry {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	BlacklistRegistry(JdbcTemplate jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** The end of the customer's ACTIVE entry, when that is still in the future. */
	public Optional<Instant> blacklistedUntil(String customerId) {
		Timestamp until = this.jdbc.queryForObject("""
				SELECT MAX(blacklisted_until) FROM customer_blacklist
				WHERE customer_id = ? AND status = 'ACTIVE' AND blacklisted_until > ?""", Timestamp.class, customerId,
				Timestamp.from(this.clock.instant()));
		return Optional.ofNullable(until).map(Timestamp::toInstant);
	}

	/** Every customer blacklisted now, with the end of their entry, by customer id. */
	public Map<String, Instant> blacklisted() {
		Map<String, Instant> blacklisted = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT customer_id, MAX(blacklisted_until) AS until FROM customer_blacklist
				WHERE status = 'ACTIVE' AND blacklisted_until > ? GROUP BY customer_id ORDER BY customer_id""",
				(ResultSet rs) -> {
					blacklisted.put(rs.getString("customer_id"), rs.getTimestamp("until").toInstant());
				}, Timestamp.from(this.clock.instant()));
		return blacklisted;
	}

	/** Whether the customer has any entry, in any status. */
	public boolean hasEntries(String customerId) {
		Integer entries = this.jdbc.queryForObject("SELECT COUNT(*) FROM customer_blacklist WHERE customer_id = ?",
				Integer.class, customerId);
		return entries != null && entries > 0;
	}

	/** An entry already decided (demo data: a blacklisting that happened before the desk). */
	public void recordDecided(String customerId, String reason, String proposedBy, Instant proposedAt,
			String approvedBy, Instant from, Instant until) {
		this.jdbc.update("""
				INSERT INTO customer_blacklist (customer_id, status, reason, proposed_by, proposed_at, approved_by,
				    blacklisted_at, blacklisted_until)
				VALUES (?, 'ACTIVE', ?, ?, ?, ?, ?, ?)""", customerId, reason, proposedBy, Timestamp.from(proposedAt),
				approvedBy, Timestamp.from(from), Timestamp.from(until));
	}

	/**
	 * The customer's entry that is proposed, or active and not yet past its end, if any: the same
	 * entries for which {@code CustomerDirectory.isBarredFromAdmission} refuses a new customer. An
	 * active entry past its end (its expiry timer not yet run, or a row without a process) no
	 * longer counts.
	 */
	public Optional<BlacklistEntry> findOpen(String customerId) {
		return first("""
				SELECT * FROM customer_blacklist
				WHERE customer_id = ? AND (status = 'PROPOSED' OR (status = 'ACTIVE' AND blacklisted_until > ?))
				ORDER BY proposed_at DESC, id DESC""", customerId, Timestamp.from(this.clock.instant()));
	}

	public Optional<BlacklistEntry> find(long id) {
		return first("SELECT * FROM customer_blacklist WHERE id = ?", id);
	}

	/** Every entry of the customer, newest first. */
	public List<BlacklistEntry> history(String customerId) {
		return this.jdbc.query("SELECT * FROM customer_blacklist WHERE customer_id = ? ORDER BY proposed_at DESC, id DESC",
				BlacklistRegistry::entry, customerId);
	}

	long propose(String customerId, String reason, String proposedBy, Instant proposedAt, String processInstanceId) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var insert = connection.prepareStatement("""
					INSERT INTO customer_blacklist (customer_id, status, reason, proposed_by, proposed_at,
					    process_instance_id)
					VALUES (?, ?, ?, ?, ?, ?)""", new String[] { "id" });
			insert.setString(1, customerId);
			insert.setString(2, BlacklistStatus.PROPOSED.name());
			insert.setString(3, reason);
			insert.setString(4, proposedBy);
			insert.setTimestamp(5, Timestamp.from(proposedAt));
			insert.setString(6, processInstanceId);
			return insert;
		}, key);
		return key.getKeyAs(Number.class).longValue();
	}

	void activate(long id, String approvedBy, Instant at, Instant until) {
		change(id, BlacklistStatus.PROPOSED, """
				UPDATE customer_blacklist SET status = 'ACTIVE', approved_by = ?, blacklisted_at = ?,
				    blacklisted_until = ?
				WHERE id = ? AND status = 'PROPOSED'""", approvedBy, Timestamp.from(at), Timestamp.from(until), id);
	}

	void reject(long id, String decidedBy, Instant at) {
		change(id, BlacklistStatus.PROPOSED, """
				UPDATE customer_blacklist SET status = 'REJECTED', approved_by = ?, ended_at = ?
				WHERE id = ? AND status = 'PROPOSED'""", decidedBy, Timestamp.from(at), id);
	}

	void expire(long id, Instant at) {
		change(id, BlacklistStatus.ACTIVE,
				"UPDATE customer_blacklist SET status = 'EXPIRED', ended_at = ? WHERE id = ? AND status = 'ACTIVE'",
				Timestamp.from(at), id);
	}

	private void change(long id, BlacklistStatus expected, String sql, Object... args) {
		if (this.jdbc.update(sql, args) != 1) {
			throw new IllegalStateException("Blacklist entry " + id + " is not " + expected + " but "
					+ find(id).map((e) -> e.status().name()).orElse("missing"));
		}
	}

	private Optional<BlacklistEntry> first(String sql, Object... args) {
		return this.jdbc.query(sql, BlacklistRegistry::entry, args).stream().findFirst();
	}

	private static BlacklistEntry entry(ResultSet rs, int row) throws SQLException {
		return new BlacklistEntry(rs.getLong("id"), rs.getString("customer_id"),
				BlacklistStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("proposed_by"),
				instant(rs, "proposed_at"), rs.getString("approved_by"), instant(rs, "blacklisted_at"),
				instant(rs, "blacklisted_until"), instant(rs, "ended_at"), rs.getString("process_instance_id"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
