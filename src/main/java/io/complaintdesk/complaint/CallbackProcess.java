package io.complaintdesk.complaint;

import io.complaintdesk.base.ProcessVariable;

/**
 * The reusable {@code complaint-callback} process (POLICY §6), called once per handling round.
 */
public final class CallbackProcess {

	public static final String KEY = "complaint-callback";

	public static final ProcessVariable<Boolean> REACHED = ProcessVariable.of("reached", Boolean.class);

	public static final ProcessVariable<Integer> SATISFACTION = ProcessVariable.of("satisfaction", Integer.class);

	public static final ProcessVariable<CallbackMode> CALLBACK_MODE = ProcessVariable.of("callbackMode",
			CallbackMode.class);

	public static final ProcessVariable<String> CALLBACK_NOTE = ProcessVariable.of("callbackNote", String.class);

	// POLICY §6: the customer's rating of the service staff, optional, one per dimension
	public static final ProcessVariable<StaffRating> RATING_ATTITUDE = ProcessVariable.of("ratingAttitude",
			StaffRating.class);

	public static final ProcessVariable<StaffRating> RATING_SKILL = ProcessVariable.of("ratingSkill", StaffRating.class);

	public static final ProcessVariable<StaffRating> RATING_ARRIVAL = ProcessVariable.of("ratingArrival",
			StaffRating.class);

	public static final ProcessVariable<StaffRating> RATING_PROMISES = ProcessVariable.of("ratingPromises",
			StaffRating.class);

	/** Set from the answer: true for answers 1–3 (configurable), false for 4–5. */
	public static final ProcessVariable<Boolean> SATISFIED = ProcessVariable.of("satisfied", Boolean.class);

	public static final ProcessVariable<Integer> CALLBACK_ATTEMPTS = ProcessVariable.of("callbackAttempts",
			Integer.class);

	/** True while the customer was not reached and attempts remain. */
	public static final ProcessVariable<Boolean> RETRY_ALLOWED = ProcessVariable.of("retryAllowed", Boolean.class);

	private CallbackProcess() {
	}

	public static final class Elements {

		public static final String CALLBACK_DUE = "callbackDue";

		public static final String CALLBACK_CUSTOMER = "callbackCustomer";

		public static final String WAIT_FOR_ANOTHER_DAY = "waitForAnotherDay";

		public static final String CALLBACK_DONE = "callbackDone";

		public static final String CUSTOMER_UNREACHABLE = "customerUnreachable";

		private Elements() {
		}

	}

}
