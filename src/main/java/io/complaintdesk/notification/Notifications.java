package io.complaintdesk.notification;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintdesk.notification.Notification.Status;

/**
 * The notification outbox (table {@code notification_outbox}). {@link #notifyGroup} and
 * {@link #notifyUser} write a row in the caller's transaction, the engine's when called from a
 * delegate: the notification exists exactly when the process step commits, and mailing it is
 * {@link OutboxSender}'s job, so a mail server that is down never rolls back a case.
 * <p>
 * Idempotent by dedup key: a second call with the same key does nothing. The key is looked up
 * first; when two transactions race past that check, the unique index lets one insert win and
 * the other fails. That insert runs behind a savepoint, so the loser rolls back to it and its
 * transaction goes on: PostgreSQL would otherwise abort the whole process step. (Not
 * {@code ON CONFLICT DO NOTHING}: H2 knows it only in PostgreSQL mode. Not a transaction of its
 * own: the row must roll back with the step.)
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	static final int MAX_KEY = 200;

	static final int MAX_SUBJECT = 300;

	static final int MAX_TEXT = 4000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate savepoint;

	private final Clock clock;

	Notifications(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactionManager);
		// a savepoint in the caller's transaction; a transaction of its own when there is none
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Mails the members of a Camunda group who have an e-mail address.
	 * @param dedupKey the notification's identity, e.g. {@code CMP-20261122-0007:major-warning}
	 * @param caseNumber the case it is about, or {@code null}
	 */
	public void notifyGroup(String dedupKey, String caseNumber, String group, String subject, String body) {
		enqueue(dedupKey, caseNumber, required(group, "group"), null, null, subject, body);
	}

	/**
	 * Mails the members of a Camunda group who have an e-mail address, except one (POLICY §1: the
	 * employee a case is about does not get mail about it).
	 * @param excludedUser the member who must not get it, or {@code null}
	 */
	public void notifyGroupExcept(String dedupKey, String caseNumber, String group, String excludedUser,
			String subject, String body) {
		enqueue(dedupKey, caseNumber, required(group, "group"), null, excludedUser, subject, body);
	}

	/**
	 * Mails one Camunda user at their e-mail address.
	 * @param dedupKey the notification's identity, e.g. {@code CMP-20261122-0007:overdue:agent1}
	 * @param caseNumber the case it is about, or {@code null}
	 */
	public void notifyUser(String dedupKey, String caseNumber, String userId, String subject, String body) {
		enqueue(dedupKey, caseNumber, null, required(userId, "userId"), null, subject, body);
	}

	/** The notifications of a case, oldest first. */
	public List<Notification> find(String caseNumber) {
		return this.jdbc.query("SELECT * FROM notification_outbox WHERE case_number = ? ORDER BY created_at, id",
				Notifications::notification, caseNumber);
	}

	/** The latest notifications, newest first. */
	public List<Notification> recent(int limit) {
		return this.jdbc.query("SELECT * FROM notification_outbox ORDER BY created_at DESC, id DESC LIMIT ?",
				Notifications::notification, limit);
	}

	Optional<Notification> byId(long id) {
		return this.jdbc.query("SELECT * FROM notification_outbox WHERE id = ?", Notifications::notification, id)
			.stream()
			.findFirst();
	}

	private void enqueue(String dedupKey, String caseNumber, String group, String user, String excludedUser,
			String subject, String body) {
		if (required(dedupKey, "dedupKey").length() > MAX_KEY) {
			throw new IllegalArgumentException("A dedup key has at most " + MAX_KEY + " characters: " + dedupKey);
		}
		String text = fit(required(body, "body"), MAX_TEXT, dedupKey);
		String title = fit(required(subject, "subject"), MAX_SUBJECT, dedupKey);
		if (exists(dedupKey)) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		try {
			this.savepoint.executeWithoutResult((status) -> this.jdbc.update("""
					INSERT INTO notification_outbox (dedup_key, case_number, recipient_group, recipient_user,
					    excluded_user, subject, body, created_at, status, attempts)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", dedupKey, caseNumber, group, user, excludedUser, title,
					text, now,
					Status.PENDING.name()));
		}
		catch (DuplicateKeyException ex) {
			// a concurrent transaction wrote the same key and committed; rolled back to the savepoint
			log.debug("Notification {} was written concurrently; kept the other one", dedupKey);
		}
	}

	/** The ids of PENDING rows nobody holds a claim on, oldest first. */
	List<Long> due(Instant now, int limit) {
		return this.jdbc.queryForList("""
				SELECT id FROM notification_outbox
				WHERE status = ? AND (claimed_until IS NULL OR claimed_until < ?)
				ORDER BY created_at, id LIMIT ?""", Long.class, Status.PENDING.name(), Timestamp.from(now), limit);
	}

	/** Claims a row for a node until then; its own statement, so other nodes see the claim at once. */
	boolean claim(long id, String node, Instant now, Instant until) {
		return this.jdbc.update("""
				UPDATE notification_outbox SET claimed_by = ?, claimed_until = ?
				WHERE id = ? AND status = ? AND (claimed_until IS NULL OR claimed_until < ?)""", node,
				Timestamp.from(until), id, Status.PENDING.name(), Timestamp.from(now)) == 1;
	}

	/** @return whether the node still held the claim */
	boolean markSent(long id, String node, List<String> addresses, Instant at) {
		return this.jdbc.update("""
				UPDATE notification_outbox SET status = ?, attempts = attempts + 1, recipient_addresses = ?,
				    sent_at = ?, last_error = NULL, claimed_until = NULL
				WHERE id = ? AND claimed_by = ? AND status = ?""", Status.SENT.name(),
				cut(String.join(",", addresses), MAX_TEXT), Timestamp.from(at), id, node,
				Status.PENDING.name()) == 1;
	}

	/** A failed attempt: PENDING again until the retry time, or FAILED when {@code retryAt} is null. */
	void markFailed(long id, String node, int attempts, String error, Instant retryAt) {
		this.jdbc.update("""
				UPDATE notification_outbox SET status = ?, attempts = ?, last_error = ?, claimed_until = ?
				WHERE id = ? AND claimed_by = ? AND status = ?""",
				((retryAt == null) ? Status.FAILED : Status.PENDING).name(), attempts, cut(error, MAX_TEXT),
				(retryAt != null) ? Timestamp.from(retryAt) : null, id, node, Status.PENDING.name());
	}

	/** Nobody to mail it to. */
	void markHeld(long id, String node, String reason) {
		this.jdbc.update("""
				UPDATE notification_outbox SET status = ?, last_error = ?, recipient_addresses = NULL,
				    claimed_until = NULL
				WHERE id = ? AND claimed_by = ? AND status = ?""", Status.HELD.name(), reason, id, node,
				Status.PENDING.name());
	}

	private boolean exists(String dedupKey) {
		Integer rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE dedup_key = ?",
				Integer.class, dedupKey);
		return rows != null && rows > 0;
	}

	private static String required(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("A notification needs a " + name);
		}
		return value;
	}

	// a too-long text is cut, not refused: a notification must never fail the process step
	private static String fit(String text, int max, String dedupKey) {
		if (text.length() > max) {
			log.warn("Notification {}: text of {} characters cut to {}", dedupKey, text.length(), max);
		}
		return cut(text, max);
	}

	static String cut(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private static Notification notification(ResultSet rs, int row) throws SQLException {
		String addresses = rs.getString("recipient_addresses");
		return new Notification(rs.getLong("id"), rs.getString("dedup_key"), rs.getString("case_number"),
				rs.getString("recipient_group"), rs.getString("recipient_user"), rs.getString("excluded_user"),
				(addresses != null && !addresses.isEmpty()) ? Arrays.asList(addresses.split(",")) : List.of(),
				rs.getString("subject"), rs.getString("body"), instant(rs, "created_at"),
				Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
				rs.getString("claimed_by"), instant(rs, "claimed_until"), instant(rs, "sent_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
