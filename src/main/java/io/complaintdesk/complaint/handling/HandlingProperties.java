package io.complaintdesk.complaint.handling;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the handling step, bound from {@code complaint-desk.handling} in application.yaml.
 *
 * @param maxCompensationPerCase the largest compensation a handler may propose for one case
 * (issue 14: a sanity limit, ¥1,000,000 by default); more is refused at "Handle complaint"
 */
@Validated
@ConfigurationProperties("complaint-desk.handling")
record HandlingProperties(@NotNull @DecimalMin("0.01") @DefaultValue("1000000") BigDecimal maxCompensationPerCase) {
}
