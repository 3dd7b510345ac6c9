package io.complaintdesk.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The desk's working calendar (POLICY §3, §5, §6 count deadlines in working days). Bound from
 * {@code complaint-desk.calendar} in application.yaml.
 * <p>
 * Mainland China moves working days around its public holidays (调休), so Monday–Friday is not
 * enough: each year's list comes from the State Council's notice (国务院办公厅关于…年部分节假日安排的通知),
 * published around November of the year before. The 2026 list is built in ({@link #OFFICIAL_YEARS});
 * a year configured under {@code years} replaces the built-in list of that year only, so configuring
 * 2027 keeps 2026. A year without a list counts Monday–Friday (see {@link WorkingCalendar}).
 *
 * @param zone time zone in which days and working hours are counted
 * @param workdayStart start of working hours on a working day
 * @param workdayEnd end of working hours (exclusive: 18:00 itself is after hours)
 * @param years holiday list per year; never {@code null}: the configured years over the built-in ones
 */
@Validated
@ConfigurationProperties("complaint-desk.calendar")
public record CalendarProperties(@NotNull @DefaultValue("Asia/Shanghai") ZoneId zone,
		@NotNull @DefaultValue("09:00") LocalTime workdayStart, @NotNull @DefaultValue("18:00") LocalTime workdayEnd,
		Map<Integer, Year> years) {

	/**
	 * Built-in holiday lists, so the desk counts correctly with nothing configured: 2026 from
	 * 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
	 */
	public static final Map<Integer, Year> OFFICIAL_YEARS = Map.of(2026, new Year(
			days(range("2026-01-01", "2026-01-03"), // 元旦
					range("2026-02-15", "2026-02-23"), // 春节
					range("2026-04-04", "2026-04-06"), // 清明节
					range("2026-05-01", "2026-05-05"), // 劳动节
					range("2026-06-19", "2026-06-21"), // 端午节
					range("2026-09-25", "2026-09-27"), // 中秋节
					range("2026-10-01", "2026-10-07")), // 国庆节
			days(Stream.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")
				.map(LocalDate::parse))));

	public CalendarProperties {
		if (workdayStart != null && workdayEnd != null && !workdayStart.isBefore(workdayEnd)) {
			throw new IllegalArgumentException("complaint-desk.calendar.workday-start (" + workdayStart
					+ ") must be before workday-end (" + workdayEnd + ")");
		}
		SortedMap<Integer, Year> merged = new TreeMap<>(OFFICIAL_YEARS);
		if (years != null) {
			years.forEach((year, list) -> merged.put(year, (list != null) ? list : new Year(null, null)));
		}
		merged.forEach(CalendarProperties::check);
		years = Collections.unmodifiableSortedMap(merged);
	}

	/**
	 * The days of one year that differ from Monday–Friday; a list left out is empty.
	 *
	 * @param holidays days off (放假), weekdays and the weekend days inside a holiday week alike
	 * @param adjustedWorkingDays weekend days that are working days (调休上班)
	 */
	public record Year(List<LocalDate> holidays, List<LocalDate> adjustedWorkingDays) {

		public Year {
			holidays = (holidays != null) ? List.copyOf(holidays) : List.of();
			adjustedWorkingDays = (adjustedWorkingDays != null) ? List.copyOf(adjustedWorkingDays) : List.of();
		}

	}

	// a typo in the YAML (wrong year, a weekday as 调休) fails at start instead of moving a deadline
	private static void check(int year, Year list) {
		String where = "complaint-desk.calendar.years." + year;
		List<LocalDate> listed = new ArrayList<>(list.holidays());
		listed.addAll(list.adjustedWorkingDays());
		for (LocalDate day : listed) {
			if (day.getYear() != year) {
				throw new IllegalArgumentException(where + " lists " + day + ", a day of another year");
			}
		}
		for (LocalDate day : list.adjustedWorkingDays()) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				throw new IllegalArgumentException(where + ".adjusted-working-days lists " + day + ", a "
						+ day.getDayOfWeek() + ": only a Saturday or Sunday can be an adjusted working day");
			}
		}
		Set<LocalDate> both = new HashSet<>(list.holidays());
		both.retainAll(list.adjustedWorkingDays());
		if (!both.isEmpty()) {
			throw new IllegalArgumentException(where + " lists " + both + " both as holiday and as working day");
		}
	}

	@SafeVarargs
	private static List<LocalDate> days(Stream<LocalDate>... ranges) {
		return Stream.of(ranges).flatMap((range) -> range).toList();
	}

	private static Stream<LocalDate> range(String first, String last) {
		return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1));
	}

}
