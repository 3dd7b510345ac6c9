package io.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.test.junit5.DmnEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rule-by-rule tests of {@code decisions/task-priority.dmn}: the sum of the matching rows
 * (POLICY §4 levels and major complaints, §5 four priorities for VIP and preferred clients).
 */
@ExtendWith(DmnEngineExtension.class)
class TaskPriorityDecisionTests {

	private static final String MODEL = "models/decisions/task-priority.dmn";

	DmnEngine dmnEngine;

	DmnDecision decision;

	@BeforeEach
	void parseDecision() throws Exception {
		try (InputStream model = getClass().getClassLoader().getResourceAsStream(MODEL)) {
			this.decision = this.dmnEngine.parseDecision("task-priority", model);
		}
	}

	private int priority(int level, boolean major, String clientTier) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("level", level);
		variables.put("major", major);
		variables.put("clientTier", clientTier);
		Object priority = this.dmnEngine.evaluateDecision(this.decision, variables).getSingleEntry();
		return ((Number) priority).intValue();
	}

	@Test
	void shouldGiveOrdinaryComplaintTenPoints() {
		assertThat(priority(1, false, null)).isEqualTo(10);
	}

	@Test
	void shouldGiveSeriousComplaintTwentyPoints() {
		assertThat(priority(2, false, null)).isEqualTo(20);
	}

	@Test
	void shouldGiveVerySeriousComplaintThirtyPoints() {
		assertThat(priority(3, false, "QUALIFIED")).isEqualTo(30);
	}

	@Test
	void shouldAddFortyPointsForMajorComplaint() {
		assertThat(priority(1, true, null)).isEqualTo(50);
	}

	@Test
	void shouldAddTwoHundredPointsForVipClient() {
		assertThat(priority(1, false, "VIP")).isEqualTo(210);
	}

	@Test
	void shouldAddOneHundredPointsForPreferredClient() {
		assertThat(priority(1, false, "PREFERRED")).isEqualTo(110);
	}

	@Test
	void shouldRankEveryVipComplaintAboveEveryPreferredAndPreferredAboveOthers() {
		assertThat(priority(1, false, "VIP")).isGreaterThan(priority(3, true, "PREFERRED"));
		assertThat(priority(1, false, "PREFERRED")).isGreaterThan(priority(3, true, null));
		assertThat(priority(1, true, null)).isGreaterThan(priority(3, false, null));
	}

}
