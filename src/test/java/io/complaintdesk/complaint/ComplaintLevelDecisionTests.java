package io.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.test.junit5.DmnEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rule-by-rule tests of {@code decisions/complaint-level.dmn}: the two required decisions
 * {@code complaint-severity} (COLLECT MAX) and {@code major-complaint} (FIRST), and the top
 * decision {@code complaint-level} (UNIQUE) that the process evaluates by key (POLICY §4).
 */
class ComplaintLevelDecisionTests {

  private static final String DRD = "models/decisions/complaint-level.dmn";

  /** Matched rule ids per decision key of the last evaluation, recorded by a post-evaluation listener. */
  private static final Map<String, List<String>> MATCHED_RULES = new HashMap<>();

  @RegisterExtension
  static final DmnEngineExtension DMN = DmnEngineExtension.forConfiguration(configurationRecordingMatchedRules());

  /** Injected by the extension (any field of type DmnEngine). */
  DmnEngine dmnEngine;

  DmnDecisionRequirementsGraph drd;

  @BeforeEach
  void parseDrd() throws Exception {
    MATCHED_RULES.clear();
    try (InputStream model = getClass().getClassLoader().getResourceAsStream(DRD)) {
      assertThat(model).as("%s on the classpath", DRD).isNotNull();
      drd = dmnEngine.parseDecisionRequirementsGraph(model);
    }
  }

  // ------------------------------------------------------------------ the DRD itself

  @Test
  void shouldContainTheThreeDecisionsOfTheGraph() {
    assertThat(drd.getDecisionKeys())
        .containsExactlyInAnyOrder("complaint-level", "complaint-severity", "major-complaint");
    assertThat(drd.getDecision("complaint-level").getRequiredDecisions())
        .extracting(DmnDecision::getKey)
        .containsExactlyInAnyOrder("complaint-severity", "major-complaint");
  }

  // ------------------------------------------------------------------ complaint-severity (COLLECT MAX)

  @Nested
  class Severity {

    @Test
    void shouldRateEveryComplaintAtLeastOrdinary() {
      assertSeverity(complaint(), 1, "severity-every-complaint");
    }

    @Test
    void shouldRateConsumerUnhappyWithServiceAttitudeSerious() {
      Map<String, Object> vars = complaint();
      vars.put("complainantType", "CONSUMER");
      vars.put("category", "SERVICE_ATTITUDE");
      assertSeverity(vars, 2, "severity-every-complaint", "severity-consumer-service-attitude");
    }

    @Test
    void shouldRateFranchiseeUnhappyWithServiceQualitySerious() {
      Map<String, Object> vars = complaint();
      vars.put("complainantType", "FRANCHISEE");
      vars.put("category", "SERVICE_QUALITY");
      assertSeverity(vars, 2, "severity-every-complaint", "severity-franchisee-service-quality");
    }

    @Test
    void shouldRateFranchiseeNotAcceptingPolicySerious() {
      Map<String, Object> vars = complaint();
      vars.put("complainantType", "FRANCHISEE");
      vars.put("category", "POLICY");
      assertSeverity(vars, 2, "severity-every-complaint", "severity-franchisee-policy");
    }

    @Test
    void shouldRateEmotionalComplaintSerious() {
      Map<String, Object> vars = complaint();
      vars.put("emotional", true);
      assertSeverity(vars, 2, "severity-every-complaint", "severity-emotional");
    }

    @Test
    void shouldRateDemandBeyondAuthoritySerious() {
      Map<String, Object> vars = complaint();
      vars.put("beyondAuthority", true);
      assertSeverity(vars, 2, "severity-every-complaint", "severity-beyond-authority");
    }

    @Test
    void shouldRateRepeatComplaintSerious() {
      Map<String, Object> vars = complaint();
      vars.put("repeatComplaint", true);
      assertSeverity(vars, 2, "severity-every-complaint", "severity-repeat-complaint");
    }

    @Test
    void shouldRateComplaintToRegulatorVerySerious() {
      Map<String, Object> vars = complaint();
      vars.put("channel", "REGULATOR");
      assertSeverity(vars, 3, "severity-every-complaint", "severity-regulator");
    }

    @Test
    void shouldRateMediaComplaintVerySerious() {
      Map<String, Object> vars = complaint();
      vars.put("channel", "MEDIA");
      assertSeverity(vars, 3, "severity-every-complaint", "severity-media");
    }

    @Test
    void shouldRateBatchIssueVerySerious() {
      Map<String, Object> vars = complaint();
      vars.put("complainantType", "FRANCHISEE");
      vars.put("category", "PRODUCT_QUALITY");
      vars.put("batchIssue", true);
      assertSeverity(vars, 3, "severity-every-complaint", "severity-batch-issue");
    }

    @Test
    void shouldRateFranchiseeComplainingAboutDepartmentInactionVerySerious() {
      Map<String, Object> vars = complaint();
      vars.put("complainantType", "FRANCHISEE");
      vars.put("category", "DEPARTMENT_INACTION");
      assertSeverity(vars, 3, "severity-every-complaint", "severity-franchisee-department-inaction");
    }

    @Test
    void shouldRateReputationRiskVerySerious() {
      Map<String, Object> vars = complaint();
      vars.put("reputationRisk", true);
      assertSeverity(vars, 3, "severity-every-complaint", "severity-reputation-risk");
    }

    @Test
    void shouldApplyComplainantSpecificRulesOnlyToThatComplainantType() {
      // a consumer about department inaction / a franchisee about service attitude stay ordinary
      Map<String, Object> vars = complaint();
      vars.put("complainantType", "CONSUMER");
      vars.put("category", "DEPARTMENT_INACTION");
      assertSeverity(vars, 1, "severity-every-complaint");

      vars.put("complainantType", "FRANCHISEE");
      vars.put("category", "SERVICE_ATTITUDE");
      assertSeverity(vars, 1, "severity-every-complaint");
    }

    @Test
    void shouldRateClaimBeyondTheSupervisorsAuthoritySerious() {
      // POLICY §4, §5: compensation-authority names directors or gm, i.e. above the supervisor's authority
      for (String approver : new String[] {"directors", "gm"}) {
        Map<String, Object> vars = complaint();
        vars.put("claimApproverGroup", approver);
        assertSeverity(vars, 2, "severity-every-complaint", "severity-claim-beyond-authority");
      }
    }

    @Test
    void shouldNotRaiseClaimWithinTheSupervisorsAuthorityOrNoClaim() {
      Map<String, Object> vars = complaint();
      vars.put("claimApproverGroup", "supervisors");
      assertSeverity(vars, 1, "severity-every-complaint");
      vars.put("claimApproverGroup", null);
      assertSeverity(vars, 1, "severity-every-complaint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DISTRIBUTOR", "INSTITUTION"})
    void shouldRateDistributorOrInstitutionUnhappyWithServiceQualityLikeAFranchisee(String type) {
      Map<String, Object> vars = complaint();
      vars.put("complainantType", type);
      vars.put("category", "SERVICE_QUALITY");
      assertSeverity(vars, 2, "severity-every-complaint", "severity-franchisee-service-quality");
    }

    @Test
    void shouldRateDistributorNotAcceptingPolicyLikeAFranchisee() {
      Map<String, Object> vars = complaint();
      vars.put("complainantType", "DISTRIBUTOR");
      vars.put("category", "POLICY");
      assertSeverity(vars, 2, "severity-every-complaint", "severity-franchisee-policy");
    }

    @Test
    void shouldNotApplyTheFranchisePolicyRuleToInstitutions() {
      Map<String, Object> vars = complaint();
      vars.put("complainantType", "INSTITUTION");
      vars.put("category", "POLICY");
      assertSeverity(vars, 1, "severity-every-complaint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DISTRIBUTOR", "INSTITUTION"})
    void shouldRateDistributorOrInstitutionComplainingAboutDepartmentInactionVerySerious(String type) {
      Map<String, Object> vars = complaint();
      vars.put("complainantType", type);
      vars.put("category", "DEPARTMENT_INACTION");
      assertSeverity(vars, 3, "severity-every-complaint", "severity-franchisee-department-inaction");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FRANCHISEE", "DISTRIBUTOR", "INSTITUTION"})
    void shouldApplyTheConsumerRuleOnlyToConsumers(String type) {
      Map<String, Object> vars = complaint();
      vars.put("complainantType", type);
      vars.put("category", "SERVICE_ATTITUDE");
      assertSeverity(vars, 1, "severity-every-complaint");
    }

    @Test
    void shouldTakeTheHighestSeverityWhenSeveralRulesMatch() {
      Map<String, Object> vars = complaint();
      vars.put("emotional", true);
      vars.put("repeatComplaint", true);
      vars.put("channel", "REGULATOR");
      assertSeverity(vars, 3, "severity-every-complaint", "severity-emotional", "severity-repeat-complaint",
          "severity-regulator");
    }

    private void assertSeverity(Map<String, Object> vars, int expected, String... matchedRules) {
      DmnDecisionResult result = dmnEngine.evaluateDecision(drd.getDecision("complaint-severity"), vars);
      // COLLECT with MAX aggregates to a single result entry named after the output
      assertThat(result).hasSize(1);
      assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys("severity");
      assertThat(result.<Object>getSingleEntry()).isEqualTo(expected);
      assertThat(MATCHED_RULES.get("complaint-severity")).containsExactlyInAnyOrder(matchedRules);
    }
  }

  // ------------------------------------------------------------------ major-complaint (FIRST)

  @Nested
  class Major {

    @Test
    void shouldFlagRepeatComplaintMajor() {
      Map<String, Object> vars = complaint();
      vars.put("repeatComplaint", true);
      assertMajor(vars, true, "major-repeat-complaint");
    }

    @Test
    void shouldFlagComplaintToManufacturerMajor() {
      Map<String, Object> vars = complaint();
      vars.put("channel", "MANUFACTURER");
      assertMajor(vars, true, "major-manufacturer");
    }

    @Test
    void shouldFlagMediaComplaintMajor() {
      Map<String, Object> vars = complaint();
      vars.put("channel", "MEDIA");
      assertMajor(vars, true, "major-media");
    }

    @Test
    void shouldFlagDisturbanceMajor() {
      Map<String, Object> vars = complaint();
      vars.put("disturbance", true);
      assertMajor(vars, true, "major-disturbance");
    }

    @Test
    void shouldFlagWideImpactJudgedByHandlerMajor() {
      Map<String, Object> vars = complaint();
      vars.put("reputationRisk", true);
      assertMajor(vars, true, "major-reputation-risk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RETURN", "REPLACE"})
    void shouldFlagDemandToReturnOrExchangeTheWholeProductMajor(String demand) {
      Map<String, Object> vars = complaint();
      vars.put("demand", demand);
      vars.put("wholeProduct", true);
      assertMajor(vars, true, "major-whole-product-return");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RETURN", "REPLACE"})
    void shouldNotFlagReturnOrExchangeOfLessThanTheWholeProductMajor(String demand) {
      Map<String, Object> vars = complaint();
      vars.put("demand", demand);
      assertMajor(vars, false, "major-otherwise-not-major");
    }

    @Test
    void shouldNotFlagOtherDemandsForTheWholeProductMajor() {
      Map<String, Object> vars = complaint();
      vars.put("wholeProduct", true);
      for (String demand : new String[] {"REPAIR", "REFUND", "COMPENSATION", "APOLOGY", "EXPLANATION"}) {
        vars.put("demand", demand);
        assertMajor(vars, false, "major-otherwise-not-major");
      }
    }

    @Test
    void shouldNotFlagOtherComplaintsMajor() {
      assertMajor(complaint(), false, "major-otherwise-not-major");
    }

    private void assertMajor(Map<String, Object> vars, boolean expected, String matchedRule) {
      DmnDecisionResult result = dmnEngine.evaluateDecision(drd.getDecision("major-complaint"), vars);
      assertThat(result).hasSize(1);
      assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys("major");
      assertThat(result.<Object>getSingleEntry()).isEqualTo(expected);
      assertThat(MATCHED_RULES.get("major-complaint")).containsExactly(matchedRule);
    }
  }

  // ------------------------------------------------------------------ complaint-level (UNIQUE, top decision)

  @Nested
  class Level {

    @Test
    void shouldRateOrdinaryComplaintLevelOneNotMajor() {
      assertLevel(complaint(), 1, false, "level-ordinary-not-major");
    }

    @Test
    void shouldRateOrdinaryComplaintToManufacturerLevelOneMajor() {
      Map<String, Object> vars = complaint();
      vars.put("channel", "MANUFACTURER");
      assertLevel(vars, 1, true, "level-ordinary-major");
    }

    @Test
    void shouldRateEmotionalComplaintLevelTwoNotMajor() {
      Map<String, Object> vars = complaint();
      vars.put("emotional", true);
      assertLevel(vars, 2, false, "level-serious-not-major");
    }

    @Test
    void shouldRateRepeatComplaintLevelTwoMajor() {
      Map<String, Object> vars = complaint();
      vars.put("repeatComplaint", true);
      assertLevel(vars, 2, true, "level-serious-major");
    }

    @Test
    void shouldRateComplaintToRegulatorLevelThreeNotMajor() {
      Map<String, Object> vars = complaint();
      vars.put("channel", "REGULATOR");
      assertLevel(vars, 3, false, "level-very-serious-not-major");
    }

    @Test
    void shouldRateMediaComplaintLevelThreeMajor() {
      Map<String, Object> vars = complaint();
      vars.put("channel", "MEDIA");
      assertLevel(vars, 3, true, "level-very-serious-major");
    }

    @Test
    void shouldRateClaimAboveTheSupervisorsAuthorityLevelTwo() {
      Map<String, Object> vars = complaint();
      vars.put("claimApproverGroup", "directors");
      assertLevel(vars, 2, false, "level-serious-not-major");
    }

    @Test
    void shouldRateWholeProductReturnLevelOneMajor() {
      Map<String, Object> vars = complaint();
      vars.put("demand", "RETURN");
      vars.put("wholeProduct", true);
      assertLevel(vars, 1, true, "level-ordinary-major");
    }

    // --- combined results of the graph

    @Test
    void shouldRateFranchiseeAtRegulatorWithRepeatComplaintLevelThreeMajor() {
      Map<String, Object> vars = complaint();
      vars.put("complainantType", "FRANCHISEE");
      vars.put("category", "DELIVERY");
      vars.put("channel", "REGULATOR");
      vars.put("repeatComplaint", true);
      assertLevel(vars, 3, true, "level-very-serious-major");
      assertThat(MATCHED_RULES.get("complaint-severity"))
          .containsExactlyInAnyOrder("severity-every-complaint", "severity-regulator", "severity-repeat-complaint");
      assertThat(MATCHED_RULES.get("major-complaint")).containsExactly("major-repeat-complaint");
    }

    @Test
    void shouldRateDisturbanceOverDeliveryLevelOneMajor() {
      Map<String, Object> vars = complaint();
      vars.put("complainantType", "FRANCHISEE");
      vars.put("category", "DELIVERY");
      vars.put("disturbance", true);
      assertLevel(vars, 1, true, "level-ordinary-major");
    }

    @Test
    void shouldEvaluateWithNullClientTier() {
      Map<String, Object> vars = complaint();
      vars.put("emotional", true);
      assertThat(vars).containsEntry("clientTier", null);
      assertLevel(vars, 2, false, "level-serious-not-major");
    }

    @Test
    void shouldNotRaiseOrdinaryComplaintOfVipClient() {
      Map<String, Object> vars = complaint();
      vars.put("clientTier", "VIP");
      assertLevel(vars, 1, false, "level-ordinary-not-major");
    }

    @Test
    void shouldNotChangeLevelForAnyClientTier() {
      Map<String, Object> vars = complaint();
      vars.put("complainantType", "FRANCHISEE");
      vars.put("category", "POLICY");
      for (String tier : new String[] {null, "VIP", "PREFERRED", "QUALIFIED"}) {
        vars.put("clientTier", tier);
        assertLevel(vars, 2, false, "level-serious-not-major");
      }
    }

    @Test
    void shouldNotLowerVerySeriousComplaintOfQualifiedClient() {
      Map<String, Object> vars = complaint();
      vars.put("batchIssue", true);
      vars.put("clientTier", "QUALIFIED");
      assertLevel(vars, 3, false, "level-very-serious-not-major");
    }

    private void assertLevel(Map<String, Object> vars, int level, boolean major, String matchedRule) {
      DmnDecisionResult result = dmnEngine.evaluateDecision(drd.getDecision("complaint-level"), vars);
      // contract: exactly one result, exactly the outputs level and major
      assertThat(result).hasSize(1);
      DmnDecisionResultEntries entries = result.getSingleResult();
      assertThat(entries.getEntryMap()).containsOnlyKeys("level", "major");
      assertThat(entries.<Object>getEntry("level")).isEqualTo(level);
      assertThat(entries.<Object>getEntry("major")).isEqualTo(major);
      assertThat(MATCHED_RULES.get("complaint-level")).containsExactly(matchedRule);
    }
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The full variable map a caller passes: all flags false, no client tier, no claim, an ordinary
   * consumer phone call asking for a repair.
   */
  static Map<String, Object> complaint() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("complainantType", "CONSUMER");
    vars.put("category", "OTHER");
    vars.put("channel", "PHONE");
    vars.put("repeatComplaint", false);
    vars.put("emotional", false);
    vars.put("beyondAuthority", false);
    vars.put("batchIssue", false);
    vars.put("disturbance", false);
    vars.put("reputationRisk", false);
    vars.put("clientTier", null);
    vars.put("demand", "REPAIR");
    vars.put("wholeProduct", false);
    vars.put("claimApproverGroup", null);
    return vars;
  }

  private static DmnEngineConfiguration configurationRecordingMatchedRules() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    List<DmnDecisionEvaluationListener> listeners = new ArrayList<>();
    listeners.add(ComplaintLevelDecisionTests::recordMatchedRules);
    configuration.customPostDecisionEvaluationListeners(listeners);
    return configuration;
  }

  private static void recordMatchedRules(DmnDecisionEvaluationEvent event) {
    record(event.getDecisionResult());
    event.getRequiredDecisionResults().forEach(ComplaintLevelDecisionTests::record);
  }

  private static void record(DmnDecisionLogicEvaluationEvent event) {
    if (event instanceof DmnDecisionTableEvaluationEvent tableEvent) {
      MATCHED_RULES.put(tableEvent.getDecision().getKey(),
          tableEvent.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).collect(Collectors.toList()));
    }
  }
}
