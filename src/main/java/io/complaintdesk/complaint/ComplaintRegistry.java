package io.complaintdesk.complaint;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.complaintdesk.penalty.LedgerCases;

/**
 * The project's own complaint registry (tables {@code complaint} and {@code complaint_round}).
 * Every write runs in the caller's transaction, which is the engine's when called from a
 * delegate: a process step and its registry row commit or roll back together.
 */
@Repository
public class ComplaintRegistry implements LedgerCases {

	private final JdbcTemplate jdbc;

	ComplaintRegistry(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void register(Registration r) {
		NewComplaint c = r.complaint();
		this.jdbc.update("""
				INSERT INTO complaint (case_number, process_instance_id, received_at, registered_by, channel,
				    complainant_type, category, customer_id, customer_name, contact_phone, description, demand,
				    claim_amount, product_code, store_code, accused_employee, related_case_number,
				    complaint_level, major, current_round, status, phone_last4, anonymous, contact_email)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)""", r.caseNumber(),
				r.processInstanceId(), Timestamp.from(r.receivedAt()), r.registeredBy(), c.channel().name(),
				c.complainantType().name(), c.category().name(), c.customerId(), c.customerName(), c.contactPhone(),
				c.description(), c.demand().name(), amount(c.claimAmount()), c.productCode(), c.storeCode(),
				c.accusedEmployee(), c.relatedCaseNumber(), r.level(), r.major(), CaseStatus.OPEN.name(),
				lastFour(c.contactPhone()), c.anonymous(), c.contactEmail());
	}

	/** The last four digits of a phone number, what customers quote ("尾号"). */
	static String lastFour(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		return (digits.length() >= 4) ? digits.substring(digits.length() - 4) : null;
	}

	/** Every employee a case is about, open or closed (the access rule's deny list). */
	public List<String> accusedEmployees() {
		return this.jdbc.queryForList(
				"SELECT DISTINCT accused_employee FROM complaint WHERE accused_employee IS NOT NULL", String.class);
	}

	/**
	 * Cases matching the criteria that the reader may see, newest first, one page of them and how many
	 * match in all. {@code q} matches the case number, the customer's name (from its start), the
	 * phone (whole, or its last four digits), the product or the store code.
	 */
	public SearchPage search(CaseSearch search, CaseAccess.Visibility visibility, String excludedUser) {
		if (visibility == CaseAccess.Visibility.NONE) {
			return new SearchPage(List.of(), 0);
		}
		StringBuilder where = new StringBuilder(" WHERE (accused_employee IS NULL OR accused_employee <> ?)");
		List<Object> args = new java.util.ArrayList<>();
		args.add(excludedUser);
		if (visibility == CaseAccess.Visibility.MAJOR) {
			where.append(" AND major = TRUE");
		}
		if (search.q() != null) {
			String q = search.q();
			where.append(" AND (case_number = ? OR customer_name = ? OR customer_name LIKE ? OR contact_phone = ?"
					+ " OR phone_last4 = ? OR product_code = ? OR store_code = ?)");
			args.addAll(List.of(q, q, likePrefix(q), q, q, q, q));
		}
		if (search.status() != null) {
			where.append(" AND status = ?");
			args.add(search.status().name());
		}
		if (search.level() != null) {
			where.append(" AND complaint_level = ?");
			args.add(search.level());
		}
		if (search.customerId() != null) {
			where.append(" AND customer_id = ?");
			args.add(search.customerId());
		}
		if (search.from() != null) {
			where.append(" AND received_at >= ?");
			args.add(Timestamp.from(search.from()));
		}
		if (search.to() != null) {
			where.append(" AND received_at < ?");
			args.add(Timestamp.from(search.to()));
		}
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM complaint" + where, Long.class, args.toArray());
		List<Object> pageArgs = new java.util.ArrayList<>(args);
		pageArgs.add(search.page() * search.size());
		pageArgs.add(search.size());
		List<ComplaintRecord> items = this.jdbc.query("SELECT * FROM complaint" + where
				+ " ORDER BY received_at DESC, case_number DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", this::complaint,
				pageArgs.toArray());
		return new SearchPage(items, (total != null) ? total : 0);
	}

	private static String likePrefix(String q) {
		return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** The criteria of {@code GET /api/complaints}: all optional, {@code page} from 0. */
	public record CaseSearch(String q, CaseStatus status, Integer level, String customerId, Instant from, Instant to,
			int page, int size) {
	}

	public record SearchPage(List<ComplaintRecord> items, long total) {
	}

	/**
	 * Whether the case of this number is a closed case of the same customer (same customer id, or
	 * same contact phone) received since then: a complaint naming it is a repeat complaint (POLICY §2,
	 * §3 二次投诉). An open case is not: a report naming it is added to it (DuplicateReports).
	 */
	public boolean isClosedCaseOfCustomerSince(String caseNumber, String customerId, String contactPhone,
			Instant since) {
		return find(caseNumber).filter((c) -> c.status() == CaseStatus.CLOSED)
			.filter((c) -> !c.receivedAt().isBefore(since))
			.filter((c) -> sameCustomer(c, customerId, contactPhone))
			.isPresent();
	}

	/** The same customer: the same customer id, or the same contact phone (digits compared). */
	public static boolean sameCustomer(ComplaintRecord c, String customerId, String contactPhone) {
		if (customerId != null && customerId.equals(c.customerId())) {
			return true;
		}
		String phone = digits(contactPhone);
		return phone != null && phone.equals(digits(c.contactPhone()));
	}

	private static String digits(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		return digits.isEmpty() ? null : digits;
	}

	/** The customer's closed cases about this product received since then. */
	public List<ComplaintRecord> closedCasesAboutProductSince(String customerId, String productCode, Instant since) {
		return this.jdbc.query(
				"SELECT * FROM complaint WHERE customer_id = ? AND product_code = ? AND received_at >= ? AND status = ?",
				this::complaint, customerId, productCode, Timestamp.from(since), CaseStatus.CLOSED.name());
	}

	/** The penalty ledger books entries only against cases of the registry. */
	@Override
	public boolean exists(String caseNumber) {
		return find(caseNumber).isPresent();
	}

	/** Open cases at a level (the {@code complaints.open} gauge). */
	public long countOpenAtLevel(int level) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE status = ? AND complaint_level = ?",
				Long.class, CaseStatus.OPEN.name(), level);
		return (count != null) ? count : 0;
	}

	public void updateClassification(String caseNumber, int level, boolean major) {
		update("UPDATE complaint SET complaint_level = ?, major = ? WHERE case_number = ?", level, major, caseNumber);
	}

	public void recordVerification(String caseNumber, boolean valid, String note, String verifiedBy, Instant at) {
		update("UPDATE complaint SET valid = ?, verification_note = ?, verified_by = ?, verified_at = ? "
				+ "WHERE case_number = ?", valid, note, verifiedBy, Timestamp.from(at), caseNumber);
	}

	/** Opens a handling round at the given level; the earlier rounds stay as they are. */
	public void startRound(String caseNumber, int round, int level, boolean major, Routing routing, Instant at) {
		this.jdbc.update("""
				INSERT INTO complaint_round (case_number, round_no, complaint_level, major, handler_group,
				    reviewer_group, callback_group, started_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", caseNumber, round, level, major, routing.handlerGroup(),
				routing.reviewerGroup(), routing.callbackGroup(), Timestamp.from(at));
		update("UPDATE complaint SET current_round = ?, complaint_level = ?, major = ? WHERE case_number = ?", round,
				level, major, caseNumber);
	}

	public void recordHandling(String caseNumber, int round, String handledBy, Instant at, String resolution,
			double compensationAmount, boolean companyAtFault, InvestigationReport report) {
		updateRound("""
				UPDATE complaint_round SET handled_by = ?, handled_at = ?, resolution = ?, compensation_amount = ?,
				    company_at_fault = ?, approver_group = NULL, compensation_approved = NULL, approved_by = NULL,
				    approval_comment = NULL, review_approved = NULL, reviewed_by = NULL, cause = ?,
				    course_of_events = ?, responsible_department = ?, responsible_person = ?, conclusion = ?,
				    countermeasures = ?
				WHERE case_number = ? AND round_no = ?""", handledBy, Timestamp.from(at), resolution,
				amount(compensationAmount), companyAtFault, report.cause(), report.courseOfEvents(),
				report.responsibleDepartment(), report.responsiblePerson(), report.conclusion(),
				report.countermeasures(), caseNumber, round);
	}

	/** POLICY §3: the superior's ruling on a complaint the handler found not valid; overruled, it is valid. */
	public void recordDismissalRuling(String caseNumber, boolean confirmed, String ruledBy) {
		update("UPDATE complaint SET dismissal_confirmed = ?, dismissal_ruled_by = ?, valid = ? WHERE case_number = ?",
				confirmed, ruledBy, !confirmed, caseNumber);
	}

	public void recordApprover(String caseNumber, int round, String approverGroup) {
		updateRound("UPDATE complaint_round SET approver_group = ? WHERE case_number = ? AND round_no = ?",
				approverGroup, caseNumber, round);
	}

	public void recordCompensationDecision(String caseNumber, int round, boolean approved, String comment,
			String approvedBy) {
		updateRound("""
				UPDATE complaint_round SET compensation_approved = ?, approval_comment = ?, approved_by = ?,
				    rework_count = rework_count + CASE WHEN ? THEN 0 ELSE 1 END
				WHERE case_number = ? AND round_no = ?""", approved, comment, approvedBy, approved, caseNumber,
				round);
	}

	public void recordReview(String caseNumber, int round, boolean approved, String comment, String reviewedBy) {
		updateRound("""
				UPDATE complaint_round SET review_approved = ?, review_comment = ?, reviewed_by = ?,
				    rework_count = rework_count + CASE WHEN ? THEN 0 ELSE 1 END
				WHERE case_number = ? AND round_no = ?""", approved, comment, reviewedBy, approved, caseNumber,
				round);
	}

	public void recordCallbackAttempt(String caseNumber, int round, CallbackAnswer answer, String calledBackBy,
			Instant at) {
		updateRound("""
				UPDATE complaint_round SET callback_attempts = callback_attempts + 1, reached = ?, satisfaction = ?,
				    callback_mode = ?, callback_note = ?, called_back_by = ?, called_back_at = ?
				WHERE case_number = ? AND round_no = ?""", answer.reached(), answer.satisfaction(),
				(answer.mode() != null) ? answer.mode().name() : null, answer.note(), calledBackBy,
				Timestamp.from(at), caseNumber, round);
	}

	public void recordProgressContact(String caseNumber, int round) {
		updateRound("UPDATE complaint_round SET progress_contacts = progress_contacts + 1 WHERE case_number = ? AND round_no = ?",
				caseNumber, round);
	}

	/** POLICY §6: the customer's rating of the staff who handled the round (null: not asked). */
	public void recordStaffRatings(String caseNumber, int round, StaffRating attitude, StaffRating skill,
			StaffRating arrival, StaffRating promises) {
		updateRound("""
				UPDATE complaint_round SET rating_attitude = ?, rating_skill = ?, rating_arrival = ?, rating_promises = ?
				WHERE case_number = ? AND round_no = ?""", name(attitude), name(skill), name(arrival), name(promises),
				caseNumber, round);
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	public void recordFinalDecision(String caseNumber, String decision) {
		update("UPDATE complaint SET final_decision = ? WHERE case_number = ?", decision, caseNumber);
	}

	public void recordOutcome(String caseNumber, Outcome outcome) {
		update("UPDATE complaint SET outcome = ? WHERE case_number = ?", outcome.name(), caseNumber);
	}

	public void close(String caseNumber, String archivedBy, Instant at) {
		update("UPDATE complaint SET status = ?, archived_by = ?, closed_at = ? WHERE case_number = ?",
				CaseStatus.CLOSED.name(), archivedBy, Timestamp.from(at), caseNumber);
	}

	/**
	 * Marks an open case as waiting for the customer; {@code false} when it is closed or waits already.
	 * One conditional statement, so two pauses at once cannot both succeed.
	 */
	public boolean markPaused(String caseNumber, Instant at) {
		return this.jdbc.update("UPDATE complaint SET paused_since = ? WHERE case_number = ? AND paused_since IS NULL"
				+ " AND status = ?", Timestamp.from(at), caseNumber, CaseStatus.OPEN.name()) == 1;
	}

	/**
	 * Ends the wait: the case's close-by moves to {@code closeBy} and the paused working time adds up;
	 * {@code false} when the case was not waiting.
	 */
	public boolean markResumed(String caseNumber, Instant closeBy, long workingSeconds) {
		return this.jdbc.update("""
				UPDATE complaint SET paused_since = NULL, close_by = ?,
				    paused_working_seconds = paused_working_seconds + ?
				WHERE case_number = ? AND paused_since IS NOT NULL""", Timestamp.from(closeBy), workingSeconds,
				caseNumber) == 1;
	}

	public Optional<ComplaintRecord> find(String caseNumber) {
		return this.jdbc.query("SELECT * FROM complaint WHERE case_number = ?", this::complaint, caseNumber)
			.stream()
			.findFirst();
	}

	/**
	 * The case, its row locked until the caller's transaction ends: a duplicate report and the
	 * archiving of the case cannot pass each other (POLICY §2).
	 */
	public Optional<ComplaintRecord> findForUpdate(String caseNumber) {
		return this.jdbc.query("SELECT * FROM complaint WHERE case_number = ? FOR UPDATE", this::complaint, caseNumber)
			.stream()
			.findFirst();
	}

	public List<RoundRecord> rounds(String caseNumber) {
		return this.jdbc.query("SELECT * FROM complaint_round WHERE case_number = ? ORDER BY round_no", this::round,
				caseNumber);
	}

	private void update(String sql, Object... args) {
		if (this.jdbc.update(sql, args) != 1) {
			throw new IllegalStateException("No complaint " + args[args.length - 1] + " in the registry");
		}
	}

	private void updateRound(String sql, Object... args) {
		if (this.jdbc.update(sql, args) != 1) {
			throw new IllegalStateException(
					"No round " + args[args.length - 1] + " of complaint " + args[args.length - 2] + " in the registry");
		}
	}

	private static BigDecimal amount(Double value) {
		return (value != null) ? BigDecimal.valueOf(value) : null;
	}

	private ComplaintRecord complaint(ResultSet rs, int row) throws SQLException {
		return new ComplaintRecord(rs.getString("case_number"), rs.getString("process_instance_id"),
				instant(rs, "received_at"), rs.getString("registered_by"), Channel.valueOf(rs.getString("channel")),
				ComplainantType.valueOf(rs.getString("complainant_type")),
				Category.valueOf(rs.getString("category")), rs.getString("customer_id"),
				rs.getString("customer_name"), rs.getString("contact_phone"), rs.getString("description"),
				Demand.valueOf(rs.getString("demand")), rs.getBigDecimal("claim_amount"),
				rs.getString("product_code"), rs.getString("store_code"), rs.getString("accused_employee"),
				rs.getString("related_case_number"), rs.getInt("complaint_level"), rs.getBoolean("major"),
				rs.getInt("current_round"), bool(rs, "valid"), rs.getString("verification_note"),
				rs.getString("verified_by"), instant(rs, "verified_at"), CaseStatus.valueOf(rs.getString("status")),
				(rs.getString("outcome") != null) ? Outcome.valueOf(rs.getString("outcome")) : null,
				rs.getString("final_decision"), rs.getString("archived_by"), instant(rs, "closed_at"),
				bool(rs, "dismissal_confirmed"), rs.getString("dismissal_ruled_by"), rs.getBoolean("anonymous"),
				rs.getString("contact_email"), instant(rs, "paused_since"), instant(rs, "close_by"),
				rs.getLong("paused_working_seconds"));
	}

	private RoundRecord round(ResultSet rs, int row) throws SQLException {
		return new RoundRecord(rs.getInt("round_no"), rs.getInt("complaint_level"), rs.getBoolean("major"),
				rs.getString("handler_group"), rs.getString("reviewer_group"), rs.getString("callback_group"),
				instant(rs, "started_at"), rs.getString("handled_by"), instant(rs, "handled_at"),
				rs.getString("resolution"), rs.getBigDecimal("compensation_amount"), bool(rs, "company_at_fault"),
				rs.getString("approver_group"), bool(rs, "compensation_approved"), rs.getString("approved_by"),
				bool(rs, "review_approved"), rs.getString("review_comment"), rs.getString("reviewed_by"),
				rs.getInt("rework_count"), rs.getInt("callback_attempts"), bool(rs, "reached"),
				(Integer) rs.getObject("satisfaction", Integer.class), rs.getString("callback_mode"),
				rs.getString("callback_note"), rs.getString("called_back_by"), instant(rs, "called_back_at"),
				rs.getInt("progress_contacts"), rs.getString("approval_comment"),
				new InvestigationReport(rs.getString("cause"), rs.getString("course_of_events"),
						rs.getString("responsible_department"), rs.getString("responsible_person"),
						rs.getString("conclusion"), rs.getString("countermeasures")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

	/** What registration writes. */
	/** A new case: the complaint as taken in, its number and its first classification. */
	public record Registration(String caseNumber, String processInstanceId, Instant receivedAt, String registeredBy,
			NewComplaint complaint, int level, boolean major) {
	}

	/** Who handles, reviews and calls back at a level (decision {@code complaint-routing}). */
	public record Routing(String handlerGroup, String reviewerGroup, String callbackGroup) {
	}

	/** The answer recorded for one callback attempt. */
	public record CallbackAnswer(boolean reached, Integer satisfaction, CallbackMode mode, String note) {
	}

	public record ComplaintRecord(String caseNumber, String processInstanceId, Instant receivedAt,
			String registeredBy, Channel channel, ComplainantType complainantType, Category category,
			String customerId, String customerName, String contactPhone, String description, Demand demand,
			BigDecimal claimAmount, String productCode, String storeCode, String accusedEmployee,
			String relatedCaseNumber, int level, boolean major, int currentRound, Boolean valid,
			String verificationNote, String verifiedBy, Instant verifiedAt, CaseStatus status, Outcome outcome,
			String finalDecision, String archivedBy, Instant closedAt, Boolean dismissalConfirmed,
			String dismissalRuledBy, boolean anonymous, String contactEmail, Instant pausedSince,
			Instant movedCloseBy, long pausedWorkingSeconds) {

		/** Whether the case waits for the customer now (等待客户). */
		public boolean paused() {
			return this.pausedSince != null;
		}

	}

	public record RoundRecord(int round, int level, boolean major, String handlerGroup, String reviewerGroup,
			String callbackGroup, Instant startedAt, String handledBy, Instant handledAt, String resolution,
			BigDecimal compensationAmount, Boolean companyAtFault, String approverGroup,
			Boolean compensationApproved, String approvedBy, Boolean reviewApproved, String reviewComment,
			String reviewedBy, int reworkCount, int callbackAttempts, Boolean reached, Integer satisfaction,
			String callbackMode, String callbackNote, String calledBackBy, Instant calledBackAt,
			int progressContacts, String approvalComment, InvestigationReport investigation) {
	}

	/**
	 * POLICY §5 投诉调查报告: cause (发生原因), course of events (具体经过), responsible department and
	 * person (责任部门、责任人), conclusion (结论) and countermeasures (对策) of one handling round.
	 */
	public record InvestigationReport(String cause, String courseOfEvents, String responsibleDepartment,
			String responsiblePerson, String conclusion, String countermeasures) {
	}

}
