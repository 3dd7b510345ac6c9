package io.complaintdesk.complaint.deadline;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.notification.Notifications;
import io.complaintdesk.complaint.ComplaintMetrics;
import io.complaintdesk.base.Groups;
import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;
import io.complaintdesk.complaint.ComplaintTexts;

/**
 * An open case past its deadline is reported to the next level up (POLICY §5 逾期反映): the
 * reviewer group of the current level, the supervisors before the case was routed. The case
 * keeps running; the level above acknowledges the report in its own task.
 */
@Component("reportOverdueCase")
class ReportOverdueCaseDelegate implements JavaDelegate {

	private final Notifications notifications;

	private final ComplaintMetrics metrics;

	ReportOverdueCaseDelegate(Notifications notifications, ComplaintMetrics metrics) {
		this.notifications = notifications;
		this.metrics = metrics;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = CASE_NUMBER.require(execution);
		String group = REVIEWER_GROUP.getOrDefault(execution, Groups.SUPERVISORS);
		OVERDUE_REPORT_GROUP.set(execution, group);
		this.metrics.deadlineBreached("CASE_OVERDUE");
		this.notifications.notifyGroupExcept("case-overdue:" + caseNumber, caseNumber, group,
				ACCUSED_EMPLOYEE.get(execution),
				Messages.chinese(Text.of("notification.caseOverdue.subject", caseNumber)),
				Messages.bilingual(Text.of("notification.caseOverdue.body", caseNumber,
						ComplaintTexts.complainant(CUSTOMER_NAME.get(execution)),
						ComplaintTexts.level(LEVEL.get(execution)))));
	}

}
