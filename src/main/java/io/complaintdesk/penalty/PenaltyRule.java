package io.complaintdesk.penalty;

import java.math.BigDecimal;

import io.complaintdesk.base.Text;

/**
 * The breaches POLICY §7 records as negative incentives (负激励), with the policy's amount and,
 * where the policy gives one, its range. The amounts actually recorded are configuration
 * ({@link PenaltyProperties}); the range bounds what may be configured or entered by hand.
 */
public enum PenaltyRule {

	/** First contact later than 1 working day: 30. Recorded by the process. */
	LATE_FIRST_CONTACT("30", null, null, false),

	/** Handling that breaks the rules: 30 to 100. Recorded by a supervisor. */
	RULE_BREACH("30", "30", "100", true),

	/** No satisfaction callback: 50 to 100. Recorded by the process. */
	MISSED_CALLBACK("50", "50", "100", false),

	/** A falsified satisfaction callback: 50 to 100. Recorded by a supervisor. */
	FALSIFIED_CALLBACK("50", "50", "100", true);

	private final BigDecimal policyAmount;

	private final BigDecimal min;

	private final BigDecimal max;

	private final boolean manual;

	PenaltyRule(String policyAmount, String min, String max, boolean manual) {
		this.policyAmount = new BigDecimal(policyAmount);
		this.min = (min != null) ? new BigDecimal(min) : null;
		this.max = (max != null) ? new BigDecimal(max) : null;
		this.manual = manual;
	}

	/** The amount POLICY §7 names; the default of {@link PenaltyProperties}. */
	public BigDecimal policyAmount() {
		return this.policyAmount;
	}

	/** Whether a supervisor records this rule by hand (with an amount in the range). */
	public boolean manual() {
		return this.manual;
	}

	/** Whether the amount lies in the policy's range; any positive amount where it gives none. */
	public boolean allows(BigDecimal amount) {
		return amount != null && amount.signum() > 0 && (this.min == null || amount.compareTo(this.min) >= 0)
				&& (this.max == null || amount.compareTo(this.max) <= 0);
	}

	/** The range as people read it, {@code 30 to 100} (30 至 100), or {@code more than 0}. */
	public Text range() {
		return (this.min != null) ? Text.of("penalty.range", this.min, this.max) : Text.of("penalty.range.positive");
	}

}
