package io.complaintdesk.report.process;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.complaintdesk.base.ProcessVariable;

/**
 * The {@code complaint-report} process (POLICY §10 报表): its key, element ids and variables with
 * their types. Delegates, listeners and tests read and write variables only through these constants.
 * <p>
 * One run releases the reports that are due: by its timer, the weekly report (投诉周报) of the
 * previous ISO week on a Monday and the monthly statistics (投诉统计表) of the previous month on the 1st;
 * on demand, the one report asked for. Each report is a branch of the multi-instance subprocess
 * {@link Elements#RELEASE_ONE_REPORT}: its variables are local to that branch, so a weekly and a
 * monthly report released in the same run never overwrite each other's.
 */
public final class ComplaintReportProcess {

	public static final String KEY = "complaint-report";

	/** Business keys are {@code REPORTS-2026-11-23}: the day of the run in the desk's zone. */
	public static final String BUSINESS_KEY_PREFIX = "REPORTS-";

	// set by the start form when a clerk or supervisor asks for a report (both optional)

	/** {@code WEEKLY} or {@code MONTHLY}; absent when the timer started the run. */
	public static final ProcessVariable<String> KIND = ProcessVariable.of("kind", String.class);

	/** {@code 2026-W47} or {@code 2026-11}; absent: the last complete week or month. */
	public static final ProcessVariable<String> PERIOD = ProcessVariable.of("period", String.class);

	/** Who started the run in Tasklist or over the API ({@code camunda:initiator}); absent for the timer. */
	public static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.of("requestedBy", String.class);

	// set by "Determine due reports"

	/** {@code true} when the run asked for one report, {@code false} for the timer's run. */
	public static final ProcessVariable<Boolean> ON_DEMAND = ProcessVariable.of("onDemand", Boolean.class);

	/** The due reports as period labels separated by commas, e.g. {@code 2026-W22,2026-05}; may be empty. */
	public static final ProcessVariable<String> DUE_REPORTS = ProcessVariable.of("dueReports", String.class);

	public static final ProcessVariable<Integer> DUE_REPORT_COUNT = ProcessVariable.of("dueReportCount",
			Integer.class);

	// local to one branch of "Release one report"

	/** The multi-instance element: the period label of the branch's report. */
	public static final ProcessVariable<String> REPORT = ProcessVariable.of("report", String.class);

	public static final ProcessVariable<String> REPORT_KIND = ProcessVariable.of("reportKind", String.class);

	public static final ProcessVariable<String> REPORT_PERIOD = ProcessVariable.of("reportPeriod", String.class);

	/** e.g. {@code Weekly complaint report (投诉周报) 2026-W47}. */
	public static final ProcessVariable<String> REPORT_TITLE = ProcessVariable.of("reportTitle", String.class);

	/**
	 * The report's summary when it was prepared, for the clerk's review (at most 4,000 characters);
	 * the figures are counted again when the clerk releases the report.
	 */
	public static final ProcessVariable<String> SUMMARY = ProcessVariable.of("summary", String.class);

	/** Where the released report is read: {@code <base-url>/api/reports/weekly?week=2026-W47}. */
	public static final ProcessVariable<String> REPORT_LINK = ProcessVariable.of("reportLink", String.class);

	public static final ProcessVariable<Date> PREPARED_AT = ProcessVariable.of("preparedAt", Date.class);

	/** Due date of "Release the report". */
	public static final ProcessVariable<Date> RELEASE_DUE = ProcessVariable.of("releaseDue", Date.class);

	/** The day "Release the report" is due, {@code 2026-12-10}, for the form. */
	public static final ProcessVariable<String> RELEASE_DUE_ON = ProcessVariable.of("releaseDueOn", String.class);

	// set by completing "Release the report" (declared locally by "Prepare the report")

	/** The clerk's words to the general manager and the supervisors, sent with the report. */
	public static final ProcessVariable<String> RELEASE_COMMENT = ProcessVariable.of("releaseComment", String.class);

	public static final ProcessVariable<String> RELEASED_BY = ProcessVariable.of("releasedBy", String.class);

	// set by "Publish the report"

	public static final ProcessVariable<Date> RELEASED_AT = ProcessVariable.of("releasedAt", Date.class);

	private ComplaintReportProcess() {
	}

	/** {@code REPORTS-2026-11-23}. */
	public static String businessKey(LocalDate day) {
		return BUSINESS_KEY_PREFIX + day;
	}

	/**
	 * Sets a variable on this scope only, e.g. on the branch of "Release one report", instead of
	 * the process instance, where {@link ProcessVariable#set} puts a variable that is new.
	 */
	static <T> void setLocal(VariableScope scope, ProcessVariable<T> variable, T value) {
		scope.setVariableLocal(variable.name(), value);
	}

	/** Element ids of the model, as used in tests and Cockpit. */
	public static final class Elements {

		/** The timer start event, also where a run started in Tasklist or over the API begins. */
		public static final String REPORTS_DUE = "reportsDue";

		public static final String DETERMINE_DUE_REPORTS = "determineDueReports";

		public static final String ANY_REPORT_DUE = "anyReportDue";

		public static final String NO_REPORT_DUE = "noReportDue";

		/** The multi-instance subprocess, one branch per due report. */
		public static final String RELEASE_ONE_REPORT = "releaseOneReport";

		public static final String PREPARE_REPORT = "prepareReport";

		public static final String RELEASE_REPORT = "releaseReport";

		public static final String PUBLISH_REPORT = "publishReport";

		public static final String REPORT_RELEASED = "reportReleased";

		public static final String REPORTS_RELEASED = "reportsReleased";

		private Elements() {
		}

	}

}
