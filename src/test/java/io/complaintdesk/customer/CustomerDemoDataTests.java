package io.complaintdesk.customer;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.complaintdesk.customer.DemoCustomers.DemoCustomer;

/**
 * The demo profile's customer master: a data set that gives every part of the customer master
 * something to show, loaded once.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class CustomerDemoDataTests {

	private static final BigDecimal VIP_FROM = new BigDecimal("1000000");

	private static final BigDecimal PREFERRED_FROM = new BigDecimal("300000");

	@Autowired
	CustomerDirectory directory;

	@Autowired
	DemoCustomers demo;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldHave36CustomersOfEveryTypeAndTierInThreeDepartments() {
		List<DemoCustomer> customers = DemoCustomers.read();

		assertThat(customers).extracting((c) -> c.customer().customerId())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 36).mapToObj((i) -> "C-%04d".formatted(i)).toList());
		assertThat(customers.stream().collect(Collectors.groupingBy((c) -> c.customer().department(),
				Collectors.counting())))
			.containsOnly(Map.entry("EAST", 12L), Map.entry("NORTH", 12L), Map.entry("SOUTH", 12L));
		assertThat(customers).extracting((c) -> c.customer().type()).containsAll(EnumSet.allOf(CustomerType.class));
		assertThat(customers).extracting(DemoCustomer::tier).containsAll(EnumSet.allOf(ClientTier.class));
		assertThat(customers).extracting((c) -> c.customer().annualVolume())
			.usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.contains(new BigDecimal("20000"), new BigDecimal("3000000"))
			.allMatch((v) -> v.compareTo(new BigDecimal("20000")) >= 0 && v.compareTo(new BigDecimal("3000000")) <= 0);
		assertThat(customers).anyMatch((c) -> c.customer().defaultCount() > 0 && c.tier() == ClientTier.VIP);
		assertThat(customers).filteredOn((c) -> c.customer().confidential())
			.extracting((c) -> c.customer().customerId())
			.containsExactly("C-0007");
	}

	@Test
	void shouldGiveTheTierReviewMoreCandidatesThanTheQuotasAllowInOneDepartment() {
		Map<String, List<DemoCustomer>> departments = DemoCustomers.read()
			.stream()
			.collect(Collectors.groupingBy((c) -> c.customer().department()));

		// POLICY §8: VIP at most 15 %, preferred at most 30 % of a department
		assertThat(departments).hasEntrySatisfying("EAST", (east) -> {
			assertThat(count(east, (c) -> qualifiesFor(c) == ClientTier.VIP)).isGreaterThan(east.size() * 15 / 100);
			assertThat(count(east, (c) -> qualifiesFor(c) == ClientTier.PREFERRED))
				.isGreaterThan(east.size() * 30 / 100);
		});
	}

	@Test
	void shouldLoadTheMasterWithHistoryBlacklistAndConfidentialRecord() {
		assertThat(IntStream.rangeClosed(1, 36).mapToObj((i) -> "C-%04d".formatted(i)))
			.allMatch((id) -> this.directory.find(id).isPresent());
		Customer customer = this.directory.find("C-0001").orElseThrow();
		assertThat(customer.name()).isEqualTo("上海锦程商贸有限公司");
		assertThat(customer.contactPhone()).isEqualTo("021-62781234");
		assertThat(this.directory.history("C-0001")).extracting(TierChange::toTier)
			.startsWith(ClientTier.QUALIFIED, ClientTier.VIP);
		assertThat(this.directory.history("C-0001").get(0).reason()).isEqualTo(CustomerDirectory.ADMITTED);
		assertThat(this.directory.history("C-0001").get(0).approvedBy()).isEqualTo("super1");
		assertThat(this.directory.find("C-0007").orElseThrow().confidential()).isTrue();

		// blacklisted two months ago for six months
		Instant until = this.directory.blacklistedUntil("C-0013").orElseThrow();
		Instant now = TestClock.now().toInstant();
		assertThat(until).isBetween(now.plus(Duration.ofDays(115)), now.plus(Duration.ofDays(126)));
		assertThat(this.directory.isBarredFromAdmission("C-0013")).isTrue();

		// loaded once: a second start leaves it alone
		int customers = count("SELECT COUNT(*) FROM customer");
		int history = count("SELECT COUNT(*) FROM customer_tier_history");
		this.demo.load();
		assertThat(count("SELECT COUNT(*) FROM customer")).isEqualTo(customers);
		assertThat(count("SELECT COUNT(*) FROM customer_tier_history")).isEqualTo(history);
		assertThat(count("SELECT COUNT(*) FROM customer_blacklist WHERE customer_id = 'C-0013'")).isEqualTo(1);
	}

	/** The tier by the default thresholds of the client-tier table, before quotas. */
	private static ClientTier qualifiesFor(DemoCustomer c) {
		BigDecimal volume = c.customer().annualVolume();
		if (c.customer().defaultCount() > 0) {
			return ClientTier.QUALIFIED;
		}
		if (volume.compareTo(VIP_FROM) >= 0) {
			return ClientTier.VIP;
		}
		return (volume.compareTo(PREFERRED_FROM) >= 0) ? ClientTier.PREFERRED : ClientTier.QUALIFIED;
	}

	private static long count(List<DemoCustomer> customers, Predicate<DemoCustomer> predicate) {
		return customers.stream().filter(predicate).count();
	}

	private int count(String sql) {
		return this.jdbc.queryForObject(sql, Integer.class);
	}

}
