package io.complaintdesk.complaint.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Groups;
import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;
import io.complaintdesk.notification.Notifications;

/**
 * A case has waited for the customer longer than allowed: the supervisors are told through the
 * outbox, once per pause (the employee the case is about is left out, POLICY §1).
 */
@Component("reportLongPause")
class ReportLongPauseDelegate implements JavaDelegate {

	private final Notifications notifications;

	private final CaseFileProperties properties;

	ReportLongPauseDelegate(Notifications notifications, CaseFileProperties properties) {
		this.notifications = notifications;
		this.properties = properties;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = PauseWatchProcess.CASE_NUMBER.require(execution);
		String reason = PauseWatchProcess.PAUSE_REASON.get(execution);
		int days = this.properties.maxPauseWorkingDays();
		this.notifications.notifyGroupExcept(
				"pause-too-long:" + caseNumber + ":" + PauseWatchProcess.PAUSED_AT.require(execution).getTime(),
				caseNumber, Groups.SUPERVISORS, PauseWatchProcess.ACCUSED_EMPLOYEE.get(execution),
				Messages.chinese(Text.of("notification.pauseTooLong.subject", caseNumber, days)),
				Messages.bilingual(Text.of("notification.pauseTooLong.body", caseNumber, days, reason,
						PauseWatchProcess.PAUSED_BY.get(execution))));
	}

}
