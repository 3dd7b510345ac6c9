package io.complaintdesk.complaint;

import java.time.Duration;
import java.time.ZoneId;

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
 * @param zone time zone of the desk: case numbers count days in it
 * @param caseNumberPrefix prefix of the case number, {@code CMP}
 * @param caseDeadline how long after receipt a case should be closed (POLICY §5: 7 days)
 * @param callback callback rules (POLICY §6)
 * @param deadlines due dates of the tasks (POLICY §3, §5, §6)
 */
@Validated
@ConfigurationProperties("complaint-desk")
public record ComplaintDeskProperties(@NotNull @DefaultValue("Asia/Shanghai") ZoneId zone,
		@NotBlank @Pattern(regexp = "[A-Z]{2,5}") @DefaultValue("CMP") String caseNumberPrefix,
		@NotNull @DefaultValue("P7D") Duration caseDeadline, @Valid @NotNull @DefaultValue Callback callback,
		@Valid @NotNull @DefaultValue Deadlines deadlines) {

	/**
	 * @param maxAttempts attempts before a customer counts as unreachable (at least 3)
	 * @param retryDelay wait before the next attempt, so that it falls on another day
	 * @param satisfiedUpTo the worst answer that still closes the case (1–3 close, 4–5 upgrade)
	 */
	public record Callback(@Min(1) @DefaultValue("3") int maxAttempts, @NotNull @DefaultValue("P1D") Duration retryDelay,
			@Min(1) @Max(5) @DefaultValue("3") int satisfiedUpTo) {
	}

	/**
	 * @param firstContact reach the customer and verify within this after receipt (POLICY §3)
	 * @param solution propose a solution within this after the handling task appears (POLICY §5)
	 * @param callback call back within this after handling ended (POLICY §6)
	 * @param gmMeeting the general manager's weekly meeting decides within this
	 */
	public record Deadlines(@NotNull @DefaultValue("P1D") Duration firstContact,
			@NotNull @DefaultValue("P1D") Duration solution, @NotNull @DefaultValue("P3D") Duration callback,
			@NotNull @DefaultValue("P7D") Duration gmMeeting) {
	}

}
