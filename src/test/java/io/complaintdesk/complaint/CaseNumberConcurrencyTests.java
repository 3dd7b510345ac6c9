package io.complaintdesk.complaint;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintdesk.complaint.intake.ComplaintIntake;
import io.complaintdesk.complaint.intake.ComplaintIntake.RegisteredComplaint;
import io.complaintdesk.complaint.intake.ComplaintRequest;

/**
 * Case numbers {@code CMP-YYYYMMDD-NNNN} (POLICY §2) under concurrent registration: distinct, of
 * the desk's day, without gaps; and a registration that rolls back gives its number back.
 */
@SpringBootTest
@ActiveProfiles("test")
class CaseNumberConcurrencyTests {

	private static final int REGISTRATIONS = 50;

	private static final int THREADS = 8;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	CaseNumberGenerator caseNumbers;

	@Autowired
	java.time.Clock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	IdentityService identity;

	@BeforeEach
	void setUp() {
		TestClock.reset();
		this.identity.clearAuthentication();
	}

	@Test
	void shouldGiveConcurrentRegistrationsDistinctGaplessCaseNumbers() throws Exception {
		LocalDate today = LocalDate.now(this.clock);
		int lastBefore = lastValue(today);

		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<RegisteredComplaint>> futures = new ArrayList<>();
		try {
			for (int i = 0; i < REGISTRATIONS; i++) {
				ComplaintRequest request = complaint(i);
				Callable<RegisteredComplaint> registration = () -> {
					start.await();
					return this.intake.register(request.toNewComplaint());
				};
				futures.add(pool.submit(registration));
			}
			start.countDown();
			List<String> numbers = new ArrayList<>();
			for (Future<RegisteredComplaint> future : futures) {
				numbers.add(future.get(120, TimeUnit.SECONDS).caseNumber());
			}
			assertThat(LocalDate.now(this.clock)).as("the test ran within one desk day").isEqualTo(today);

			String prefix = "CMP-" + DateTimeFormatter.BASIC_ISO_DATE.format(today) + "-";
			assertThat(numbers).hasSize(REGISTRATIONS).doesNotHaveDuplicates().allMatch((n) -> n.startsWith(prefix),
					"starts with " + prefix);
			List<Integer> sequence = numbers.stream()
				.map((n) -> Integer.valueOf(n.substring(prefix.length())))
				.sorted()
				.toList();
			assertThat(sequence)
				.containsExactlyElementsOf(IntStream.rangeClosed(lastBefore + 1, lastBefore + REGISTRATIONS).boxed().toList());
			assertThat(lastValue(today)).isEqualTo(lastBefore + REGISTRATIONS);

			String placeholders = String.join(",", numbers.stream().map((n) -> "?").toList());
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE case_number IN (" + placeholders + ")",
					Integer.class, numbers.toArray()))
				.isEqualTo(REGISTRATIONS);
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void shouldGiveNumberBackWhenRegistrationRollsBack() {
		// a day of its own, far from the registrations of the other tests
		LocalDate day = LocalDate.of(2001, 2, 3);
		int lastBefore = lastValue(day);
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);

		String rolledBack = transaction.execute((status) -> {
			String number = this.caseNumbers.next(day);
			status.setRollbackOnly();
			return number;
		});
		assertThat(rolledBack).isEqualTo(String.format("CMP-20010203-%04d", lastBefore + 1));
		assertThat(lastValue(day)).isEqualTo(lastBefore);

		String next = transaction.execute((status) -> this.caseNumbers.next(day));
		assertThat(next).isEqualTo(rolledBack);
		assertThat(lastValue(day)).isEqualTo(lastBefore + 1);

		String after = transaction.execute((status) -> this.caseNumbers.next(day));
		assertThat(after).isEqualTo(String.format("CMP-20010203-%04d", lastBefore + 2));
	}

	private int lastValue(LocalDate day) {
		List<Integer> values = this.jdbc.queryForList("SELECT last_value FROM case_number_sequence WHERE case_day = ?",
				Integer.class, Date.valueOf(day));
		return values.isEmpty() ? 0 : values.get(0);
	}

	private static ComplaintRequest complaint(int i) {
		return new ComplaintRequest("C-" + (2000 + i), "Customer " + i, "13900000" + String.format("%03d", i), "PHONE",
				"CONSUMER", "DELIVERY", "Parcel " + i + " arrived late", "APOLOGY", null, null, "SH-01", null, null,
				false, false, false, false, false, false);
	}

}
