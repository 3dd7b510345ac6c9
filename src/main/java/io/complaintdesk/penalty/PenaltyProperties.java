package io.complaintdesk.penalty;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The amounts of the penalty ledger (POLICY §7: configurable amounts), bound from
 * {@code complaint-desk.penalties} in application.yaml. A rule left out records the policy's
 * amount; an amount outside the policy's range stops the application at start.
 *
 * @param amounts what an entry of each rule records, keyed {@code late-first-contact},
 * {@code rule-breach}, {@code missed-callback}, {@code falsified-callback}; for the rules a
 * supervisor enters by hand, the amount proposed when they give none
 * @param dutySupervisor per candidate group, the supervisor on duty (a user id) against whom a
 * breach is booked when nobody of the group ever claimed the late step (issue 14 item 7), e.g.
 * {@code agents: super1}
 */
@ConfigurationProperties("complaint-desk.penalties")
public record PenaltyProperties(Map<PenaltyRule, BigDecimal> amounts, Map<String, String> dutySupervisor) {

	public PenaltyProperties {
		dutySupervisor = (dutySupervisor != null) ? Map.copyOf(dutySupervisor) : Map.of();
		Map<PenaltyRule, BigDecimal> all = new EnumMap<>(PenaltyRule.class);
		for (PenaltyRule rule : PenaltyRule.values()) {
			BigDecimal amount = (amounts != null && amounts.get(rule) != null) ? amounts.get(rule) : rule.policyAmount();
			if (!rule.allows(amount) || amount.stripTrailingZeros().scale() > 2) {
				throw new IllegalArgumentException("complaint-desk.penalties.amounts." + key(rule) + " is " + amount
						+ ", but POLICY §7 allows " + rule.range() + " with at most 2 decimals");
			}
			all.put(rule, amount);
		}
		amounts = Collections.unmodifiableMap(all);
	}

	/** The supervisor on duty for a group, if one is configured. */
	public java.util.Optional<String> dutySupervisorOf(String group) {
		return java.util.Optional.ofNullable(this.dutySupervisor.get(group)).filter((user) -> !user.isBlank());
	}

	/** The amount an entry of the rule records. */
	public BigDecimal amount(PenaltyRule rule) {
		return this.amounts.get(rule);
	}

	private static String key(PenaltyRule rule) {
		return rule.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
