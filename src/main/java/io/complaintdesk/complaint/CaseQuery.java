package io.complaintdesk.complaint;

import io.complaintdesk.engine.Privileged;
import java.time.Clock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import io.complaintdesk.base.Reader;

import io.complaintdesk.complaint.ComplaintRegistry.ComplaintRecord;
import io.complaintdesk.complaint.DuplicateReports.DuplicateReport;
import io.complaintdesk.complaint.ComplaintRegistry.RoundRecord;

/** A case as staff see it through {@code GET /api/complaints/{caseNumber}}. */
@Service
class CaseQuery {

	private final ComplaintRegistry registry;

	private final TaskService tasks;

	private final Privileged privileged;

	private final Deadlines deadlines;

	private final Clock clock;

	private final CaseAccess access;

	private final DuplicateReports duplicateReports;

	CaseQuery(ComplaintRegistry registry, TaskService tasks, Privileged privileged, Deadlines deadlines, Clock clock,
			CaseAccess access, DuplicateReports duplicateReports) {
		this.duplicateReports = duplicateReports;
		this.access = access;
		this.clock = clock;
		this.registry = registry;
		this.tasks = tasks;
		this.privileged = privileged;
		this.deadlines = deadlines;
	}

	/** The case, if it exists and the reader may read it (one rule: {@link CaseAccess}). */
	Optional<CaseView> find(String caseNumber, Reader reader) {
		return this.registry.find(caseNumber).filter((c) -> this.access.mayRead(reader, c)).map(this::view);
	}

	ComplaintRegistry.SearchPage search(ComplaintRegistry.CaseSearch search, Reader reader) {
		return this.registry.search(search, this.access.visibility(reader), reader.userId());
	}

	/** The start of a day of the desk's zone. */
	Instant startOf(LocalDate day) {
		return day.atStartOfDay(this.clock.getZone()).toInstant();
	}

	CaseSummary summary(ComplaintRecord c) {
		Instant closeBy = this.deadlines.closeBy(c);
		return new CaseSummary(c.caseNumber(), c.status(), c.level(), c.major(), c.currentRound(), c.outcome(),
				c.receivedAt(), closeBy, c.status() == CaseStatus.OPEN && !c.paused() && this.clock.instant().isAfter(closeBy),
				c.channel(), c.category(), c.customerId(), c.customerName(), c.productCode(), c.storeCode(), c.paused());
	}

	private CaseView view(ComplaintRecord c) {
		Instant closeBy = this.deadlines.closeBy(c);
		// a case waiting for the customer is not overdue while it waits (its clocks stand still)
		boolean overdue = c.status() == CaseStatus.OPEN && !c.paused() && this.clock.instant().isAfter(closeBy);
		List<OpenTask> openTasks = (c.status() == CaseStatus.OPEN) ? openTasks(c.caseNumber()) : List.of();
		return new CaseView(c.caseNumber(), c.processInstanceId(), c.status(), c.level(), c.major(), c.currentRound(),
				c.outcome(), c.receivedAt(), c.closedAt(), new CaseDeadlines(closeBy, overdue), c.channel(),
				c.complainantType(), c.category(), c.demand(), c.claimAmount(), c.customerId(), c.customerName(),
				c.description(), c.productCode(), c.storeCode(), c.valid(), c.verificationNote(), c.finalDecision(),
				this.registry.rounds(c.caseNumber()), openTasks, c.anonymous(), this.duplicateReports.of(c.caseNumber()),
				c.paused(), c.pausedSince(), c.relatedCaseNumber());
	}

	// anyone reading the case sees which steps are open, also those of other groups
	private List<OpenTask> openTasks(String caseNumber) {
		return this.privileged.run(() -> this.tasks.createTaskQuery()
				.processInstanceBusinessKey(caseNumber)
				.orderByTaskCreateTime()
				.asc()
				.unlimitedList()
				.stream()
				.map(CaseQuery::openTask)
				.toList());
	}

	private static OpenTask openTask(Task task) {
		return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
				task.getCreateTime().toInstant(), (task.getDueDate() != null) ? task.getDueDate().toInstant() : null);
	}

	record CaseView(String caseNumber, String processInstanceId, CaseStatus status, int level, boolean major,
			int round, Outcome outcome, Instant receivedAt, Instant closedAt, CaseDeadlines deadlines, Channel channel,
			ComplainantType complainantType, Category category, Demand demand, BigDecimal claimAmount,
			String customerId, String customerName, String description, String productCode, String storeCode,
			Boolean valid, String verificationNote, String finalDecision, List<RoundRecord> rounds,
			List<OpenTask> openTasks, boolean anonymous, List<DuplicateReport> duplicateReports, boolean paused,
			Instant pausedSince, String relatedCaseNumber) {
	}

	/** One line of the search's answer. */
	record CaseSummary(String caseNumber, CaseStatus status, int level, boolean major, int round, Outcome outcome,
			Instant receivedAt, Instant closeBy, boolean overdue, Channel channel, Category category,
			String customerId, String customerName, String productCode, String storeCode, boolean paused) {
	}

	record CaseDeadlines(Instant closeBy, boolean overdue) {
	}

	record OpenTask(String id, String taskDefinitionKey, String name, String assignee, Instant created,
			Instant due) {
	}

}
