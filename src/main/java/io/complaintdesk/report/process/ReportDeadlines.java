package io.complaintdesk.report.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

import io.complaintdesk.calendar.CalendarProperties;
import io.complaintdesk.calendar.WorkingCalendar;
import io.complaintdesk.report.ReportPeriod;

/**
 * Due date of "Release the report" (POLICY §10), at the end of working hours
 * ({@code complaint-desk.calendar.workday-end}, 18:00) in the calendar's zone:
 * <ul>
 * <li>weekly report (投诉周报): the working day of the run, or {@code weekly-release-working-days}
 * working days later; a run on a holiday or after hours counts from the next working day;</li>
 * <li>monthly statistics (投诉统计表): the {@code monthly-release-day} (10th) of the month after the
 * period (每月初10日内), even when that is not a working day — but never earlier than a weekly report
 * prepared at the same time would be due, so a monthly report asked for late is not overdue at once.</li>
 * </ul>
 */
@Component("reportDeadlines")
public class ReportDeadlines {

	private final ReportProcessProperties properties;

	private final WorkingCalendar calendar;

	private final CalendarProperties hours;

	ReportDeadlines(ReportProcessProperties properties, WorkingCalendar calendar, CalendarProperties hours) {
		this.properties = properties;
		this.calendar = calendar;
		this.hours = hours;
	}

	/** When the report of this period, prepared at that instant, is to be released. */
	public Instant release(ReportPeriod period, Instant preparedAt) {
		Instant weekly = endOfWorkingDay(
				this.calendar.plusWorkingDays(preparedAt, this.properties.weeklyReleaseWorkingDays()));
		if (!ReportRuns.MONTHLY.equals(ReportRuns.kind(period))) {
			return weekly;
		}
		LocalDate due = YearMonth.parse(period.label()).plusMonths(1).atDay(this.properties.monthlyReleaseDay());
		Instant monthly = ZonedDateTime.of(due, this.hours.workdayEnd(), this.hours.zone()).toInstant();
		return monthly.isBefore(weekly) ? weekly : monthly;
	}

	private Instant endOfWorkingDay(Instant withinWorkingDay) {
		LocalDate day = withinWorkingDay.atZone(this.hours.zone()).toLocalDate();
		return ZonedDateTime.of(day, this.hours.workdayEnd(), this.hours.zone()).toInstant();
	}

}
