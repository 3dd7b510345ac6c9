package io.complaintdesk.complaint.handling;

import java.math.BigDecimal;
import java.time.Clock;
import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Refusal;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.ComplaintRegistry.InvestigationReport;
import io.complaintdesk.engine.Actors;
import io.complaintdesk.base.TaskInput;

/**
 * Completion of "Handle complaint" (POLICY §5): the resolution, any compensation (at most
 * {@code complaint-desk.handling.max-compensation-per-case}), whether the company was at fault,
 * and the investigation report (投诉调查报告: cause, course of events, responsible department and
 * person, conclusion, countermeasures). Whoever completes it is the round's handler, whom the
 * approver and reviewer may not be and to whom a refusal or send-back returns. A new proposal
 * clears the approval and review of the previous one. Bad input is refused, nothing changes.
 */
@Component("recordHandling")
class RecordHandlingListener implements TaskListener {

	private final ComplaintRegistry registry;

	private final Clock clock;

	private final HandlingProperties properties;

	private final FourEyes fourEyes;

	RecordHandlingListener(ComplaintRegistry registry, Clock clock, HandlingProperties properties,
			FourEyes fourEyes) {
		this.clock = clock;
		this.registry = registry;
		this.properties = properties;
		this.fourEyes = fourEyes;
	}

	@Override
	public void notify(DelegateTask task) {
		String resolution = TaskInput.requireText(task, RESOLUTION);
		double amount = COMPENSATION_AMOUNT.getOrDefault(task, 0.0);
		if (amount < 0 || Double.isNaN(amount) || Double.isInfinite(amount)) {
			throw Refusal.of("refusal.compensationAmount");
		}
		BigDecimal limit = this.properties.maxCompensationPerCase();
		if (BigDecimal.valueOf(amount).compareTo(limit) > 0) {
			throw Refusal.of("refusal.compensationLimit", limit.toPlainString());
		}
		InvestigationReport report = new InvestigationReport(TaskInput.optionalText(task, CAUSE),
				TaskInput.optionalText(task, COURSE_OF_EVENTS), TaskInput.requireText(task, RESPONSIBLE_DEPARTMENT),
				TaskInput.optionalText(task, RESPONSIBLE_PERSON), TaskInput.optionalText(task, CONCLUSION),
				TaskInput.optionalText(task, COUNTERMEASURES));
		boolean atFault = COMPANY_AT_FAULT.getOrDefault(task, false);
		String handler = Actors.of(task);
		COMPENSATION_AMOUNT.set(task, amount);
		COMPANY_AT_FAULT.set(task, atFault);
		RESPONSIBLE_DEPARTMENT.set(task, report.responsibleDepartment());
		ROUND_HANDLER.set(task, handler);
		REVIEWER_GROUP.set(task,
				this.fourEyes.groupFor(REVIEWER_GROUP.require(task), handler, ACCUSED_EMPLOYEE.get(task)));
		COMPENSATION_APPROVED.remove(task);
		REVIEW_APPROVED.remove(task);
		this.registry.recordHandling(CASE_NUMBER.require(task), ROUND.require(task), handler, this.clock.instant(),
				resolution, amount, atFault, report);
	}

}
