package io.complaintdesk.customer.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.test.junit5.DmnEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rule-by-rule tests of {@code decisions/client-tier.dmn}: the tier a client qualifies for by annual
 * volume and the defaults of the review period (POLICY §8 客户分级).
 */
@ExtendWith(DmnEngineExtension.class)
class ClientTierDecisionTests {

	private static final String MODEL = "models/decisions/client-tier.dmn";

	/** Injected by the extension (any field of type DmnEngine). */
	DmnEngine dmnEngine;

	DmnDecision decision;

	@BeforeEach
	void parseDecision() throws Exception {
		try (InputStream model = getClass().getClassLoader().getResourceAsStream(MODEL)) {
			assertThat(model).as("%s on the classpath", MODEL).isNotNull();
			this.decision = this.dmnEngine.parseDecision("client-tier", model);
		}
	}

	@Test
	void shouldMakeVipFromOneMillionWithoutDefaults() {
		assertThat(tierFor(1_250_000.0, 0)).isEqualTo("VIP");
	}

	@Test
	void shouldMakePreferredFromThreeHundredThousandWithoutDefaults() {
		assertThat(tierFor(450_000.0, 0)).isEqualTo("PREFERRED");
	}

	@Test
	void shouldMakeEveryoneElseQualified() {
		assertThat(tierFor(120_000.0, 0)).isEqualTo("QUALIFIED");
		assertThat(tierFor(2_000_000.0, 2)).isEqualTo("QUALIFIED");
	}

	// --- boundaries and number types

	@Test
	void shouldMakeExactlyOneMillionVip() {
		assertThat(tierFor(1_000_000.0, 0)).isEqualTo("VIP");
		assertThat(tierFor(999_999.99, 0)).isEqualTo("PREFERRED");
	}

	@Test
	void shouldMakeExactlyThreeHundredThousandPreferred() {
		assertThat(tierFor(300_000.0, 0)).isEqualTo("PREFERRED");
		assertThat(tierFor(299_999.99, 0)).isEqualTo("QUALIFIED");
	}

	@Test
	void shouldLetASingleDefaultCostVipAndPreferred() {
		assertThat(tierFor(1_000_000.0, 1)).isEqualTo("QUALIFIED");
		assertThat(tierFor(300_000.0, 1)).isEqualTo("QUALIFIED");
	}

	@Test
	void shouldMakeANewClientWithoutVolumeQualified() {
		assertThat(tierFor(0.0, 0)).isEqualTo("QUALIFIED");
	}

	@Test
	void shouldAcceptIntegerLongAndDecimalVolumes() {
		assertThat(tierFor(1_000_000, 0)).isEqualTo("VIP");
		assertThat(tierFor(300_000L, 0)).isEqualTo("PREFERRED");
		assertThat(tierFor(new BigDecimal("1000000.00"), 0)).isEqualTo("VIP");
	}

	private String tierFor(Object annualVolume, int defaultCount) {
		Map<String, Object> vars = new HashMap<>();
		vars.put("annualVolume", annualVolume);
		vars.put("defaultCount", defaultCount);
		DmnDecisionResult result = this.dmnEngine.evaluateDecision(this.decision, vars);
		assertThat(result).hasSize(1);
		assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys("tier");
		return result.getSingleEntry();
	}

}
