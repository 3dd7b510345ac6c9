package io.complaintdesk.complaint;

import java.time.Clock;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out case numbers {@code CMP-YYYYMMDD-NNNN} from a per-day counter row (POLICY §2). The
 * counter is incremented in the caller's transaction: the row lock makes concurrent registrations
 * wait for each other, on every node of a cluster, and a registration that rolls back gives its
 * number back, so numbers never repeat and have no gaps.
 * <p>
 * The counter rows of the coming days are created ahead (at start and hourly), each in a short
 * transaction of its own, so a registration normally finds its day's row and never needs a
 * second connection; the first registration of a day without a row creates it as a fallback.
 */
@Service
public class CaseNumberGenerator {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate newTransaction;

	/** how many days ahead counter rows are prepared */
	static final int DAYS_AHEAD = 7;


	private final String prefix;

	private final ZoneId zone;

	private final Clock clock;

	CaseNumberGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			ComplaintDeskProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.newTransaction = new TransactionTemplate(transactionManager);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.prefix = properties.caseNumberPrefix();
		this.zone = clock.getZone();
		this.clock = clock;
	}

	/** Prepares the counter rows of today and the coming days; at start and every hour. */
	@EventListener(ApplicationStartedEvent.class)
	@Scheduled(cron = "0 0 * * * *")
	public void prepareComingDays() {
		LocalDate today = LocalDate.now(this.clock);
		for (int i = 0; i <= DAYS_AHEAD; i++) {
			Date day = Date.valueOf(today.plusDays(i));
			Integer rows = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM case_number_sequence WHERE case_day = ?", Integer.class, day);
			if (rows == null || rows == 0) {
				createCounter(day);
			}
		}
	}

	/** The next case number of the given day; call it inside the registering transaction. */
	public String next(LocalDate day) {
		Date sqlDay = Date.valueOf(day);
		if (increment(sqlDay) == 0) {
			createCounter(sqlDay);
			increment(sqlDay);
		}
		Integer sequence = this.jdbc.queryForObject("SELECT last_value FROM case_number_sequence WHERE case_day = ?",
				Integer.class, sqlDay);
		return format(day, sequence);
	}

	String format(LocalDate day, int sequence) {
		return String.format("%s-%s-%04d", this.prefix, DAY.format(day), sequence);
	}

	private int increment(Date day) {
		return this.jdbc.update("UPDATE case_number_sequence SET last_value = last_value + 1 WHERE case_day = ?", day);
	}

	// in its own transaction: a failed insert must not abort the caller's (PostgreSQL would)
	private void createCounter(Date day) {
		try {
			this.newTransaction.executeWithoutResult((status) -> this.jdbc
				.update("INSERT INTO case_number_sequence (case_day, last_value) VALUES (?, 0)", day));
		}
		catch (DuplicateKeyException ex) {
			// another registration created today's counter first; use it
		}
	}

}
