package io.complaintdesk.complaint;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The complaint desk's configurable numbers (POLICY: values the regulation left open are
 * configuration, not code). Bound from {@code complaint-desk.*} in application.yaml.
 *
 * @param caseNumberPrefix prefix of the case number, {@code CMP}
 * @param caseDeadline how long after receipt a case should be closed (POLICY §5: 7 days)
 * @param callback callback rules (POLICY §6)
 * @param deadlines due dates of the tasks (POLICY §3, §5, §6)
 * @param repeatWindow an earlier complaint of the same customer about the same matter within
 * this makes a new one a repeat complaint (POLICY §3 二次投诉)
 */
@Validated
@ConfigurationProperties("complaint-desk")
public record ComplaintDeskProperties(@NotBlank @Pattern(regexp = "[A-Z]{2,5}") @DefaultValue("CMP") String caseNumberPrefix,
		@NotNull @DefaultValue("P7D") Duration caseDeadline, @Valid @NotNull @DefaultValue Callback callback,
		@Valid @NotNull @DefaultValue Deadlines deadlines, @NotNull @DefaultValue("P180D") Duration repeatWindow) {

	/**
	 * @param maxAttempts attempts before a customer counts as unreachable (at least 3)
	 * @param retryWorkingDays the next attempt is due at the start of this working day after the
	 * failed one (POLICY §6: attempts on different days; 1 = the next working day)
	 * @param satisfiedUpTo the worst answer that still closes the case (1–3 close, 4–5 upgrade)
	 */
	public record Callback(@Min(1) @DefaultValue("3") int maxAttempts, @Min(1) @DefaultValue("1") int retryWorkingDays,
			@Min(1) @Max(5) @DefaultValue("3") int satisfiedUpTo) {
	}

	/**
	 * Deadlines of POLICY §3–§6; working days are counted on the working calendar.
	 * @param firstContactWorkingDays reach the customer and verify within this many working days
	 * of receipt (POLICY §3: 1)
	 * @param solutionWorkingDays propose a solution within this many working days (POLICY §5: 1)
	 * @param progressContactWorkingDays contact the customer about progress every so many working
	 * days while a level-1 case is handled (POLICY §5: at least weekly, 5)
	 * @param progressContactWorkingDaysHigherLevels the same at levels 2 and 3 (POLICY §5: 3)
	 * @param callbackWorkingDays call back within this many working days after handling ended
	 * (POLICY §6: 3)
	 * @param majorWarning warn brand and legal within this of a major classification (POLICY §4)
	 * @param gmMeeting the general manager's weekly meeting decides within this
	 */
	public record Deadlines(@Min(1) @DefaultValue("1") int firstContactWorkingDays,
			@Min(1) @DefaultValue("1") int solutionWorkingDays, @Min(1) @DefaultValue("5") int progressContactWorkingDays,
			@Min(1) @DefaultValue("3") int progressContactWorkingDaysHigherLevels,
			@Min(1) @DefaultValue("3") int callbackWorkingDays, @NotNull @DefaultValue("PT24H") Duration majorWarning,
			@NotNull @DefaultValue("P7D") Duration gmMeeting) {
	}

}
