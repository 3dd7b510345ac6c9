package io.complaintdesk.customer.review;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import io.complaintdesk.calendar.WorkingCalendar;

/**
 * Due date of "Approve tier changes", used as
 * {@code camunda:dueDate="${tierReviewDeadlines.approval(execution)}"}: counted in working days from
 * when the proposal was made, 5 when a VIP client with problems in the period is downgraded (POLICY
 * §8: within 5 days), else 10.
 */
@Component("tierReviewDeadlines")
public class TierReviewDeadlines {

	private final TierReviewProperties properties;

	private final WorkingCalendar calendar;

	private final Clock clock;

	TierReviewDeadlines(TierReviewProperties properties, WorkingCalendar calendar, Clock clock) {
		this.clock = clock;
		this.properties = properties;
		this.calendar = calendar;
	}

	public Date approval(VariableScope scope) {
		Date reviewedAt = ClientTierReview.REVIEWED_AT.get(scope);
		Instant from = (reviewedAt != null) ? reviewedAt.toInstant() : this.clock.instant();
		int days = ClientTierReview.VIP_DOWNGRADE_FOR_PROBLEMS.getOrDefault(scope, false)
				? this.properties.vipDowngradeWorkingDays() : this.properties.approvalWorkingDays();
		return Date.from(this.calendar.plusWorkingDays(from, days));
	}

}
