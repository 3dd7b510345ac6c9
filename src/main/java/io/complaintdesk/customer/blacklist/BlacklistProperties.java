package io.complaintdesk.customer.blacklist;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The blacklist's configurable period (POLICY §8: an entry lasts 6 months), bound from
 * {@code complaint-desk.blacklist} in application.yaml. A duration that is not positive ISO 8601
 * stops the application at start.
 *
 * @param duration how long an approved entry lasts, in ISO 8601 as Camunda timers write it:
 * {@code P6M}, {@code P180D}, {@code P1Y}, {@code PT1H}; months and years are calendar months and
 * years in the desk's time zone
 */
@ConfigurationProperties("complaint-desk.blacklist")
public record BlacklistProperties(@DefaultValue("P6M") String duration) {

	public BlacklistProperties {
		parse(duration);
	}

	/** When an entry approved at {@code from} ends: {@code from} plus the duration, counted in {@code zone}. */
	public Instant until(Instant from, ZoneId zone) {
		GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(zone));
		calendar.setTime(Date.from(from));
		parse(this.duration).addTo(calendar);
		return calendar.toInstant();
	}

	private static Duration parse(String text) {
		Duration duration;
		try {
			duration = DatatypeFactory.newInstance().newDuration((text != null) ? text.trim() : "");
		}
		catch (IllegalArgumentException | DatatypeConfigurationException ex) {
			throw new IllegalArgumentException(
					"complaint-desk.blacklist.duration is '" + text + "', not an ISO 8601 duration such as P6M");
		}
		if (duration.getSign() <= 0) {
			throw new IllegalArgumentException(
					"complaint-desk.blacklist.duration is '" + text + "', but it must be longer than zero");
		}
		return duration;
	}

}
