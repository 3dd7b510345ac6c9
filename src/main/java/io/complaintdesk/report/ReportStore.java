package io.complaintdesk.report;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Released reports (table {@code complaint_report}, POLICY §10): what the general manager and the
 * supervisors were sent, kept as JSON so that later changes in the registry do not alter it.
 * <p>
 * One release per period, and the first one stands: releasing a period again stores nothing and
 * returns the report released first, so that a report job that runs twice, or on two nodes at
 * once, releases once. A corrected report needs the stored row removed by an administrator first.
 * Like the penalty ledger, the insert runs under a savepoint of the caller's transaction (the
 * engine's, when a delegate releases), so losing the race to another node leaves that
 * transaction usable, on PostgreSQL too.
 */
@Repository
public class ReportStore {

	/** its own mapper: the stored format must not change with the web API's Jackson settings */
	private static final JsonMapper JSON = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate savepoint;

	private final Clock clock;

	ReportStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		// a savepoint inside the caller's transaction; a transaction of its own when there is none
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Releases the report of its period, unless that period was released before.
	 * @param releasedBy the user or process releasing it (at most 64 characters)
	 * @return the released report: this one, or the one released first
	 */
	public StoredReport release(ComplaintReport report, String releasedBy) {
		Objects.requireNonNull(report, "report");
		if (releasedBy == null || releasedBy.isBlank() || releasedBy.length() > 64) {
			throw new IllegalArgumentException("releasedBy must be 1 to 64 characters, was " + releasedBy);
		}
		ReportPeriod period = report.period();
		Optional<StoredReport> earlier = released(period);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Instant now = this.clock.instant();
		String content = write(report);
		try {
			this.savepoint.executeWithoutResult((status) -> this.jdbc.update("""
					INSERT INTO complaint_report (kind, period_label, released_at, released_by, content)
					VALUES (?, ?, ?, ?, ?)""", period.kind().name(), period.label(), Timestamp.from(now), releasedBy,
					content));
			return new StoredReport(report, now, releasedBy);
		}
		catch (DuplicateKeyException ex) {
			// another node released the period since the look: back to the savepoint, its release stands
			return released(period).orElseThrow(() -> ex);
		}
	}

	/** The released report of the period, if it was released. */
	public Optional<StoredReport> released(ReportPeriod period) {
		return this.jdbc.query("""
				SELECT released_at, released_by, content FROM complaint_report
				WHERE kind = ? AND period_label = ?""",
				(rs, row) -> new StoredReport(read(rs.getString("content")), rs.getTimestamp("released_at").toInstant(),
						rs.getString("released_by")),
				period.kind().name(), period.label())
			.stream()
			.findFirst();
	}

	private static String write(ComplaintReport report) {
		try {
			return JSON.writeValueAsString(report);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the report of " + report.period().label() + " as JSON", ex);
		}
	}

	private static ComplaintReport read(String content) {
		try {
			return JSON.readValue(content, ComplaintReport.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored report is not readable JSON", ex);
		}
	}

}
