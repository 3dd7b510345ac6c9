package io.complaintdesk.complaint;

import java.util.Date;
import java.util.List;

import io.complaintdesk.base.ProcessVariable;

/**
 * The {@code complaint-handling} process: its key, element ids and variables with their types
 * (CONTRACT "Processes"). Delegates, listeners and tests read and write variables only through
 * these constants.
 */
public final class ComplaintProcess {

	public static final String KEY = "complaint-handling";

	// start variables (CONTRACT)
	public static final ProcessVariable<String> CUSTOMER_ID = ProcessVariable.of("customerId", String.class);

	public static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.of("customerName", String.class);

	public static final ProcessVariable<String> CONTACT_PHONE = ProcessVariable.of("contactPhone", String.class);

	public static final ProcessVariable<Channel> CHANNEL = ProcessVariable.of("channel", Channel.class);

	public static final ProcessVariable<ComplainantType> COMPLAINANT_TYPE = ProcessVariable.of("complainantType",
			ComplainantType.class);

	public static final ProcessVariable<Category> CATEGORY = ProcessVariable.of("category", Category.class);

	public static final ProcessVariable<String> DESCRIPTION = ProcessVariable.of("description", String.class);

	public static final ProcessVariable<Demand> DEMAND = ProcessVariable.of("demand", Demand.class);

	public static final ProcessVariable<Double> CLAIM_AMOUNT = ProcessVariable.of("claimAmount", Double.class);

	public static final ProcessVariable<String> PRODUCT_CODE = ProcessVariable.of("productCode", String.class);

	public static final ProcessVariable<String> STORE_CODE = ProcessVariable.of("storeCode", String.class);

	public static final ProcessVariable<String> ACCUSED_EMPLOYEE = ProcessVariable.of("accusedEmployee", String.class);

	public static final ProcessVariable<String> RELATED_CASE_NUMBER = ProcessVariable.of("relatedCaseNumber",
			String.class);

	/** POLICY §2 匿名投诉: no name or phone needed, and no callback (a missing variable means false). */
	public static final ProcessVariable<Boolean> ANONYMOUS = ProcessVariable.of("anonymous", Boolean.class);

	public static final ProcessVariable<String> CONTACT_EMAIL = ProcessVariable.of("contactEmail", String.class);

	/** POLICY §4: the demand to return or exchange is for the whole product (整体退换), not a part. */
	public static final ProcessVariable<Boolean> WHOLE_PRODUCT = ProcessVariable.of("wholeProduct", Boolean.class);

	/**
	 * Who would have to approve the amount claimed ({@code compensation-authority}, null without a
	 * claim): an input of {@code complaint-level}, so a claim beyond the supervisor's authority raises
	 * the level without the agent ticking {@code beyondAuthority} (POLICY §4, §5).
	 */
	public static final ProcessVariable<String> CLAIM_APPROVER_GROUP = ProcessVariable.of("claimApproverGroup",
			String.class);

	// the escalating flags of POLICY §4, inputs of complaint-level (default false)
	public static final ProcessVariable<Boolean> REPEAT_COMPLAINT = flag("repeatComplaint");

	public static final ProcessVariable<Boolean> EMOTIONAL = flag("emotional");

	public static final ProcessVariable<Boolean> BEYOND_AUTHORITY = flag("beyondAuthority");

	public static final ProcessVariable<Boolean> BATCH_ISSUE = flag("batchIssue");

	public static final ProcessVariable<Boolean> DISTURBANCE = flag("disturbance");

	public static final ProcessVariable<Boolean> REPUTATION_RISK = flag("reputationRisk");

	public static final List<ProcessVariable<Boolean>> FLAGS = List.of(REPEAT_COMPLAINT, EMOTIONAL, BEYOND_AUTHORITY,
			BATCH_ISSUE, DISTURBANCE, REPUTATION_RISK);

	/** POLICY §8: a blacklisted customer's complaint is still handled, but flagged on every task. */
	public static final ProcessVariable<Boolean> BLACKLISTED = ProcessVariable.of("blacklisted", Boolean.class);

	public static final ProcessVariable<String> CLIENT_TIER = ProcessVariable.of("clientTier", String.class);

	// set by registration and classification
	public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);

	public static final ProcessVariable<Date> RECEIVED_AT = ProcessVariable.of("receivedAt", Date.class);

	/** POLICY §5: the whole case should be closed by then (receipt + complaint-desk.case-deadline). */
	public static final ProcessVariable<Date> CLOSE_BY = ProcessVariable.of("closeBy", Date.class);

	/** Receipt and case deadline as the desk reads them (its zone), for forms. */
	public static final ProcessVariable<String> RECEIVED_ON = ProcessVariable.of("receivedOn", String.class);

	public static final ProcessVariable<String> CLOSE_ON = ProcessVariable.of("closeOn", String.class);

	/** The answer of the callback that upgraded the complaint, shown to the next round's handler. */
	public static final ProcessVariable<Integer> PREVIOUS_SATISFACTION = ProcessVariable.of("previousSatisfaction",
			Integer.class);

	/** Every handling round so far, in a few lines of Markdown for the forms ({@link RoundsSummary}). */
	public static final ProcessVariable<String> ROUNDS_SUMMARY = ProcessVariable.of("roundsSummary", String.class);

	/** VIP or preferred client: the "four priorities" of POLICY §5 (Tasklist filter). */
	public static final ProcessVariable<Boolean> PRIORITY_CLIENT = ProcessVariable.of("priorityClient", Boolean.class);

	/** the typed complaint during the registering transaction only (transient, never stored) */
	public static final String NEW_COMPLAINT = "newComplaint";

	public static final ProcessVariable<String> REGISTERED_BY = ProcessVariable.of("registeredBy", String.class);

	public static final ProcessVariable<Integer> LEVEL = ProcessVariable.of("level", Integer.class);

	public static final ProcessVariable<Boolean> MAJOR = ProcessVariable.of("major", Boolean.class);

	public static final ProcessVariable<Integer> ROUND = ProcessVariable.of("round", Integer.class);

	/** When the review accepted the round's handling: the callback is due 3 working days later (POLICY §6). */
	public static final ProcessVariable<Date> HANDLING_ENDED_AT = ProcessVariable.of("handlingEndedAt", Date.class);

	/** When the current handling round started: its solution is due 1 working day later (POLICY §5). */
	public static final ProcessVariable<Date> ROUND_STARTED_AT = ProcessVariable.of("roundStartedAt", Date.class);

	// routing for the current round (complaint-routing, compensation-authority)
	public static final ProcessVariable<String> HANDLER_GROUP = ProcessVariable.of("handlerGroup", String.class);

	public static final ProcessVariable<String> REVIEWER_GROUP = ProcessVariable.of("reviewerGroup", String.class);

	public static final ProcessVariable<String> CALLBACK_GROUP = ProcessVariable.of("callbackGroup", String.class);

	public static final ProcessVariable<String> APPROVER_GROUP = ProcessVariable.of("approverGroup", String.class);

	// set by completing user tasks (CONTRACT)
	public static final ProcessVariable<Boolean> VALID = ProcessVariable.of("valid", Boolean.class);

	public static final ProcessVariable<String> VERIFICATION_NOTE = ProcessVariable.of("verificationNote",
			String.class);

	public static final ProcessVariable<String> RESOLUTION = ProcessVariable.of("resolution", String.class);

	public static final ProcessVariable<Double> COMPENSATION_AMOUNT = ProcessVariable.of("compensationAmount",
			Double.class);

	public static final ProcessVariable<Boolean> COMPANY_AT_FAULT = ProcessVariable.of("companyAtFault",
			Boolean.class);

	public static final ProcessVariable<Boolean> COMPENSATION_APPROVED = ProcessVariable.of("compensationApproved",
			Boolean.class);

	public static final ProcessVariable<Boolean> REVIEW_APPROVED = ProcessVariable.of("reviewApproved",
			Boolean.class);

	public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.of("reviewComment", String.class);

	/** POLICY §5: a refused compensation gives its reason (CONTRACT: required on refusal). */
	public static final ProcessVariable<String> APPROVAL_COMMENT = ProcessVariable.of("approvalComment", String.class);

	/** Who verified the case: never the one who rules on their own dismissal (POLICY §3). */
	public static final ProcessVariable<String> VERIFIED_BY = ProcessVariable.of("verifiedBy", String.class);

	/** POLICY §3: the superior's ruling on a dismissal; true closes the case NOT_SUBSTANTIATED. */
	public static final ProcessVariable<Boolean> DISMISSAL_CONFIRMED = ProcessVariable.of("dismissalConfirmed",
			Boolean.class);

	/** Who rules on a dismissal at this level (complaint-routing: supervisors, directors at level 3). */
	public static final ProcessVariable<String> DISMISSAL_GROUP = ProcessVariable.of("dismissalGroup", String.class);

	/**
	 * The person who completed {@code handleComplaint} in this round (POLICY §5 four eyes): never the
	 * approver or reviewer of the round; a refusal or send-back is assigned to them again.
	 */
	public static final ProcessVariable<String> ROUND_HANDLER = ProcessVariable.of("roundHandler", String.class);

	// POLICY §5 投诉调查报告, recorded with handleComplaint
	public static final ProcessVariable<String> CAUSE = ProcessVariable.of("cause", String.class);

	public static final ProcessVariable<String> COURSE_OF_EVENTS = ProcessVariable.of("courseOfEvents", String.class);

	public static final ProcessVariable<String> RESPONSIBLE_DEPARTMENT = ProcessVariable.of("responsibleDepartment",
			String.class);

	public static final ProcessVariable<String> RESPONSIBLE_PERSON = ProcessVariable.of("responsiblePerson",
			String.class);

	public static final ProcessVariable<String> CONCLUSION = ProcessVariable.of("conclusion", String.class);

	public static final ProcessVariable<String> COUNTERMEASURES = ProcessVariable.of("countermeasures", String.class);

	public static final ProcessVariable<String> FINAL_DECISION = ProcessVariable.of("finalDecision", String.class);

	// results of the callback (complaint-callback)
	public static final ProcessVariable<Boolean> REACHED = CallbackProcess.REACHED;

	public static final ProcessVariable<Integer> SATISFACTION = CallbackProcess.SATISFACTION;

	public static final ProcessVariable<Boolean> SATISFIED = CallbackProcess.SATISFIED;

	/** Who the overdue case was reported to (the level above the handler, POLICY §5). */
	public static final ProcessVariable<String> OVERDUE_REPORT_GROUP = ProcessVariable.of("overdueReportGroup",
			String.class);

	/** Set once brand and legal have been warned of this major complaint (POLICY §4). */
	/** set by the classification: the case is major and brand and legal were not warned yet */
	public static final ProcessVariable<Boolean> MAJOR_WARNING_DUE = ProcessVariable.of("majorWarningDue",
			Boolean.class);

	public static final ProcessVariable<Boolean> MAJOR_WARNING_RAISED = ProcessVariable.of("majorWarningRaised",
			Boolean.class);

	public static final ProcessVariable<String> PROGRESS_NOTE = ProcessVariable.of("progressNote", String.class);

	public static final ProcessVariable<Outcome> OUTCOME = ProcessVariable.of("outcome", Outcome.class);

	/** Local input parameter of the "record outcome" service tasks. */
	public static final ProcessVariable<Outcome> CASE_OUTCOME = ProcessVariable.of("caseOutcome", Outcome.class);

	private ComplaintProcess() {
	}

	private static ProcessVariable<Boolean> flag(String name) {
		return ProcessVariable.of(name, Boolean.class);
	}

	/** Element ids of the model, as used in tests and Cockpit. */
	public static final class Elements {

		public static final String COMPLAINT_RECEIVED = "complaintReceived";

		public static final String TAKE_IN_COMPLAINT = "takeInComplaint";

		public static final String REGISTER_COMPLAINT = "registerComplaint";

		public static final String MAJOR_ON_INTAKE = "majorOnIntake";

		public static final String WARN_OF_MAJOR_ON_INTAKE = "warnOfMajorOnIntake";

		public static final String MAJOR_ON_VERIFICATION = "majorOnVerification";

		public static final String WARN_OF_MAJOR_ON_VERIFICATION = "warnOfMajorOnVerification";

		public static final String CLASSIFY_COMPLAINT = "classifyComplaint";

		public static final String VERIFY_COMPLAINT = "verifyComplaint";

		public static final String FIRST_CONTACT_OVERDUE = "firstContactOverdue";

		public static final String RECORD_LATE_FIRST_CONTACT = "recordLateFirstContact";

		public static final String HANDLING_ROUND = "handlingRound";

		public static final String PROGRESS_CONTACT_DUE = "progressContactDue";

		public static final String CONTACT_CUSTOMER_ABOUT_PROGRESS = "contactCustomerAboutProgress";

		public static final String CASE_OVERDUE = "caseOverdue";

		public static final String ACKNOWLEDGE_OVERDUE_CASE = "acknowledgeOverdueCase";

		public static final String RECLASSIFY_COMPLAINT = "reclassifyComplaint";

		public static final String RECORD_NOT_SUBSTANTIATED = "recordNotSubstantiated";

		public static final String DETERMINE_DISMISSAL_RULER = "determineDismissalRuler";

		public static final String CONFIRM_NOT_SUBSTANTIATED = "confirmNotSubstantiated";

		public static final String SOLUTION_OVERDUE = "solutionOverdue";

		public static final String RECORD_LATE_SOLUTION = "recordLateSolution";

		public static final String CALLBACK_WANTED = "callbackWanted";

		public static final String DETERMINE_HANDLERS = "determineHandlers";

		public static final String HANDLE_COMPLAINT = "handleComplaint";

		public static final String DETERMINE_APPROVER = "determineApprover";

		public static final String APPROVE_COMPENSATION = "approveCompensation";

		public static final String REVIEW_HANDLING = "reviewHandling";

		public static final String CALL_BACK_CUSTOMER = "callBackCustomer";

		public static final String RECORD_UNREACHABLE = "recordUnreachable";

		public static final String RECORD_RESOLVED = "recordResolved";

		public static final String UPGRADE_COMPLAINT = "upgradeComplaint";

		public static final String GM_MEETING_DECISION = "gmMeetingDecision";

		public static final String RECORD_GM_DECIDED = "recordGmDecided";

		public static final String ARCHIVE_CASE = "archiveCase";

		public static final String CLOSE_CASE = "closeCase";

		public static final String CASE_CLOSED = "caseClosed";

		private Elements() {
		}

	}

}
