package io.complaintdesk.complaint.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What {@code GET /api/reports/dashboard} answers: the figures of the Cockpit "Complaint desk"
 * dashboard, as of one moment of the engine's clock. Months and weeks are the desk's, in
 * {@code zone}.
 *
 * @param asOf the moment the figures are counted at
 * @param zone the desk's time zone (months, weeks and the dates shown)
 * @param open the open cases by level and age
 * @param atRisk open cases whose case deadline falls within the next working day
 * @param overdue open cases past their case deadline
 * @param major open major complaints
 * @param month this month's callbacks and upgrades
 * @param weeks complaints registered and closed per ISO week, oldest first, the current week last
 * @param paused open cases waiting for the customer (等待客户（暂停计时）), their clocks stopped
 */
public record Dashboard(Instant asOf, String zone, OpenCases open, CaseList atRisk, CaseList overdue,
		CaseList major, Month month, List<Week> weeks, CaseList paused) {

	/**
	 * Open cases by level and by age (time since receipt): under 1 day, 1 to 3 days, 3 to 7 days,
	 * over 7 days.
	 * @param total all open cases
	 * @param byLevel one row per level 1 to 3 (and any other level that has open cases)
	 */
	public record OpenCases(long total, List<LevelAges> byLevel) {
	}

	/** The open cases of one level by age, and all of them. */
	public record LevelAges(int level, long underOneDay, long oneToThreeDays, long threeToSevenDays,
			long overSevenDays, long total) {

		static LevelAges of(int level, long underOneDay, long oneToThreeDays, long threeToSevenDays,
				long overSevenDays) {
			return new LevelAges(level, underOneDay, oneToThreeDays, threeToSevenDays, overSevenDays,
					underOneDay + oneToThreeDays + threeToSevenDays + overSevenDays);
		}

	}

	/**
	 * Cases of one kind, most urgent (earliest deadline) first.
	 * @param count how many there are
	 * @param dueBy for the cases at risk: the end of the next working day counted from {@code asOf}
	 * @param cases the first {@value DeskDashboard#LIST_LIMIT} of them
	 */
	public record CaseList(long count, Instant dueBy, List<CaseLine> cases) {
	}

	/** A case in a list, with its case deadline (receipt + the configured case deadline, POLICY §5). */
	public record CaseLine(String caseNumber, String processInstanceId, int level, boolean major,
			String customerName, Instant receivedAt, Instant deadline) {
	}

	/**
	 * The month's callbacks and upgrades (POLICY §6, §10).
	 * @param month the current month of the desk
	 * @param satisfaction the answers 1 (very satisfied) to 5 (very dissatisfied) given at callbacks
	 * recorded this month, each with its count, zeros included
	 * @param answers all answers this month
	 * @param upgrades handling rounds 2 and later started this month: complaints raised a level
	 * after a dissatisfied callback
	 */
	public record Month(YearMonth month, List<Satisfaction> satisfaction, long answers, long upgrades) {
	}

	public record Satisfaction(int answer, long count) {
	}

	/**
	 * One ISO week of the desk.
	 * @param week as {@code 2026-W47}
	 * @param from its Monday
	 * @param registered complaints received in the week
	 * @param closed complaints closed in the week
	 */
	public record Week(String week, LocalDate from, long registered, long closed) {
	}

}
