package io.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Rule-by-rule tests of {@code decisions/compensation-authority.dmn}: who approves compensation,
 * discounts, refunds and returns by amount (POLICY §5 核决权限).
 */
@ExtendWith(DmnEngineExtension.class)
class CompensationAuthorityDecisionTests {

  private static final String MODEL = "models/decisions/compensation-authority.dmn";

  /** Injected by the extension (any field of type DmnEngine). */
  DmnEngine dmnEngine;

  DmnDecision decision;

  @BeforeEach
  void parseDecision() throws Exception {
    try (InputStream model = getClass().getClassLoader().getResourceAsStream(MODEL)) {
      assertThat(model).as("%s on the classpath", MODEL).isNotNull();
      decision = dmnEngine.parseDecision("compensation-authority", model);
    }
  }

  @Test
  void shouldLetSupervisorApproveUpToOneThousand() {
    assertThat(approverGroupFor(500.0)).isEqualTo("supervisors");
  }

  @Test
  void shouldLetDirectorApproveAboveOneThousandUpToTenThousand() {
    assertThat(approverGroupFor(5_000.0)).isEqualTo("directors");
  }

  @Test
  void shouldLetGeneralManagerApproveAboveTenThousand() {
    assertThat(approverGroupFor(25_000.0)).isEqualTo("gm");
  }

  // --- boundaries and number types

  @Test
  void shouldKeepExactlyOneThousandWithSupervisor() {
    assertThat(approverGroupFor(1_000.0)).isEqualTo("supervisors");
    assertThat(approverGroupFor(1_000.01)).isEqualTo("directors");
  }

  @Test
  void shouldKeepExactlyTenThousandWithDirector() {
    assertThat(approverGroupFor(10_000.0)).isEqualTo("directors");
    assertThat(approverGroupFor(10_000.01)).isEqualTo("gm");
  }

  @Test
  void shouldLetSupervisorApproveZeroAmount() {
    assertThat(approverGroupFor(0.0)).isEqualTo("supervisors");
  }

  @Test
  void shouldAcceptIntegerAndLongAmounts() {
    assertThat(approverGroupFor(1_000)).isEqualTo("supervisors");
    assertThat(approverGroupFor(10_001L)).isEqualTo("gm");
  }

  private String approverGroupFor(Object amount) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("amount", amount);
    DmnDecisionResult result = dmnEngine.evaluateDecision(decision, vars);
    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys("approverGroup");
    return result.getSingleEntry();
  }
}
