package io.complaintdesk.complaint.major;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.notification.Notifications;
import io.complaintdesk.base.Groups;
import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;
import io.complaintdesk.complaint.ComplaintTexts;

/** Service task "Warn brand and legal (预警报备)": notifications to brand/legal and the GM. */
@Component("warnBrandAndLegal")
class WarnBrandAndLegalDelegate implements JavaDelegate {

	private final Notifications notifications;

	WarnBrandAndLegalDelegate(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = CASE_NUMBER.require(execution);
		String subject = Messages.chinese(Text.of("notification.majorWarning.subject", caseNumber));
		Text warning = Text.of("notification.majorWarning.body", caseNumber,
				ComplaintTexts.complainant(CUSTOMER_NAME.get(execution)), CHANNEL.get(execution),
				ComplaintTexts.level(LEVEL.get(execution)));
		// Chinese first, with what happened in the customer's words; the warning once more in English
		String body = Messages.chinese(warning) + "\n\n"
				+ Messages.chinese(Text.of("notification.description", DESCRIPTION.get(execution))) + "\n\n"
				+ Messages.english(warning);
		String accused = ACCUSED_EMPLOYEE.get(execution);
		this.notifications.notifyGroupExcept("major-warning:" + caseNumber + ":" + Groups.BRAND_LEGAL, caseNumber,
				Groups.BRAND_LEGAL, accused, subject, body);
		this.notifications.notifyGroupExcept("major-warning:" + caseNumber + ":" + Groups.GM, caseNumber, Groups.GM,
				accused, subject, body);
	}

}
