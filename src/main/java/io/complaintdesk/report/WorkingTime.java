package io.complaintdesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import io.complaintdesk.calendar.CalendarProperties;
import io.complaintdesk.calendar.WorkingCalendar;

/**
 * How long something took in working days, the unit POLICY §3 and §5 set their deadlines in: the
 * working hours between two instants divided by the hours of a working day. It is the inverse of
 * {@link WorkingCalendar#plusWorkingDays(Instant, int)}: Monday 10:30 to Tuesday 10:30 is 1, Friday
 * 10:30 to Monday 10:30 is 1, Saturday to Monday 09:00 is 0.
 */
class WorkingTime {

	private final WorkingCalendar calendar;

	private final ZoneId zone;

	private final LocalTime workdayStart;

	private final LocalTime workdayEnd;

	private final double secondsPerDay;

	WorkingTime(WorkingCalendar calendar, CalendarProperties properties) {
		this.calendar = calendar;
		this.zone = properties.zone();
		this.workdayStart = properties.workdayStart();
		this.workdayEnd = properties.workdayEnd();
		this.secondsPerDay = Duration.between(this.workdayStart, this.workdayEnd).toSeconds();
	}

	/** Working days from one instant to a later one; 0 when {@code to} is not after {@code from}. */
	double workingDays(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return 0;
		}
		long seconds = 0;
		LocalDate last = to.atZone(this.zone).toLocalDate();
		for (LocalDate day = from.atZone(this.zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			if (!this.calendar.isWorkingDay(day)) {
				continue;
			}
			Instant start = later(ZonedDateTime.of(day, this.workdayStart, this.zone).toInstant(), from);
			Instant end = earlier(ZonedDateTime.of(day, this.workdayEnd, this.zone).toInstant(), to);
			if (end.isAfter(start)) {
				seconds += Duration.between(start, end).toSeconds();
			}
		}
		return seconds / this.secondsPerDay;
	}

	/**
	 * The p-quantile of the values by linear interpolation between the closest ranks (PostgreSQL's
	 * {@code percentile_cont}, Excel's {@code PERCENTILE.INC}), 2 decimals; 0 for no values.
	 * @param sorted the values in ascending order
	 * @param p between 0 and 1: 0.5 for the median, 0.9 for the 90th percentile
	 */
	static BigDecimal percentile(List<Double> sorted, double p) {
		if (sorted.isEmpty()) {
			return BigDecimal.ZERO.setScale(2);
		}
		double rank = p * (sorted.size() - 1);
		int below = (int) Math.floor(rank);
		int above = Math.min(below + 1, sorted.size() - 1);
		double value = sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
