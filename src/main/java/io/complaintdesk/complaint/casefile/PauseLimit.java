package io.complaintdesk.complaint.casefile;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import io.complaintdesk.calendar.WorkingCalendar;

/**
 * When a pause has lasted too long: {@code max-pause-working-days} working days after it began
 * (default 10), the timer date of {@code case-pause-watch} ({@code ${pauseLimit.reportAt(execution)}}).
 */
@Component("pauseLimit")
public class PauseLimit {

	private final WorkingCalendar calendar;

	private final CaseFileProperties properties;

	PauseLimit(WorkingCalendar calendar, CaseFileProperties properties) {
		this.calendar = calendar;
		this.properties = properties;
	}

	public Date reportAt(VariableScope scope) {
		return this.calendar.plusWorkingDays(PauseWatchProcess.PAUSED_AT.require(scope),
				this.properties.maxPauseWorkingDays());
	}

}
