package io.complaintdesk.penalty;

import io.complaintdesk.engine.EngineConfiguration;
import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintdesk.complaint.Category;
import io.complaintdesk.complaint.Channel;
import io.complaintdesk.complaint.ComplainantType;
import io.complaintdesk.complaint.ComplaintDeskProperties;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.RegistryRows;
import io.complaintdesk.complaint.Demand;
import io.complaintdesk.penalty.PenaltyLedger.AlreadyVoidedException;
import io.complaintdesk.penalty.PenaltyLedger.InvalidPenaltyException;
import io.complaintdesk.penalty.PenaltyLedger.PenaltyNotFoundException;

/**
 * The penalty ledger on its own database (Flyway's migrations, no engine): idempotent recording,
 * also against another node racing for the same occurrence, the desk's months, voiding, and a
 * supervisor's entries within the ranges of POLICY §7. Each test runs in a transaction that
 * rolls back, as a delegate's recording runs in the engine's; the concurrency tests commit.
 */
@JdbcTest
@ActiveProfiles("test")
@Import({ EngineConfiguration.class, PenaltyLedger.class, ComplaintRegistry.class })
@EnableConfigurationProperties({ PenaltyProperties.class, ComplaintDeskProperties.class })
class PenaltyLedgerTests {

	private static final String CASE = "CMP-20261130-0001";

	@Autowired
	PenaltyLedger ledger;

	@Autowired
	ComplaintRegistry registry;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void shouldRecordAnOccurrenceOnce() {
		assertThat(this.ledger.record(CASE, "agent1", PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint", "2 days"))
			.isTrue();
		assertThat(this.ledger.record(CASE, "agent1", PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint", "2 days"))
			.isFalse();

		assertThat(rows(CASE)).isEqualTo(1);
		PenaltyEntry entry = this.ledger.find(CASE, PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint").orElseThrow();
		assertThat(entry.person()).isEqualTo("agent1");
		assertThat(entry.amount()).isEqualByComparingTo("30");
		assertThat(entry.detail()).isEqualTo("2 days");
		assertThat(entry.recordedBy()).as("recorded by the process").isNull();
		assertThat(entry.isVoided()).isFalse();
	}

	@Test
	void shouldRecordEveryOccurrenceAndRule() {
		assertThat(this.ledger.record(CASE, "agents", PenaltyRule.MISSED_CALLBACK, "round-1", null)).isTrue();
		assertThat(this.ledger.record(CASE, "agents", PenaltyRule.MISSED_CALLBACK, "round-2", null)).isTrue();
		assertThat(this.ledger.record(CASE, "agents", PenaltyRule.LATE_FIRST_CONTACT, "round-1", null)).isTrue();
		assertThat(this.ledger.record("CMP-20261130-0002", "agents", PenaltyRule.MISSED_CALLBACK, "round-1", null))
			.isTrue();

		assertThat(rows(CASE)).isEqualTo(3);
		assertThat(this.ledger.find(CASE, PenaltyRule.MISSED_CALLBACK, "round-2").orElseThrow().amount())
			.isEqualByComparingTo("50");
	}

	@Test
	void shouldListTheEntriesOfTheDesksMonth() {
		// the desk's zone is Asia/Shanghai (UTC+8): its November ends at 16:00 UTC on the 30th
		recordAt("2026-10-31T23:59:59.999+08:00", "last-of-october");
		recordAt("2026-11-01T00:00:00+08:00", "first-of-november");
		recordAt("2026-11-30T23:59:59.999+08:00", "last-of-november");
		recordAt("2026-12-01T00:00:00+08:00", "first-of-december");

		assertThat(this.ledger.month(YearMonth.of(2026, 11))).extracting(PenaltyEntry::occurrenceKey)
			.containsExactly("first-of-november", "last-of-november");
		assertThat(this.ledger.month(YearMonth.of(2026, 12))).extracting(PenaltyEntry::occurrenceKey)
			.containsExactly("first-of-december");
		assertThat(this.ledger.month(YearMonth.of(2026, 10))).extracting(PenaltyEntry::occurrenceKey)
			.containsExactly("last-of-october");
		assertThat(this.ledger.month(YearMonth.of(2026, 11)).get(1).recordedAt())
			.isEqualTo(Instant.parse("2026-11-30T15:59:59.999Z"));
	}

	@Test
	void shouldVoidWithReasonAndKeepTheEntry() {
		recordAt("2026-11-10T09:00:00+08:00", "verifyComplaint");
		long id = this.ledger.find(CASE, PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint").orElseThrow().id();
		TestClock.setCurrentTime(Date.from(Instant.parse("2026-12-02T02:00:00Z")));

		this.ledger.voidEntry(id, "super1", "The customer asked to be called after the weekend");

		PenaltyEntry entry = this.ledger.find(id).orElseThrow();
		assertThat(entry.isVoided()).isTrue();
		assertThat(entry.voidedBy()).isEqualTo("super1");
		assertThat(entry.voidReason()).isEqualTo("The customer asked to be called after the weekend");
		assertThat(entry.voidedAt()).isEqualTo(Instant.parse("2026-12-02T02:00:00Z"));
		assertThat(this.ledger.month(YearMonth.of(2026, 11))).containsExactly(entry);
	}

	@Test
	void shouldRefuseToVoidWithoutReason() {
		this.ledger.record(CASE, "agent1", PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint", null);
		long id = this.ledger.find(CASE, PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint").orElseThrow().id();

		for (String reason : new String[] { null, "", "   ", "x".repeat(1001) }) {
			assertThatThrownBy(() -> this.ledger.voidEntry(id, "super1", reason))
				.isInstanceOfSatisfying(InvalidPenaltyException.class, (ex) -> assertThat(ex.field()).isEqualTo("reason"));
		}
		assertThat(this.ledger.find(id).orElseThrow().isVoided()).isFalse();
		this.ledger.voidEntry(id, "super1", "x".repeat(1000));
		assertThat(this.ledger.find(id).orElseThrow().isVoided()).isTrue();
	}

	@Test
	void shouldVoidOnceOnly() {
		this.ledger.record(CASE, "agent1", PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint", null);
		long id = this.ledger.find(CASE, PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint").orElseThrow().id();
		this.ledger.voidEntry(id, "super1", "Recorded against the wrong agent");

		assertThatThrownBy(() -> this.ledger.voidEntry(id, "director1", "Another reason"))
			.isInstanceOf(AlreadyVoidedException.class)
			.hasMessageContaining("already voided by super1");
		assertThat(this.ledger.find(id).orElseThrow().voidReason()).isEqualTo("Recorded against the wrong agent");
		assertThatThrownBy(() -> this.ledger.voidEntry(-1, "super1", "No such entry"))
			.isInstanceOf(PenaltyNotFoundException.class);
	}

	@Test
	void shouldRecordSupervisorsEntryWithinThePolicyRange() {
		register(CASE);

		assertThat(this.ledger.record(CASE, "agent2", PenaltyRule.RULE_BREACH, "promised a refund", "no approval",
				new BigDecimal("100"), "super1"))
			.isTrue();
		assertThat(this.ledger.record(CASE, "agent2", PenaltyRule.FALSIFIED_CALLBACK, "round-1", "never called",
				new BigDecimal("50.00"), "super1"))
			.isTrue();
		PenaltyEntry entry = this.ledger.find(CASE, PenaltyRule.RULE_BREACH, "promised a refund").orElseThrow();
		assertThat(entry.amount()).isEqualByComparingTo("100");
		assertThat(entry.recordedBy()).isEqualTo("super1");

		assertRefused("amount", PenaltyRule.RULE_BREACH, "29.99", CASE);
		assertRefused("amount", PenaltyRule.RULE_BREACH, "100.01", CASE);
		assertRefused("amount", PenaltyRule.FALSIFIED_CALLBACK, "49", CASE);
		assertRefused("amount", PenaltyRule.RULE_BREACH, "30.001", CASE);
		assertRefused("rule", PenaltyRule.LATE_FIRST_CONTACT, "30", CASE);
		assertRefused("caseNumber", PenaltyRule.RULE_BREACH, "30", "CMP-19990101-0001");
		assertThat(rows(CASE)).isEqualTo(2);
	}

	@Test
	void shouldRefuseWhatTheTableCannotHoldBeforeWritingAnything() {
		assertThatThrownBy(() -> this.ledger.record(CASE, "x".repeat(65), PenaltyRule.LATE_FIRST_CONTACT, "k", null))
			.isInstanceOfSatisfying(InvalidPenaltyException.class, (ex) -> assertThat(ex.field()).isEqualTo("person"));
		assertThatThrownBy(() -> this.ledger.record(CASE, "agent1", PenaltyRule.LATE_FIRST_CONTACT, " ", null))
			.isInstanceOfSatisfying(InvalidPenaltyException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("occurrenceKey"));
		assertThatThrownBy(
				() -> this.ledger.record(CASE, "agent1", PenaltyRule.LATE_FIRST_CONTACT, "k", "x".repeat(1001)))
			.isInstanceOfSatisfying(InvalidPenaltyException.class, (ex) -> assertThat(ex.field()).isEqualTo("detail"));
		assertThat(rows(CASE)).isZero();
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void shouldRecordOnceWhenEightNodesRecordTheSameOccurrence() throws Exception {
		String caseNumber = "CMP-20261130-0008";
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				String node = "node " + i;
				results.add(pool.submit(() -> {
					start.await();
					return inTransaction(() -> {
						boolean recorded = this.ledger.record(caseNumber, "agents", PenaltyRule.MISSED_CALLBACK,
								"round-1", node);
						// the engine's transaction goes on: it is held a while, used again and committed
						Thread.sleep(200);
						assertThat(rows(caseNumber)).isEqualTo(1);
						return recorded;
					});
				}));
			}
			start.countDown();
			List<Boolean> recorded = new ArrayList<>();
			for (Future<Boolean> result : results) {
				recorded.add(result.get(60, TimeUnit.SECONDS)); // throws if a thread's transaction failed
			}
			assertThat(recorded).containsOnlyOnce(true).hasSize(threads);
			assertThat(rows(caseNumber)).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
			this.jdbc.update("DELETE FROM penalty_entry WHERE case_number = ?", caseNumber);
		}
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void shouldGiveWayToAnotherNodeThatRecordedSinceTheLook() throws Exception {
		String caseNumber = "CMP-20261130-0009";
		ExecutorService otherNode = Executors.newSingleThreadExecutor();
		CountDownLatch otherInserted = new CountDownLatch(1);
		try {
			// the other node has inserted but not committed: this node's look finds nothing
			Future<Boolean> other = otherNode.submit(() -> inTransaction(() -> {
				boolean recorded = this.ledger.record(caseNumber, "agents", PenaltyRule.MISSED_CALLBACK, "round-1",
						"other node");
				otherInserted.countDown();
				// hold the uncommitted row while this node runs into it (a race, not a timer: no clock to move)
				Thread.sleep(500);
				return recorded;
			}));
			assertThat(otherInserted.await(30, TimeUnit.SECONDS)).isTrue();

			boolean recorded = inTransaction(() -> {
				boolean result = this.ledger.record(caseNumber, "agents", PenaltyRule.MISSED_CALLBACK, "round-1",
						"this node");
				// the insert waited for the other node and was refused; the transaction goes on
				this.ledger.record(caseNumber, "agents", PenaltyRule.MISSED_CALLBACK, "round-2", "this node");
				return result;
			});

			assertThat(other.get(30, TimeUnit.SECONDS)).isTrue();
			assertThat(recorded).isFalse();
			assertThat(this.ledger.find(caseNumber, PenaltyRule.MISSED_CALLBACK, "round-1").orElseThrow().detail())
				.isEqualTo("other node");
			assertThat(this.ledger.find(caseNumber, PenaltyRule.MISSED_CALLBACK, "round-2")).isPresent();
		}
		finally {
			otherNode.shutdownNow();
			this.jdbc.update("DELETE FROM penalty_entry WHERE case_number = ?", caseNumber);
		}
	}

	private void recordAt(String time, String occurrenceKey) {
		TestClock.setCurrentTime(Date.from(OffsetDateTime.parse(time).toInstant()));
		assertThat(this.ledger.record(CASE, "agent1", PenaltyRule.LATE_FIRST_CONTACT, occurrenceKey, null)).isTrue();
	}

	private void assertRefused(String field, PenaltyRule rule, String amount, String caseNumber) {
		assertThatThrownBy(() -> this.ledger.record(caseNumber, "agent2", rule, "refused " + amount, "detail",
				new BigDecimal(amount), "super1"))
			.isInstanceOfSatisfying(InvalidPenaltyException.class, (ex) -> assertThat(ex.field()).isEqualTo(field));
	}

	private int rows(String caseNumber) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM penalty_entry WHERE case_number = ?", Integer.class,
				caseNumber);
	}

	private void register(String caseNumber) {
		this.registry.register(RegistryRows.row(caseNumber, "process-" + caseNumber, Instant.now(), "agent1",
				Channel.PHONE, ComplainantType.CONSUMER, Category.DELIVERY, null, "Li Wei", "13900000000",
				"Parcel arrived late", Demand.APOLOGY, null, null, null, null, null, 1, false));
	}

	private <T> T inTransaction(TransactionalWork<T> work) {
		return new TransactionTemplate(this.transactionManager).execute((status) -> {
			try {
				return work.run();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		});
	}

	@FunctionalInterface
	interface TransactionalWork<T> {

		T run() throws InterruptedException;

	}

}
