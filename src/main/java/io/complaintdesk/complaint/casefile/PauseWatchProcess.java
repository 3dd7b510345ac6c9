package io.complaintdesk.complaint.casefile;

import io.complaintdesk.base.ProcessVariable;

/**
 * The small {@code case-pause-watch} process (processes/case-pause-watch.bpmn): started by a pause,
 * it waits for the resume and reports a pause longer than {@code complaint-desk.case-file.max-pause-working-days}
 * to the supervisors once.
 */
public final class PauseWatchProcess {

	public static final String KEY = "case-pause-watch";

	/** starts a watch (message start event) */
	public static final String PAUSED_MESSAGE = "CasePaused";

	/** ends it (receive task) */
	public static final String RESUMED_MESSAGE = "CaseResumed";

	public static final String WAIT_FOR_RESUME = "waitForResume";

	public static final String PAUSE_TOO_LONG_TIMER = "pauseTooLongTimer";

	public static final String REPORT_LONG_PAUSE = "reportLongPause";

	public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);

	public static final ProcessVariable<String> PAUSE_REASON = ProcessVariable.of("pauseReason", String.class);

	public static final ProcessVariable<String> PAUSED_BY = ProcessVariable.of("pausedBy", String.class);

	public static final ProcessVariable<java.util.Date> PAUSED_AT = ProcessVariable.of("pausedAt", java.util.Date.class);

	/** the employee the case is about: not told about it (POLICY §1) */
	public static final ProcessVariable<String> ACCUSED_EMPLOYEE = ProcessVariable.of("accusedEmployee", String.class);

	private PauseWatchProcess() {
	}

}
