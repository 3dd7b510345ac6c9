package io.complaintdesk.complaint.casefile;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.complaintdesk.calendar.WorkingCalendar;
import io.complaintdesk.complaint.FinishedPauses;

/** The ended pauses of a case, from {@code case_pause}, in working time as the resume counted them. */
@Component
class CasePauseHistory implements FinishedPauses {

	private final CasePauses pauses;

	private final WorkingCalendar calendar;

	CasePauseHistory(CasePauses pauses, WorkingCalendar calendar) {
		this.pauses = pauses;
		this.calendar = calendar;
	}

	@Override
	public Duration workingTimeAfter(String caseNumber, Instant from) {
		Duration total = Duration.ZERO;
		for (CasePauses.Pause pause : this.pauses.of(caseNumber)) {
			if (pause.resumedAt() != null && pause.resumedAt().isAfter(from)) {
				Instant start = pause.pausedAt().isAfter(from) ? pause.pausedAt() : from;
				total = total.plus(this.calendar.workingTimeBetween(start, pause.resumedAt()));
			}
		}
		return total;
	}

}
