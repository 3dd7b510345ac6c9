package io.complaintdesk.customer;

import java.time.Clock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import io.complaintdesk.customer.blacklist.BlacklistRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo profile's customer master: the 36 customers of {@code demo/customers.csv} with their
 * tier history, and an active blacklist entry for {@code C-0013}. Loaded once, in one
 * transaction; left alone when any of them exists. Never active outside the demo profile.
 */
@Component
@Profile("demo")
class DemoCustomers {

	static final String FILE = "demo/customers.csv";

	static final String BLACKLISTED = "C-0013";

	/** The demo supervisor, who approved the demo customers' tiers. */
	private static final String APPROVER = "super1";

	private static final String LAST_REVIEW = "半年评审: 年业务量达标, 本期无违约 (half-yearly review: volume reached, no default)";

	private final CustomerDirectory directory;

	private final BlacklistRegistry blacklist;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoCustomers(CustomerDirectory directory, BlacklistRegistry blacklist, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.clock = clock;
		this.directory = directory;
		this.blacklist = blacklist;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	@Order(3)
	@EventListener(ApplicationStartedEvent.class)
	void load() {
		List<DemoCustomer> customers = read();
		if (customers.stream().anyMatch((c) -> this.directory.find(c.customer().customerId()).isPresent())) {
			return;
		}
		ZonedDateTime now = this.clock.instant().atZone(ZoneOffset.UTC);
		this.transaction.executeWithoutResult((status) -> {
			for (DemoCustomer c : customers) {
				this.directory.insert(c.customer(), now.minusMonths(c.admittedMonthsAgo()).toInstant());
				if (c.tier() != c.customer().tier()) {
					this.directory.changeTier(c.customer().customerId(), c.tier(), LAST_REVIEW, APPROVER, null,
							now.minusMonths(4).toInstant());
				}
			}
			blacklist(BLACKLISTED, now);
		});
	}

	/** Blacklisted two months ago for the policy's six months: four months still to go. */
	private void blacklist(String customerId, ZonedDateTime now) {
		if (this.blacklist.hasEntries(customerId)) {
			return;
		}
		ZonedDateTime from = now.minusMonths(2);
		this.blacklist.recordDecided(customerId,
				"多次拖欠货款并恶意退货, 造成重大损失 (repeated late payment and bad-faith returns: serious loss)", "super1",
				from.minusDays(3).toInstant(), "director1", from.toInstant(), from.plusMonths(6).toInstant());
	}


	static List<DemoCustomer> read() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("customer_id,"))
				.map(DemoCustomers::parse)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// customer_id,name,type,department,contact_phone,address,email,annual_volume,default_count,tier,confidential,
	// admitted_tier,admitted_months_ago
	private static DemoCustomer parse(String line) {
		String[] f = line.split(",", -1);
		if (f.length != 13) {
			throw new IllegalStateException(FILE + ": expected 13 fields in " + line);
		}
		NewCustomer customer = new NewCustomer(f[0], f[1], CustomerType.valueOf(f[2]), f[3], blankToNull(f[4]),
				blankToNull(f[5]), blankToNull(f[6]), new BigDecimal(f[7]), Integer.parseInt(f[8]),
				ClientTier.valueOf(f[11]), Boolean.parseBoolean(f[10]), APPROVER);
		return new DemoCustomer(customer, ClientTier.valueOf(f[9]), Integer.parseInt(f[12]));
	}

	private static String blankToNull(String text) {
		return text.isBlank() ? null : text;
	}

	/**
	 * @param customer as admitted, with the tier they were admitted with
	 * @param tier the tier today
	 */
	record DemoCustomer(NewCustomer customer, ClientTier tier, int admittedMonthsAgo) {
	}

}
