package io.complaintdesk.penalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code complaint-desk.penalties} as application.yaml spells it (POLICY §7: configurable amounts). */
class PenaltyPropertiesTests {

	@Test
	void shouldRecordThePolicysAmountsWhenNothingIsConfigured() {
		PenaltyProperties properties = bind(Map.of());

		assertThat(properties.amount(PenaltyRule.LATE_FIRST_CONTACT)).isEqualByComparingTo("30");
		assertThat(properties.amount(PenaltyRule.RULE_BREACH)).isEqualByComparingTo("30");
		assertThat(properties.amount(PenaltyRule.MISSED_CALLBACK)).isEqualByComparingTo("50");
		assertThat(properties.amount(PenaltyRule.FALSIFIED_CALLBACK)).isEqualByComparingTo("50");
	}

	@Test
	void shouldBindTheConfiguredAmounts() {
		PenaltyProperties properties = bind(Map.of("complaint-desk.penalties.amounts.late-first-contact", "40",
				"complaint-desk.penalties.amounts.missed-callback", "80.50"));

		assertThat(properties.amount(PenaltyRule.LATE_FIRST_CONTACT)).isEqualByComparingTo("40");
		assertThat(properties.amount(PenaltyRule.MISSED_CALLBACK)).isEqualByComparingTo("80.50");
		assertThat(properties.amount(PenaltyRule.RULE_BREACH)).isEqualByComparingTo("30");
	}

	@Test
	void shouldRefuseAnAmountOutsideThePolicysRange() {
		assertThatThrownBy(() -> bind(Map.of("complaint-desk.penalties.amounts.missed-callback", "120")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("missed-callback is 120, but POLICY §7 allows 50 to 100");
		assertThatThrownBy(() -> bind(Map.of("complaint-desk.penalties.amounts.late-first-contact", "0")))
			.isInstanceOf(BindException.class);
	}

	private static PenaltyProperties bind(Map<String, String> yaml) {
		return new Binder(new MapConfigurationPropertySource(yaml))
			.bindOrCreate("complaint-desk.penalties", Bindable.of(PenaltyProperties.class));
	}

}
