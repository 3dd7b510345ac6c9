package io.complaintdesk.customer.blacklist;

import java.util.Date;

import io.complaintdesk.base.ProcessVariable;

/**
 * The {@code customer-blacklist} process (POLICY §8 客户黑名单): its key, element ids and variables
 * with their types. One instance per proposal, business key {@code BL-<customerId>-<yyyyMMdd>}.
 */
public final class BlacklistProcess {

	public static final String KEY = "customer-blacklist";

	public static final String BUSINESS_KEY_PREFIX = "BL-";

	// start variables (start form proposeBlacklisting)
	public static final ProcessVariable<String> CUSTOMER_ID = ProcessVariable.of("customerId", String.class);

	public static final ProcessVariable<String> REASON = ProcessVariable.of("reason", String.class);

	public static final ProcessVariable<String> EVIDENCE = ProcessVariable.of("evidence", String.class);

	/** The supervisor who proposed it: the start event's initiator. */
	public static final ProcessVariable<String> PROPOSED_BY = ProcessVariable.of("proposedBy", String.class);

	// set when the proposal is recorded
	public static final ProcessVariable<Long> BLACKLIST_ENTRY_ID = ProcessVariable.of("blacklistEntryId", Long.class);

	public static final ProcessVariable<Date> PROPOSED_AT = ProcessVariable.of("proposedAt", Date.class);

	/** How long an approved entry lasts, as configured when it was proposed (ISO 8601, e.g. P6M). */
	public static final ProcessVariable<String> BLACKLIST_DURATION = ProcessVariable.of("blacklistDuration",
			String.class);

	// set by completing approveBlacklisting (directors)
	public static final ProcessVariable<Boolean> BLACKLIST_APPROVED = ProcessVariable.of("blacklistApproved",
			Boolean.class);

	public static final ProcessVariable<String> DIRECTOR_COMMENT = ProcessVariable.of("directorComment",
			String.class);

	/** The director who approved or refused the proposal. */
	public static final ProcessVariable<String> DECIDED_BY = ProcessVariable.of("decidedBy", String.class);

	// set when the entry becomes active; the expiry timer fires at blacklistedUntil
	public static final ProcessVariable<Date> BLACKLISTED_AT = ProcessVariable.of("blacklistedAt", Date.class);

	public static final ProcessVariable<Date> BLACKLISTED_UNTIL = ProcessVariable.of("blacklistedUntil", Date.class);

	// set by completing approveReturn (directors)
	public static final ProcessVariable<Boolean> RETURN_APPROVED = ProcessVariable.of("returnApproved",
			Boolean.class);

	public static final ProcessVariable<String> RETURN_COMMENT = ProcessVariable.of("returnComment", String.class);

	/** The director who decided whether the customer may do business again. */
	public static final ProcessVariable<String> RETURN_DECIDED_BY = ProcessVariable.of("returnDecidedBy",
			String.class);

	private BlacklistProcess() {
	}

	/** Element ids of the model, as used in tests and Cockpit. */
	public static final class Elements {

		public static final String BLACKLISTING_PROPOSED = "blacklistingProposed";

		public static final String RECORD_PROPOSAL = "recordProposal";

		public static final String APPROVE_BLACKLISTING = "approveBlacklisting";

		public static final String BLACKLISTING_APPROVED = "blacklistingApproved";

		public static final String REJECT_PROPOSAL = "rejectProposal";

		public static final String NOT_BLACKLISTED = "notBlacklisted";

		public static final String ACTIVATE_BLACKLISTING = "activateBlacklisting";

		public static final String BLACKLIST_EXPIRES = "blacklistExpires";

		public static final String RECORD_EXPIRY = "recordExpiry";

		public static final String APPROVE_RETURN = "approveReturn";

		public static final String RETURN_DECIDED = "returnDecided";

		public static final String READMIT_AS_QUALIFIED = "readmitAsQualified";

		public static final String BACK_AS_QUALIFIED = "backAsQualified";

		public static final String STAYS_OUT = "staysOut";

		private Elements() {
		}

	}

}
