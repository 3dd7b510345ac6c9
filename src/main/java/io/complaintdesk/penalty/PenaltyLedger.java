package io.complaintdesk.penalty;

import java.time.Clock;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;


/**
 * The penalty ledger (负激励, POLICY §7): table {@code penalty_entry}. Nothing is deducted from
 * anyone here; the ledger is what a supervisor reviews, month by month, and may void an entry of
 * with a reason.
 * <p>
 * Recording is idempotent per case, rule and occurrence, so a timer job that runs twice, or on
 * two nodes at once, records once. It runs in the caller's transaction (the engine's, when a
 * delegate calls it) and never leaves a failed statement in it, because PostgreSQL refuses every
 * further statement of a transaction after one failed: a look first skips what is already
 * recorded, and the insert runs under a savepoint, so that when another node recorded the same
 * occurrence between the look and the insert, the unique constraint rejects the row, the
 * savepoint is rolled back and the caller's transaction goes on. ({@code INSERT … WHERE NOT
 * EXISTS} would still race; {@code ON CONFLICT DO NOTHING} is PostgreSQL's alone.)
 * <p>
 * Times come from the desk's clock ({@link Clock}), which tests move; months are
 * the desk's, in its time zone.
 */
@Service
public class PenaltyLedger {

	static final int MAX_TEXT = 1000;

	private static final Text REQUIRED = Text.of("validation.required");

	private static final String COLUMNS = "id, case_number, person, rule, amount, occurrence_key, recorded_at, "
			+ "recorded_by, detail, voided_at, voided_by, void_reason";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate savepoint;

	private final PenaltyProperties properties;

	private final LedgerCases cases;

	private final ZoneId zone;

	private final Clock clock;

	PenaltyLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, PenaltyProperties properties,
			LedgerCases cases, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		// a savepoint inside the caller's transaction; a transaction of its own when there is none
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.properties = properties;
		this.cases = cases;
		this.zone = clock.getZone();
	}

	/**
	 * Records a breach found by a process, with the configured amount of its rule.
	 * @param person the user responsible, or the candidate group when no one had claimed the task
	 * @param occurrenceKey which breach on this case, the same every time it is found again
	 * (a task id, a round, a due date)
	 * @return {@code false}, recording nothing, when the occurrence is already in the ledger
	 */
	public boolean record(String caseNumber, String person, PenaltyRule rule, String occurrenceKey, String detail) {
		require(rule != null, "rule", REQUIRED);
		return insert(caseNumber, person, rule, occurrenceKey, detail, this.properties.amount(rule), null);
	}

	/**
	 * Records a supervisor's entry of a rule they judge ({@link PenaltyRule#manual()}: handling
	 * that breaks the rules, a falsified callback) with an amount in the policy's range.
	 * @param recordedBy the supervisor
	 * @return {@code false}, recording nothing, when the occurrence is already in the ledger
	 * @throws InvalidPenaltyException for a rule recorded by the processes, an amount out of range
	 * or a case not in the registry
	 */
	public boolean record(String caseNumber, String person, PenaltyRule rule, String occurrenceKey, String detail,
			BigDecimal amount, String recordedBy) {
		require(rule != null, "rule", REQUIRED);
		require(rule.manual(), "rule", Text.of("penalty.invalid.notManual", rule));
		require(amount != null, "amount", REQUIRED);
		require(rule.allows(amount), "amount", Text.of("penalty.invalid.range", rule.range(), rule));
		require(hasText(recordedBy), "recordedBy", REQUIRED);
		require(hasText(caseNumber) && this.cases.exists(caseNumber), "caseNumber",
				Text.of("penalty.invalid.noSuchCase"));
		return insert(caseNumber, person, rule, occurrenceKey, detail, amount, recordedBy);
	}

	/** Entries recorded in the period by rule, voided ones left out: every rule, 0 where none. */
	public Map<String, Long> countByRule(Instant from, Instant to) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (PenaltyRule rule : PenaltyRule.values()) {
			counts.put(rule.name(), 0L);
		}
		this.jdbc.query("""
				SELECT rule, COUNT(*) FROM penalty_entry
				WHERE recorded_at >= ? AND recorded_at < ? AND voided_at IS NULL GROUP BY rule""", (rs) -> {
			counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
		}, Timestamp.from(from), Timestamp.from(to));
		return counts;
	}

	/** How many entries were recorded in the period and their sum, voided ones left out. */
	public Totals totals(Instant from, Instant to) {
		return this.jdbc.queryForObject("""
				SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM penalty_entry
				WHERE recorded_at >= ? AND recorded_at < ? AND voided_at IS NULL""",
				(rs, row) -> new Totals(rs.getLong(1), rs.getBigDecimal(2)), Timestamp.from(from), Timestamp.from(to));
	}

	public record Totals(long count, BigDecimal amount) {
	}

	/** The entries recorded in a month of the desk's time zone, voided ones included, oldest first. */
	public List<PenaltyEntry> month(YearMonth month) {
		Instant from = month.atDay(1).atStartOfDay(this.zone).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(this.zone).toInstant();
		return this.jdbc.query("SELECT " + COLUMNS + " FROM penalty_entry WHERE recorded_at >= ? AND recorded_at < ? "
				+ "ORDER BY recorded_at, id", this::entry, Timestamp.from(from), Timestamp.from(to));
	}

	public Optional<PenaltyEntry> find(long id) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM penalty_entry WHERE id = ?", this::entry, id)
			.stream()
			.findFirst();
	}

	public Optional<PenaltyEntry> find(String caseNumber, PenaltyRule rule, String occurrenceKey) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM penalty_entry WHERE case_number = ? AND rule = ? AND occurrence_key = ?",
					this::entry, caseNumber, rule.name(), occurrenceKey)
			.stream()
			.findFirst();
	}

	/**
	 * Voids an entry: it stays in the ledger with who voided it, when and why, and no longer
	 * counts. Once only: the first void's reason stands.
	 * @throws InvalidPenaltyException without a reason or with one over 1000 characters
	 * @throws PenaltyNotFoundException when there is no such entry
	 * @throws AlreadyVoidedException when the entry was voided before
	 */
	public void voidEntry(long id, String by, String reason) {
		require(hasText(reason), "reason", REQUIRED);
		require(reason.length() <= MAX_TEXT, "reason", atMost(MAX_TEXT));
		require(hasText(by), "by", REQUIRED);
		// the condition on voided_at makes two supervisors voiding at once void once
		int voided = this.jdbc.update(
				"UPDATE penalty_entry SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL",
				Timestamp.from(this.clock.instant()), by, reason, id);
		if (voided == 0) {
			PenaltyEntry entry = find(id).orElseThrow(() -> new PenaltyNotFoundException(id));
			throw new AlreadyVoidedException(entry, this.zone);
		}
	}

	private boolean insert(String caseNumber, String person, PenaltyRule rule, String occurrenceKey, String detail,
			BigDecimal amount, String recordedBy) {
		// every check before the insert: a failed statement would abort the caller's transaction
		requireText(caseNumber, "caseNumber", 32);
		requireText(person, "person", 64);
		requireText(occurrenceKey, "occurrenceKey", 100);
		require(detail == null || detail.length() <= MAX_TEXT, "detail", atMost(MAX_TEXT));
		require(recordedBy == null || recordedBy.length() <= 64, "recordedBy", atMost(64));
		require(amount.stripTrailingZeros().scale() <= 2 && amount.compareTo(new BigDecimal("99999999.99")) <= 0,
				"amount", Text.of("penalty.invalid.digits"));
		if (find(caseNumber, rule, occurrenceKey).isPresent()) {
			return false;
		}
		try {
			this.savepoint.executeWithoutResult((status) -> this.jdbc.update("""
					INSERT INTO penalty_entry (case_number, person, rule, amount, occurrence_key, recorded_at,
					    recorded_by, detail)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", caseNumber, person, rule.name(), amount, occurrenceKey,
					Timestamp.from(this.clock.instant()), recordedBy, detail));
			return true;
		}
		catch (DuplicateKeyException ex) {
			// another node recorded the same occurrence since the look: back to the savepoint, the caller goes on
			return false;
		}
	}

	private static void requireText(String value, String field, int maxLength) {
		require(hasText(value), field, REQUIRED);
		require(value.length() <= maxLength, field, atMost(maxLength));
	}

	private static Text atMost(int characters) {
		return Text.of("penalty.invalid.tooLong", characters);
	}

	private static void require(boolean condition, String field, Text problem) {
		if (!condition) {
			throw new InvalidPenaltyException(field, problem);
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	private PenaltyEntry entry(ResultSet rs, int row) throws SQLException {
		return new PenaltyEntry(rs.getLong("id"), rs.getString("case_number"), rs.getString("person"),
				PenaltyRule.valueOf(rs.getString("rule")), rs.getBigDecimal("amount"), rs.getString("occurrence_key"),
				instant(rs, "recorded_at"), rs.getString("recorded_by"), rs.getString("detail"),
				instant(rs, "voided_at"), rs.getString("voided_by"), rs.getString("void_reason"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/** A penalty the ledger refuses, naming the field at fault. */
	public static class InvalidPenaltyException extends IllegalArgumentException {

		private final String field;

		private final transient Text problem;

		InvalidPenaltyException(String field, Text problem) {
			super(field + " " + problem);
			this.field = field;
			this.problem = problem;
		}

		public String field() {
			return this.field;
		}

		/** What is wrong with the field, without its name. */
		public Text problem() {
			return this.problem;
		}

	}

	public static class PenaltyNotFoundException extends RuntimeException {

		private final long id;

		PenaltyNotFoundException(long id) {
			super("No penalty entry " + id);
			this.id = id;
		}

		/** What the caller reads. */
		public Text text() {
			return Text.of("api.penalty.notFound", this.id);
		}

	}

	public static class AlreadyVoidedException extends IllegalStateException {

		private final transient PenaltyEntry entry;

		private final transient Text text;

		AlreadyVoidedException(PenaltyEntry entry, ZoneId zone) {
			super("Penalty entry " + entry.id() + " was already voided by " + entry.voidedBy() + " at "
					+ entry.voidedAt());
			this.entry = entry;
			this.text = Text.of("api.penalty.alreadyVoided", entry.id(), entry.voidedBy(),
					Messages.dateTime(entry.voidedAt(), zone));
		}

		public PenaltyEntry entry() {
			return this.entry;
		}

		/** What the caller reads. */
		public Text text() {
			return this.text;
		}

	}

}
