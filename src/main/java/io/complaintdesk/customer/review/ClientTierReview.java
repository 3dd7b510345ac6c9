package io.complaintdesk.customer.review;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import io.complaintdesk.base.ProcessVariable;

/**
 * The {@code client-tier-review} process (POLICY §8 半年评审): its key, element ids and variables
 * with their types. Delegates, listeners and tests read and write variables only through these
 * constants.
 */
public final class ClientTierReview {

	public static final String KEY = "client-tier-review";

	/** The decision that says which tier a customer qualifies for (CONTRACT). */
	public static final String DECISION_KEY = "client-tier";

	/** Business keys are {@code TIER-REVIEW-2026-H2}: the half-year whose tiers the review sets. */
	public static final String BUSINESS_KEY_PREFIX = "TIER-REVIEW-";

	// set when a supervisor starts the review in Tasklist (start form)
	public static final ProcessVariable<String> STARTED_BY = ProcessVariable.of("startedBy", String.class);

	public static final ProcessVariable<String> REVIEW_REASON = ProcessVariable.of("reviewReason", String.class);

	// set by "Propose tier changes"
	public static final ProcessVariable<String> REVIEW_KEY = ProcessVariable.of("reviewKey", String.class);

	public static final ProcessVariable<Date> REVIEWED_AT = ProcessVariable.of("reviewedAt", Date.class);

	public static final ProcessVariable<Integer> CUSTOMERS_REVIEWED = ProcessVariable.of("customersReviewed",
			Integer.class);

	public static final ProcessVariable<Integer> CHANGE_COUNT = ProcessVariable.of("changeCount", Integer.class);

	/** A current VIP is downgraded for defaults in the period: approval within 5 working days. */
	public static final ProcessVariable<Boolean> VIP_DOWNGRADE_FOR_PROBLEMS = ProcessVariable
		.of("vipDowngradeForProblems", Boolean.class);

	/** The proposed changes, JSON list of {@link ProposedTierChange}. */
	static final TierChangesVariable PROPOSAL = new TierChangesVariable("proposal");

	// set by completing "Approve tier changes"
	public static final ProcessVariable<Boolean> APPROVED = ProcessVariable.of("approved", Boolean.class);

	/** One line per amended customer: {@code C-0007=QUALIFIED} or {@code C-0007=KEEP}. */
	public static final ProcessVariable<String> AMENDMENTS = ProcessVariable.of("amendments", String.class);

	public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.of("reviewComment", String.class);

	public static final ProcessVariable<String> APPROVED_BY = ProcessVariable.of("approvedBy", String.class);

	/** The proposal with the amendments applied: what "Apply approved tier changes" writes. */
	static final TierChangesVariable APPROVED_CHANGES = new TierChangesVariable("approvedChanges");

	public static final ProcessVariable<Integer> APPROVED_CHANGE_COUNT = ProcessVariable.of("approvedChangeCount",
			Integer.class);

	private ClientTierReview() {
	}

	/** {@code TIER-REVIEW-2026-H2} for a review held between July and December 2026 in the zone. */
	public static String businessKey(Instant at, ZoneId zone) {
		ZonedDateTime local = at.atZone(zone);
		return BUSINESS_KEY_PREFIX + local.getYear() + "-H" + ((local.getMonthValue() <= 6) ? 1 : 2);
	}

	/** Element ids of the model, as used in tests and Cockpit. */
	public static final class Elements {

		/** The timer start event, also where an instance started in Tasklist or over the API begins. */
		public static final String REVIEW_DUE = "reviewDue";

		public static final String PROPOSE_TIER_CHANGES = "proposeTierChanges";

		public static final String APPROVE_TIER_CHANGES = "approveTierChanges";

		public static final String CHANGES_APPROVED = "changesApproved";

		public static final String APPLY_TIER_CHANGES = "applyTierChanges";

		public static final String RESET_DEFAULT_COUNTS = "resetDefaultCounts";

		public static final String TIERS_REVIEWED = "tiersReviewed";

		public static final String REVIEW_REJECTED = "reviewRejected";

		private Elements() {
		}

	}

}
