package io.complaintdesk.complaint.intake;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Intake rules left to configuration (POLICY §2), {@code complaint-desk.intake.*}.
 * @param maxReceiptAge a letter, fax or escalation may be registered with a time of receipt at most
 * this far back (POLICY §2: 30 days); never in the future
 */
@Validated
@ConfigurationProperties("complaint-desk.intake")
public record IntakeProperties(@NotNull @DefaultValue("P30D") Duration maxReceiptAge) {
}
