package io.complaintdesk.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The weekly complaint report (投诉周报) or the monthly complaint statistics (投诉统计表) of POLICY
 * §10, as computed by {@link Reports#compute(ReportPeriod)} and stored by {@link ReportStore}. Every
 * figure is there, 0 or empty for an empty period; the keys of the enumerated counts (levels,
 * channels, categories, complainant types, rules, answers, outcomes) are always all present.
 * "In the period" means in {@code [period.from, period.to)}.
 *
 * @param period the week or month
 * @param zone the desk's time zone the period is counted in
 * @param computedAt when the figures were read (the engine's clock)
 * @param registered complaints received in the period
 * @param cases opened and closed in the period, and still open at its end
 * @param overdue cases past the case deadline (received + 7 days, POLICY §5)
 * @param breachesByRule penalty entries recorded in the period, not voided, by rule (POLICY §7)
 * @param firstContact receipt to verification, of the cases verified in the period, in working days
 * @param wholeCase receipt to closing, of the cases closed in the period, in working days
 * @param satisfaction answers of the callbacks made in the period (POLICY §6)
 * @param callbacks the callback rate of the rounds handled in the period
 * @param upgrades handling rounds 2, 3, … started in the period (upgrades after answers 4–5)
 * @param outcomes cases closed in the period by outcome
 * @param penalties penalty entries recorded in the period, not voided: how many and their sum
 * @param staffRatings the customers' ratings of the staff, of the callbacks made in the period,
 * per handler of the round
 * @param responsibleDepartments the responsible departments named by the investigation reports of
 * the rounds handled in the period, ranked by their cases, most first (POLICY §7 考核相关部门)
 * @param pauses waiting for the customer: the pauses that ended in the period and their working hours
 * (issue 16; {@code null} in reports stored before)
 */
public record ComplaintReport(ReportPeriod period, String zone, Instant computedAt, Registered registered,
		Cases cases, Overdue overdue, Map<String, Long> breachesByRule, Durations firstContact, Durations wholeCase,
		Satisfaction satisfaction, Callbacks callbacks, Upgrades upgrades, Map<String, Long> outcomes,
		Penalties penalties, List<HandlerRatings> staffRatings, List<DepartmentRank> responsibleDepartments,
		Pauses pauses) {

	/** One responsible department's place: rank 1 has the most cases (equal counts share a rank). */
	public record DepartmentRank(int rank, String department, long cases) {
	}

	/** @param workingHours the working time the cases waited, 1 decimal (every deadline moved by it) */
	public record Pauses(long ended, BigDecimal workingHours) {
	}

	/**
	 * Complaints received in the period.
	 * @param byLevel by the level the case has now ({@code "1"} to {@code "3"}): an upgraded case
	 * counts at its new level; the upgrades are counted on their own
	 */
	public record Registered(long total, long major, Map<String, Long> byLevel, Map<String, Long> byChannel,
			Map<String, Long> byCategory, Map<String, Long> byComplainantType) {
	}

	/**
	 * @param opened received in the period
	 * @param closed archived in the period, whenever received
	 * @param openAtEnd received before the end of the period and not closed by then, whenever received
	 */
	public record Cases(long opened, long closed, long openAtEnd) {
	}

	/**
	 * @param openAtEnd open at the end of the period although their deadline had passed
	 * @param closedLate closed in the period after their deadline
	 * @param total both together
	 */
	public record Overdue(long openAtEnd, long closedLate, long total) {
	}

	/**
	 * Durations in working days of the working calendar (working hours elapsed ÷ hours of a working
	 * day), percentiles by linear interpolation between the closest ranks (as PostgreSQL's
	 * {@code percentile_cont}), 2 decimals; 0 when there are no cases.
	 */
	public record Durations(long cases, BigDecimal medianWorkingDays, BigDecimal p90WorkingDays) {
	}

	/**
	 * The last answer of each round called back in the period (a round keeps its last answer).
	 * @param distribution answers {@code "1"} (very satisfied) to {@code "5"} (very dissatisfied)
	 * @param average the mean answer, 2 decimals; 0 without answers
	 */
	public record Satisfaction(long answers, Map<String, Long> distribution, BigDecimal average) {
	}

	/**
	 * @param due rounds handled in the period whose handling was approved, so a callback was due
	 * @param reached of those, the rounds whose customer was reached
	 * @param ratePercent reached ÷ due in percent, 1 decimal; 0 when none was due
	 */
	public record Callbacks(long due, long reached, BigDecimal ratePercent) {
	}

	/** @param byRound rounds started in the period by round number ({@code "2"}, {@code "3"}, …) */
	public record Upgrades(long total, Map<String, Long> byRound) {
	}

	/** @param amount the sum, 2 decimals */
	public record Penalties(long entries, BigDecimal amount) {
	}

	/**
	 * One handler's ratings (POLICY §6: attitude, skill, arrival time, keeping promises).
	 * @param handler who handled the rated round ({@code handled_by})
	 * @param ratings dimension ({@code attitude}, {@code skill}, {@code arrival}, {@code promises})
	 * to answer ({@code VERY_SATISFIED}, {@code SATISFIED}, {@code FAIR}, {@code POOR}) to count
	 */
	public record HandlerRatings(String handler, Map<String, Map<String, Long>> ratings) {
	}

}
