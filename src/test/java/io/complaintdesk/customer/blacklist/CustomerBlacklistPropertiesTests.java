package io.complaintdesk.customer.blacklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code complaint-desk.blacklist} as application.yaml spells it (POLICY §8: an entry lasts 6 months). */
class CustomerBlacklistPropertiesTests {

	private static final ZoneId DESK = ZoneId.of("Asia/Shanghai");

	@Test
	void shouldLastSixCalendarMonthsWhenNothingIsConfigured() {
		BlacklistProperties properties = bind(Map.of());

		assertThat(properties.duration()).isEqualTo("P6M");
		assertThat(properties.until(at("2026-11-23T10:00:00"), DESK)).isEqualTo(at("2027-05-23T10:00:00"));
		// the end of a longer month falls on the end of the shorter one
		assertThat(properties.until(at("2026-08-31T16:00:00"), DESK)).isEqualTo(at("2027-02-28T16:00:00"));
	}

	@Test
	void shouldBindAConfiguredDurationInCamundasIso8601() {
		assertThat(bind(Map.of("complaint-desk.blacklist.duration", "P180D")).until(at("2026-11-23T10:00:00"), DESK))
			.isEqualTo(at("2027-05-22T10:00:00"));
		assertThat(bind(Map.of("complaint-desk.blacklist.duration", "PT2H")).until(at("2026-11-23T10:00:00"), DESK))
			.isEqualTo(at("2026-11-23T12:00:00"));
	}

	@Test
	void shouldRefuseADurationThatIsNotPositiveIso8601() {
		assertThatThrownBy(() -> bind(Map.of("complaint-desk.blacklist.duration", "6 months")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("not an ISO 8601 duration such as P6M");
		assertThatThrownBy(() -> bind(Map.of("complaint-desk.blacklist.duration", "P0D")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("must be longer than zero");
	}

	private static BlacklistProperties bind(Map<String, String> yaml) {
		return new Binder(new MapConfigurationPropertySource(yaml))
			.bindOrCreate("complaint-desk.blacklist", Bindable.of(BlacklistProperties.class));
	}

	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(DESK).toInstant();
	}

}
