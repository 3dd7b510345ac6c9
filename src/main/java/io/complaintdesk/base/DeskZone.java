package io.complaintdesk.base;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The desk's time zone ({@code complaint-desk.zone}): case numbers, report periods, blacklist
 * months and local dates count days in it. It is the zone of the desk's {@link java.time.Clock}
 * bean; code asks the clock ({@code clock.getZone()}), not this record.
 *
 * @param zone time zone of the desk, {@code Asia/Shanghai}
 */
@Validated
@ConfigurationProperties("complaint-desk")
public record DeskZone(@NotNull @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
