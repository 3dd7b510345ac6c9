package io.complaintdesk.complaint.major;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.notification.Notifications;
import io.complaintdesk.base.Groups;

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
		String subject = "Major complaint " + caseNumber + ": early warning (重大投诉预警)";
		String body = "Complaint " + caseNumber + " of " + CUSTOMER_NAME.get(execution) + " via "
				+ CHANNEL.get(execution) + " is classified major (level " + LEVEL.get(execution) + "): "
				+ DESCRIPTION.get(execution) + "\n\nPOLICY §4: brand and legal are warned within 24 hours; the general "
				+ "manager convenes the crisis team.";
		String accused = ACCUSED_EMPLOYEE.get(execution);
		this.notifications.notifyGroupExcept("major-warning:" + caseNumber + ":" + Groups.BRAND_LEGAL, caseNumber,
				Groups.BRAND_LEGAL, accused, subject, body);
		this.notifications.notifyGroupExcept("major-warning:" + caseNumber + ":" + Groups.GM, caseNumber, Groups.GM,
				accused, subject, body);
	}

}
