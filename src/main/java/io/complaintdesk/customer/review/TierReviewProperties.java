package io.complaintdesk.customer.review;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The half-yearly client-tier review (POLICY §8 半年评审). Bound from
 * {@code complaint-desk.tier-review} in application.yaml. The tier thresholds themselves are in
 * {@code decisions/client-tier.dmn}.
 *
 * @param cron when the review starts by itself: a Camunda 7 cron (seconds first, six fields,
 * e.g. {@code 0 0 2 1 1,7 ?} = 02:00 on 1 January and 1 July), in the JVM's time zone
 * @param vipQuotaPercent VIP clients are at most this share of a department's clients (POLICY §8:
 * 15); the quota is rounded down, so it is never exceeded
 * @param preferredQuotaPercent preferred clients are at most this share (POLICY §8: 30)
 * @param approvalWorkingDays the supervisors approve the proposal within this many working days
 * @param vipDowngradeWorkingDays ... or within this many when a VIP client with problems in the
 * period is downgraded (POLICY §8: within 5 days)
 */
@Validated
@ConfigurationProperties("complaint-desk.tier-review")
public record TierReviewProperties(@NotBlank @DefaultValue("0 0 2 1 1,7 ?") String cron,
		@NotNull @DecimalMin("0") @DecimalMax("100") @DefaultValue("15") BigDecimal vipQuotaPercent,
		@NotNull @DecimalMin("0") @DecimalMax("100") @DefaultValue("30") BigDecimal preferredQuotaPercent,
		@Min(1) @DefaultValue("10") int approvalWorkingDays, @Min(1) @DefaultValue("5") int vipDowngradeWorkingDays) {
}
