package io.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.InputStream;
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
 * Rule-by-rule tests of {@code decisions/complaint-routing.dmn}: which group handles, reviews
 * and calls back, by level and major flag (POLICY §5 应诉权责, §6 回访), and who rules on a dismissal
 * (POLICY §3 上级裁定是否受理: a supervisor for levels 1–2, a director for level 3).
 */
@ExtendWith(DmnEngineExtension.class)
class ComplaintRoutingDecisionTests {

  private static final String MODEL = "models/decisions/complaint-routing.dmn";

  /** Injected by the extension (any field of type DmnEngine). */
  DmnEngine dmnEngine;

  DmnDecision decision;

  @BeforeEach
  void parseDecision() throws Exception {
    try (InputStream model = getClass().getClassLoader().getResourceAsStream(MODEL)) {
      assertThat(model).as("%s on the classpath", MODEL).isNotNull();
      decision = dmnEngine.parseDecision("complaint-routing", model);
    }
  }

  @Test
  void shouldLetAgentHandleAndCallBackOrdinaryComplaint() {
    assertThat(routing(1, false)).containsOnly(
        entry("handlerGroup", "agents"),
        entry("reviewerGroup", "supervisors"),
        entry("callbackGroup", "agents"),
        entry("dismissalGroup", "supervisors"));
  }

  @Test
  void shouldLetDirectorCallBackOrdinaryMajorComplaint() {
    assertThat(routing(1, true)).containsOnly(
        entry("handlerGroup", "agents"),
        entry("reviewerGroup", "supervisors"),
        entry("callbackGroup", "directors"),
        entry("dismissalGroup", "supervisors"));
  }

  @Test
  void shouldLetSupervisorHandleAndCallBackSeriousComplaint() {
    assertThat(routing(2, false)).containsOnly(
        entry("handlerGroup", "supervisors"),
        entry("reviewerGroup", "directors"),
        entry("callbackGroup", "supervisors"),
        entry("dismissalGroup", "supervisors"));
  }

  @Test
  void shouldLetDirectorCallBackSeriousMajorComplaint() {
    assertThat(routing(2, true)).containsOnly(
        entry("handlerGroup", "supervisors"),
        entry("reviewerGroup", "directors"),
        entry("callbackGroup", "directors"),
        entry("dismissalGroup", "supervisors"));
  }

  @Test
  void shouldLetDirectorsHandleVerySeriousComplaintWithGeneralManagerReviewing() {
    assertThat(routing(3, true)).containsOnly(
        entry("handlerGroup", "directors"),
        entry("reviewerGroup", "gm"),
        entry("callbackGroup", "directors"),
        entry("dismissalGroup", "directors"));
  }

  @Test
  void shouldRouteVerySeriousComplaintTheSameWhetherMajorOrNot() {
    assertThat(routing(3, false)).isEqualTo(routing(3, true));
  }

  private Map<String, Object> routing(int level, boolean major) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("level", level);
    vars.put("major", major);
    DmnDecisionResult result = dmnEngine.evaluateDecision(decision, vars);
    assertThat(result).hasSize(1);
    return result.getSingleResult().getEntryMap();
  }
}
