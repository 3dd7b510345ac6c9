package io.complaintdesk.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Working days and working hours of the desk, for the deadlines POLICY counts in working days
 * ("within 1 working day of receipt", §3 and §5; every 3 working days, §5).
 * <p>
 * A day is a working day when the holiday list of its year names it an adjusted working day (调休上班),
 * else when the list names it a holiday it is not, else when it is Monday to Friday. A year without a
 * list under {@code complaint-desk.calendar.years} counts Monday–Friday and logs a warning once: add
 * the list when the State Council publishes it. Working hours are {@code workday-start} (inclusive) to
 * {@code workday-end} (exclusive) of a working day, in {@code complaint-desk.calendar.zone}.
 * <p>
 * Models use it as bean {@code workingCalendar}, e.g.
 * {@code camunda:dueDate="${workingCalendar.plusWorkingDays(receivedAt, 1)}"}.
 */
@Service
public class WorkingCalendar {

	private static final Logger logger = LoggerFactory.getLogger(WorkingCalendar.class);

	private final ZoneId zone;

	private final LocalTime workdayStart;

	private final LocalTime workdayEnd;

	/** the days that differ from Monday–Friday: {@code false} for a holiday, {@code true} for 调休 */
	private final Map<LocalDate, Boolean> exceptions = new HashMap<>();

	private final Set<Integer> listedYears;

	private final Set<Integer> yearsWithoutList = ConcurrentHashMap.newKeySet();

	/** Public so that tests of other packages can build one from plain properties, without Spring. */
	public WorkingCalendar(CalendarProperties properties) {
		this.zone = properties.zone();
		this.workdayStart = properties.workdayStart();
		this.workdayEnd = properties.workdayEnd();
		this.listedYears = Set.copyOf(properties.years().keySet());
		properties.years().values().forEach((year) -> {
			year.holidays().forEach((day) -> this.exceptions.put(day, false));
			year.adjustedWorkingDays().forEach((day) -> this.exceptions.put(day, true));
		});
	}

	/** Whether the day is a working day (see the class comment for the rule). */
	public boolean isWorkingDay(LocalDate day) {
		Objects.requireNonNull(day, "day");
		if (!this.listedYears.contains(day.getYear())) {
			warnOnce(day.getYear());
		}
		Boolean exception = this.exceptions.get(day);
		if (exception != null) {
			return exception;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** Whether the instant falls on a working day, from {@code workday-start} up to (not including) {@code workday-end}. */
	public boolean isWithinWorkingHours(Instant t) {
		ZonedDateTime local = t.atZone(this.zone);
		LocalTime time = local.toLocalTime();
		return isWorkingDay(local.toLocalDate()) && !time.isBefore(this.workdayStart) && time.isBefore(this.workdayEnd);
	}

	/** The first working day strictly after the given day. */
	public LocalDate nextWorkingDay(LocalDate day) {
		LocalDate next = day.plusDays(1);
		while (!isWorkingDay(next)) {
			next = next.plusDays(1);
		}
		return next;
	}

	/**
	 * "N working days after T" (POLICY §3: "within 1 working day of receipt"), in the calendar's zone.
	 * <ol>
	 * <li>T is moved to the start of the time it can be worked on: T on a working day before
	 * {@code workday-start} counts as {@code workday-start} of that day; T on a non-working day, or at
	 * or after {@code workday-end}, counts as {@code workday-start} of the next working day.
	 * T within working hours stays as it is.</li>
	 * <li>The result is that time of day on the N-th working day after that day; N = 0 gives the
	 * moved T itself.</li>
	 * </ol>
	 * Examples for 1 working day, 09:00–18:00: Mon 10:30 → Tue 10:30; Fri 10:30 → Mon 10:30; Fri
	 * 19:00 or Sat 11:00 → counted from Mon 09:00 → Tue 09:00; Fri 2026-02-13 10:30 → Sat 2026-02-14
	 * 10:30 (调休); Wed 2026-09-30 10:30 → Thu 2026-10-08 10:30 (National Day week).
	 *
	 * @param from the instant counted from, e.g. receipt of the complaint
	 * @param days how many working days, not negative
	 * @return the deadline
	 */
	public Instant plusWorkingDays(Instant from, int days) {
		Objects.requireNonNull(from, "from");
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative, was " + days);
		}
		ZonedDateTime local = from.atZone(this.zone);
		LocalDate day = local.toLocalDate();
		LocalTime time = local.toLocalTime();
		if (!isWorkingDay(day) || !time.isBefore(this.workdayEnd)) {
			day = nextWorkingDay(day);
			time = this.workdayStart;
		}
		else if (time.isBefore(this.workdayStart)) {
			time = this.workdayStart;
		}
		for (int i = 0; i < days; i++) {
			day = nextWorkingDay(day);
		}
		return ZonedDateTime.of(day, time, this.zone).toInstant();
	}

	/**
	 * The start of working hours on the N-th working day after the day of {@code from}, e.g. the
	 * next attempt at a callback (POLICY §6: attempts on different days): Mon 17:00 and 1 → Tue 09:00;
	 * Fri 10:00 and 1 → Mon 09:00.
	 */
	public Instant startOfWorkingDayAfter(Instant from, int days) {
		Objects.requireNonNull(from, "from");
		LocalDate day = from.atZone(this.zone).toLocalDate();
		for (int i = 0; i < Math.max(days, 1); i++) {
			day = nextWorkingDay(day);
		}
		return ZonedDateTime.of(day, this.workdayStart, this.zone).toInstant();
	}

	/**
	 * {@link #plusWorkingDays(Instant, int)} for the {@code Date} variables of the process models,
	 * e.g. {@code ${workingCalendar.plusWorkingDays(receivedAt, 1)}}.
	 */
	public Date plusWorkingDays(Date from, int days) {
		Objects.requireNonNull(from, "from");
		// getTime(), not toInstant(): java.sql.Date refuses toInstant()
		return Date.from(plusWorkingDays(Instant.ofEpochMilli(from.getTime()), days));
	}

	/**
	 * The working time between two instants: the part of {@code [from, to)} that lies within working
	 * hours of working days (e.g. Friday 17:00 to Monday 10:00 is 2 hours with 09:00–18:00). Zero when
	 * {@code to} is not after {@code from}. How long a case waited for the customer (等待客户).
	 */
	public Duration workingTimeBetween(Instant from, Instant to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Duration total = Duration.ZERO;
		if (!to.isAfter(from)) {
			return total;
		}
		LocalDate last = to.atZone(this.zone).toLocalDate();
		for (LocalDate day = from.atZone(this.zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			Instant start = ZonedDateTime.of(day, this.workdayStart, this.zone).toInstant();
			Instant end = ZonedDateTime.of(day, this.workdayEnd, this.zone).toInstant();
			start = start.isAfter(from) ? start : from;
			end = end.isBefore(to) ? end : to;
			if (end.isAfter(start)) {
				total = total.plus(Duration.between(start, end));
			}
		}
		return total;
	}

	/**
	 * The instant that lies the given working time after {@code from}, counting only working hours of
	 * working days: the inverse of {@link #workingTimeBetween}. A deadline moves by this when a paused
	 * case resumes: Monday 17:00 plus 2 working hours is Tuesday 10:00 with 09:00–18:00. A deadline
	 * outside working hours first moves to the next working hour's start, unless nothing is added.
	 */
	public Instant plusWorkingTime(Instant from, Duration workingTime) {
		Objects.requireNonNull(from, "from");
		if (workingTime.isNegative()) {
			throw new IllegalArgumentException("workingTime must not be negative, was " + workingTime);
		}
		if (workingTime.isZero()) {
			return from;
		}
		Duration left = workingTime;
		ZonedDateTime at = from.atZone(this.zone);
		LocalDate day = at.toLocalDate();
		LocalTime time = at.toLocalTime();
		if (!isWorkingDay(day) || !time.isBefore(this.workdayEnd)) {
			day = nextWorkingDay(day);
			time = this.workdayStart;
		}
		else if (time.isBefore(this.workdayStart)) {
			time = this.workdayStart;
		}
		while (true) {
			Duration restOfDay = Duration.between(time, this.workdayEnd);
			if (left.compareTo(restOfDay) <= 0) {
				return ZonedDateTime.of(day, time, this.zone).plus(left).toInstant();
			}
			left = left.minus(restOfDay);
			day = nextWorkingDay(day);
			time = this.workdayStart;
		}
	}

	/** The years counted Monday–Friday for want of a holiday list so far (each warned about once). */
	Set<Integer> yearsWithoutList() {
		return new TreeSet<>(this.yearsWithoutList);
	}

	private void warnOnce(int year) {
		if (this.yearsWithoutList.add(year)) {
			logger.warn("no holiday list for {} configured under complaint-desk.calendar.years; counting Monday–Friday",
					year);
		}
	}

}
