package io.complaintdesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.ExpressionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * The working calendar with the built-in 2026 list of mainland China (国务院办公厅关于2026年部分节假日
 * 安排的通知): weekends, holiday weeks with their adjusted Saturdays and Sundays (调休), working hours,
 * the year boundary into 2027 (no list yet: Monday–Friday, warned once) and configured years. The
 * properties are bound by Spring Boot's binder, as the application does, but without a context.
 */
class WorkingCalendarTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final Logger logger = (Logger) LoggerFactory.getLogger(WorkingCalendar.class);

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final WorkingCalendar calendar = calendar(Map.of());

	@BeforeEach
	void captureLog() {
		this.log.start();
		this.logger.addAppender(this.log);
	}

	@AfterEach
	void releaseLog() {
		this.logger.detachAppender(this.log);
	}

	@Test
	void shouldBindTheDefaults() {
		CalendarProperties properties = bind(Map.of());

		assertThat(properties.zone()).isEqualTo(SHANGHAI);
		assertThat(properties.workdayStart()).isEqualTo(LocalTime.of(9, 0));
		assertThat(properties.workdayEnd()).isEqualTo(LocalTime.of(18, 0));
		assertThat(properties.years()).containsOnlyKeys(2026);
		assertThat(properties.years().get(2026).holidays()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
		assertThat(properties.years().get(2026).adjustedWorkingDays()).containsExactly(day("2026-01-04"),
				day("2026-02-14"), day("2026-02-28"), day("2026-05-09"), day("2026-09-20"), day("2026-10-10"));
	}

	@Test
	void shouldBindTheYamlOfTheReadmeToTheBuiltInList() throws IOException {
		String yaml = """
				complaint-desk:
				  calendar:
				    zone: Asia/Shanghai
				    workday-start: "09:00"
				    workday-end: "18:00"
				    years:
				      2026:
				        holidays: [
				          2026-01-01, 2026-01-02, 2026-01-03,  # 元旦
				          2026-02-15, 2026-02-16, 2026-02-17, 2026-02-18, 2026-02-19, 2026-02-20, 2026-02-21,
				          2026-02-22, 2026-02-23,  # 春节
				          2026-04-04, 2026-04-05, 2026-04-06,  # 清明节
				          2026-05-01, 2026-05-02, 2026-05-03, 2026-05-04, 2026-05-05,  # 劳动节
				          2026-06-19, 2026-06-20, 2026-06-21,  # 端午节
				          2026-09-25, 2026-09-26, 2026-09-27,  # 中秋节
				          2026-10-01, 2026-10-02, 2026-10-03, 2026-10-04, 2026-10-05, 2026-10-06, 2026-10-07 ]  # 国庆节
				        # weekend days worked (调休上班)
				        adjusted-working-days: [2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10]
				""";
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yaml",
				new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
		CalendarProperties properties = new Binder(ConfigurationPropertySources.from(sources))
			.bindOrCreate("complaint-desk.calendar", CalendarProperties.class);

		assertThat(properties).isEqualTo(bind(Map.of()));
	}

	@Test
	void shouldCountAcrossAWeekend() {
		assertThat(this.calendar.isWorkingDay(day("2026-03-06"))).isTrue(); // Friday
		assertThat(this.calendar.isWorkingDay(day("2026-03-07"))).isFalse(); // Saturday
		assertThat(this.calendar.isWorkingDay(day("2026-03-08"))).isFalse(); // Sunday
		assertThat(plusWorkingDays("2026-03-06T10:30", 1)).isEqualTo("2026-03-09T10:30"); // Fri → Mon
		assertThat(plusWorkingDays("2026-03-05T10:30", 3)).isEqualTo("2026-03-10T10:30"); // Thu → Tue
		assertThat(this.calendar.nextWorkingDay(day("2026-03-06"))).isEqualTo("2026-03-09");
	}

	@Test
	void shouldCountTheAdjustedSaturdayBeforeTheSpringFestival() {
		// registered on the last working day before the Spring Festival week: the adjusted Saturday is due
		assertThat(plusWorkingDays("2026-02-13T10:30", 1)).isEqualTo("2026-02-14T10:30");
	}

	@Test
	void shouldSkipTheSpringFestivalWeek() {
		assertThat(day("2026-02-15").datesUntil(day("2026-02-24"))).noneMatch(this.calendar::isWorkingDay);
		assertThat(plusWorkingDays("2026-02-14T10:30", 1)).isEqualTo("2026-02-24T10:30"); // Sat (调休) → Tue
		assertThat(plusWorkingDays("2026-02-13T10:30", 2)).isEqualTo("2026-02-24T10:30");
		assertThat(plusWorkingDays("2026-02-27T10:30", 1)).isEqualTo("2026-02-28T10:30"); // Fri → Sat (调休)
		assertThat(plusWorkingDays("2026-02-28T10:30", 1)).isEqualTo("2026-03-02T10:30"); // Sat → Mon
		assertThat(this.calendar.nextWorkingDay(day("2026-02-14"))).isEqualTo("2026-02-24");
	}

	@Test
	void shouldSkipTheNationalDayWeek() {
		assertThat(plusWorkingDays("2026-09-30T10:30", 1)).isEqualTo("2026-10-08T10:30"); // Wed → Thu
		assertThat(plusWorkingDays("2026-10-09T10:30", 1)).isEqualTo("2026-10-10T10:30"); // Fri → Sat (调休)
		assertThat(plusWorkingDays("2026-10-10T10:30", 1)).isEqualTo("2026-10-12T10:30"); // Sat → Mon
		assertThat(plusWorkingDays("2026-09-30T10:30", 3)).isEqualTo("2026-10-10T10:30");
		// Mid-Autumn Festival the week before: Sunday 09-20 is worked, Friday 09-25 is not
		assertThat(plusWorkingDays("2026-09-18T10:30", 1)).isEqualTo("2026-09-20T10:30");
		assertThat(plusWorkingDays("2026-09-24T10:30", 1)).isEqualTo("2026-09-28T10:30");
	}

	@Test
	void shouldSkipTheOtherHolidaysOf2026() {
		assertThat(plusWorkingDays("2026-01-04T10:30", 1)).isEqualTo("2026-01-05T10:30"); // Sun (调休) → Mon
		assertThat(plusWorkingDays("2026-04-03T10:30", 1)).isEqualTo("2026-04-07T10:30"); // Qingming
		assertThat(plusWorkingDays("2026-04-30T10:30", 3)).isEqualTo("2026-05-08T10:30"); // Labour Day
		assertThat(plusWorkingDays("2026-04-30T10:30", 4)).isEqualTo("2026-05-09T10:30"); // … and its Saturday
		assertThat(plusWorkingDays("2026-06-18T10:30", 1)).isEqualTo("2026-06-22T10:30"); // Dragon Boat
	}

	@ParameterizedTest
	@MethodSource("holidaysOf2026")
	void shouldNotWorkOnAHoliday(LocalDate holiday) {
		assertThat(this.calendar.isWorkingDay(holiday)).isFalse();
	}

	@ParameterizedTest
	@MethodSource("adjustedWorkingDaysOf2026")
	void shouldWorkOnAnAdjustedWorkingDay(LocalDate weekendDay) {
		assertThat(this.calendar.isWorkingDay(weekendDay)).isTrue();
	}

	@Test
	void shouldCrossIntoAYearWithoutAListCountingMondayToFriday() {
		assertThat(plusWorkingDays("2026-12-31T10:30", 1)).isEqualTo("2027-01-01T10:30"); // Thu → Fri
		assertThat(plusWorkingDays("2027-01-01T10:30", 1)).isEqualTo("2027-01-04T10:30"); // Fri → Mon
		assertThat(this.calendar.yearsWithoutList()).containsExactly(2027);
	}

	@Test
	void shouldWarnOnceAboutAYearWithoutAList() {
		this.calendar.isWorkingDay(day("2027-01-01"));
		this.calendar.plusWorkingDays(instant("2027-03-01T10:30"), 5);
		this.calendar.isWithinWorkingHours(instant("2027-12-31T10:30"));
		this.calendar.isWorkingDay(day("2026-06-01"));

		assertThat(this.calendar.yearsWithoutList()).containsExactly(2027);
		assertThat(this.log.list).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.WARN);
			assertThat(event.getFormattedMessage()).isEqualTo(
					"no holiday list for 2027 configured under complaint-desk.calendar.years; counting Monday–Friday");
		});
	}

	@Test
	void shouldKnowTheWorkingHours() {
		assertThat(this.calendar.isWithinWorkingHours(instant("2026-03-09T08:59"))).isFalse();
		assertThat(this.calendar.isWithinWorkingHours(instant("2026-03-09T09:00"))).isTrue();
		assertThat(this.calendar.isWithinWorkingHours(instant("2026-03-09T17:59"))).isTrue();
		assertThat(this.calendar.isWithinWorkingHours(instant("2026-03-09T18:00"))).isFalse();
		assertThat(this.calendar.isWithinWorkingHours(instant("2026-10-01T10:30"))).isFalse(); // holiday
		assertThat(this.calendar.isWithinWorkingHours(instant("2026-03-07T10:30"))).isFalse(); // Saturday
		assertThat(this.calendar.isWithinWorkingHours(instant("2026-02-14T10:30"))).isTrue(); // Saturday (调休)
	}

	@Test
	void shouldCountHoursInTheCalendarZone() {
		// 16:30 UTC on Friday the 13th is 00:30 on the adjusted Saturday in Shanghai
		Instant lateFridayInUtc = Instant.parse("2026-02-13T16:30:00Z");

		assertThat(this.calendar.isWithinWorkingHours(Instant.parse("2026-03-09T01:30:00Z"))).isTrue(); // 09:30
		assertThat(this.calendar.plusWorkingDays(lateFridayInUtc, 1)).isEqualTo(instant("2026-02-24T09:00"));
	}

	@Test
	void shouldStartCountingAtTheNextStartOfWorkOutsideWorkingHours() {
		assertThat(plusWorkingDays("2026-03-09T07:30", 1)).isEqualTo("2026-03-10T09:00"); // Mon before work
		assertThat(plusWorkingDays("2026-03-09T17:59", 1)).isEqualTo("2026-03-10T17:59"); // still at work
		assertThat(plusWorkingDays("2026-03-06T18:00", 1)).isEqualTo("2026-03-10T09:00"); // Fri after work
		assertThat(plusWorkingDays("2026-03-07T11:00", 1)).isEqualTo("2026-03-10T09:00"); // Saturday
		assertThat(plusWorkingDays("2026-10-03T11:00", 1)).isEqualTo("2026-10-09T09:00"); // National Day
		assertThat(plusWorkingDays("2026-02-13T19:00", 1)).isEqualTo("2026-02-24T09:00"); // from Sat (调休)
		assertThat(plusWorkingDays("2026-03-07T11:00", 0)).isEqualTo("2026-03-09T09:00");
		assertThat(plusWorkingDays("2026-03-09T10:30", 0)).isEqualTo("2026-03-09T10:30");
	}

	@Test
	void shouldRefuseNegativeDays() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.plusWorkingDays(Instant.now(), -1));
	}

	@Test
	void shouldCountDatesOfTheProcessModels() {
		Date receivedAt = Date.from(instant("2026-09-30T10:30"));

		assertThat(this.calendar.plusWorkingDays(receivedAt, 1)).isEqualTo(Date.from(instant("2026-10-08T10:30")));
		assertThat(this.calendar.plusWorkingDays(new java.sql.Timestamp(receivedAt.getTime()), 1))
			.isEqualTo(Date.from(instant("2026-10-08T10:30")));
	}

	@Test
	void shouldBeCallableFromAnExpressionWithADateVariable() {
		// the engine's JUEL resolves a method by its arguments: the Date variant, not the Instant one
		ExpressionFactory expressions = new ExpressionFactoryImpl();
		SimpleContext context = new SimpleContext();
		context.setVariable("workingCalendar", expressions.createValueExpression(this.calendar, WorkingCalendar.class));
		context.setVariable("receivedAt",
				expressions.createValueExpression(Date.from(instant("2026-02-13T10:30")), Date.class));

		Object due = expressions
			.createValueExpression(context, "${workingCalendar.plusWorkingDays(receivedAt, 1)}", Object.class)
			.getValue(context);

		assertThat(due).isEqualTo(Date.from(instant("2026-02-14T10:30")));
	}

	@Test
	void shouldReplaceTheBuiltInListOnlyForTheConfiguredYears() {
		WorkingCalendar with2027 = calendar(Map.of("complaint-desk.calendar.years.2027.holidays[0]", "2027-01-01",
				"complaint-desk.calendar.years.2027.adjusted-working-days[0]", "2027-01-02"));

		assertThat(with2027.isWorkingDay(day("2027-01-01"))).isFalse(); // Friday, configured holiday
		assertThat(with2027.isWorkingDay(day("2027-01-02"))).isTrue(); // Saturday, configured 调休
		assertThat(with2027.isWorkingDay(day("2026-02-14"))).isTrue(); // built-in 2026 kept
		assertThat(with2027.isWorkingDay(day("2026-10-01"))).isFalse();
		assertThat(with2027.yearsWithoutList()).isEmpty();

		WorkingCalendar other2026 = calendar(Map.of("complaint-desk.calendar.years.2026.holidays[0]", "2026-03-09"));

		assertThat(other2026.isWorkingDay(day("2026-03-09"))).isFalse();
		assertThat(other2026.isWorkingDay(day("2026-10-01"))).isTrue(); // a Thursday, no longer a holiday
		assertThat(other2026.isWorkingDay(day("2026-02-14"))).isFalse(); // a Saturday, no longer 调休
	}

	@Test
	void shouldBindConfiguredWorkingHoursAndZone() {
		WorkingCalendar utc = calendar(Map.of("complaint-desk.calendar.zone", "UTC",
				"complaint-desk.calendar.workday-start", "08:30", "complaint-desk.calendar.workday-end", "17:30"));

		assertThat(utc.isWithinWorkingHours(Instant.parse("2026-03-09T08:30:00Z"))).isTrue();
		assertThat(utc.isWithinWorkingHours(Instant.parse("2026-03-09T17:30:00Z"))).isFalse();
		assertThat(utc.plusWorkingDays(Instant.parse("2026-03-06T20:00:00Z"), 1))
			.isEqualTo(Instant.parse("2026-03-10T08:30:00Z"));
	}

	@Test
	void shouldRefuseAMistypedList() {
		assertThatThrownBy(() -> bind(Map.of("complaint-desk.calendar.years.2027.holidays[0]", "2026-01-01")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessage("complaint-desk.calendar.years.2027 lists 2026-01-01, a day of another year");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(Map.of(2027, new CalendarProperties.Year(List.of(), List.of(day("2027-01-04"))))))
			.withMessageContaining("only a Saturday or Sunday can be an adjusted working day");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(
					Map.of(2027, new CalendarProperties.Year(List.of(day("2027-01-02")), List.of(day("2027-01-02"))))))
			.withMessageContaining("both as holiday and as working day");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CalendarProperties(SHANGHAI, LocalTime.of(18, 0), LocalTime.of(9, 0), null))
			.withMessageContaining("workday-start (18:00) must be before workday-end (09:00)");
	}

	@ParameterizedTest(name = "{0} to {1}: {2} working minutes")
	@org.junit.jupiter.params.provider.CsvSource({
			// within one working day
			"2026-11-23T10:00, 2026-11-23T12:30, 150",
			// Friday 17:00 to Monday 10:00: one hour on Friday, one on Monday
			"2026-11-20T17:00, 2026-11-23T10:00, 120",
			// a whole weekend is no working time
			"2026-11-21T08:00, 2026-11-22T20:00, 0",
			// Wed 30 Sep 17:00 to Fri 9 Oct 09:30 2026: 1 h, the National Day week nothing, Thu 8 Oct 9 h, 30 min
			"2026-09-30T17:00, 2026-10-09T09:30, 630",
			// backwards is nothing
			"2026-11-23T12:00, 2026-11-23T10:00, 0" })
	void shouldMeasureWorkingTimeBetweenTwoInstants(String from, String to, long minutes) {
		assertThat(this.calendar.workingTimeBetween(instant(from), instant(to)).toMinutes()).isEqualTo(minutes);
	}

	@ParameterizedTest(name = "{0} plus {1} working minutes is {2}")
	@org.junit.jupiter.params.provider.CsvSource({ "2026-11-23T10:00, 150, 2026-11-23T12:30",
			// Monday 17:00 plus 2 working hours: Tuesday 10:00
			"2026-11-23T17:00, 120, 2026-11-24T10:00",
			// Friday 17:00 plus 2 working hours: Monday 10:00
			"2026-11-20T17:00, 120, 2026-11-23T10:00",
			// from a Saturday: counted from Monday 09:00
			"2026-11-21T11:00, 60, 2026-11-23T10:00",
			// exactly to the end of a working day stays on that day
			"2026-11-23T17:00, 60, 2026-11-23T18:00",
			// nothing added: the deadline stays where it was, even outside working hours
			"2026-11-21T11:00, 0, 2026-11-21T11:00" })
	void shouldAddWorkingTime(String from, long minutes, String expected) {
		assertThat(LocalDateTime.ofInstant(
				this.calendar.plusWorkingTime(instant(from), java.time.Duration.ofMinutes(minutes)), SHANGHAI))
			.isEqualTo(LocalDateTime.parse(expected));
	}

	@Test
	void shouldMoveADeadlineByThePausedWorkingTimeBackAndForth() {
		Instant pausedAt = instant("2026-11-20T15:00");
		Instant resumedAt = instant("2026-11-25T11:00");
		java.time.Duration paused = this.calendar.workingTimeBetween(pausedAt, resumedAt);
		// Fri 3 h + Mon 9 h + Tue 9 h + Wed 2 h
		assertThat(paused).isEqualTo(java.time.Duration.ofHours(23));
		assertThat(LocalDateTime.ofInstant(this.calendar.plusWorkingTime(instant("2026-11-23T10:00"), paused), SHANGHAI))
			.isEqualTo(LocalDateTime.parse("2026-11-25T15:00"));
	}

	static List<LocalDate> holidaysOf2026() {
		return CalendarProperties.OFFICIAL_YEARS.get(2026).holidays();
	}

	static List<LocalDate> adjustedWorkingDaysOf2026() {
		return CalendarProperties.OFFICIAL_YEARS.get(2026).adjustedWorkingDays();
	}

	private String plusWorkingDays(String from, int days) {
		return LocalDateTime.ofInstant(this.calendar.plusWorkingDays(instant(from), days), SHANGHAI).toString();
	}

	private static CalendarProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("complaint-desk.calendar",
				CalendarProperties.class);
	}

	private static WorkingCalendar calendar(Map<String, String> properties) {
		return new WorkingCalendar(bind(properties));
	}

	private static CalendarProperties properties(Map<Integer, CalendarProperties.Year> years) {
		return new CalendarProperties(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0), years);
	}

	private static Instant instant(String shanghaiLocalDateTime) {
		return LocalDateTime.parse(shanghaiLocalDateTime).atZone(SHANGHAI).toInstant();
	}

	private static LocalDate day(String isoDate) {
		return LocalDate.parse(isoDate);
	}

}
