package io.complaintdesk.complaint.deadline;

import org.springframework.stereotype.Service;

import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.ComplaintRegistry.ComplaintRecord;
import io.complaintdesk.notification.Notifications;
import io.complaintdesk.penalty.PenaltyLedger;
import io.complaintdesk.penalty.PenaltyRule;
import io.complaintdesk.complaint.ComplaintMetrics;
import io.complaintdesk.base.Groups;
import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;

/**
 * A missed deadline that costs a penalty (POLICY §7): the entry against the person responsible,
 * the supervisors told, the breach counted. Idempotent: a timer job that runs twice records,
 * notifies and counts once.
 */
@Service
class Breaches {

	private final PenaltyLedger penalties;

	private final Notifications notifications;

	private final ComplaintMetrics metrics;

	private final ComplaintRegistry registry;

	Breaches(PenaltyLedger penalties, Notifications notifications, ComplaintMetrics metrics,
			ComplaintRegistry registry) {
		this.registry = registry;
		this.penalties = penalties;
		this.notifications = notifications;
		this.metrics = metrics;
	}

	/**
	 * @param detail what the ledger entry says, for the supervisor who reviews it (kept in Chinese)
	 * @param subject the mail's subject (Chinese)
	 * @param body the mail's text: Chinese, then English
	 */
	void record(String caseNumber, String responsible, PenaltyRule rule, String occurrence, Text detail,
			Text subject, Text body) {
		record(caseNumber, responsible, rule, occurrence, detail, Groups.SUPERVISORS, subject, body);
	}

	/** The same, telling {@code group} (e.g. the level above the handler) instead of the supervisors. */
	void record(String caseNumber, String responsible, PenaltyRule rule, String occurrence, Text detail, String group,
			Text subject, Text body) {
		if (this.penalties.record(caseNumber, responsible, rule, occurrence, Messages.chinese(detail))) {
			this.metrics.deadlineBreached(rule.name());
		}
		String accused = this.registry.find(caseNumber).map(ComplaintRecord::accusedEmployee).orElse(null);
		this.notifications.notifyGroupExcept(rule.name().toLowerCase() + ":" + caseNumber + ":" + occurrence,
				caseNumber, group, accused, Messages.chinese(subject),
				Messages.bilingual(Text.of("notification.breach.body", body, responsible)));
	}

}
