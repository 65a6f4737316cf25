package io.complaintflow.process.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.complaintflow.process.rules.DecisionTables;

/** {@code dmn/sla-targets.dmn}, one test per rule; severity and category are unknown (null) before classification. */
class SlaTargetsDecisionTests {

  private final DecisionTables table = DecisionTables.load("dmn/sla-targets.dmn", SlaPolicy.DECISION);

  private Map<String, Object> targets(String tier, String severity, String category) {
    Map<String, Object> input = new HashMap<>();
    input.put("customerTier", tier);
    input.put("severity", severity);
    input.put("category", category);
    return table.firstMatch(input);
  }

  @Test
  void criticalVipComplaintsGetOneHourAndOneDay() {
    assertThat(targets("VIP", "CRITICAL", "QUALITY")).containsEntry("firstResponse", "PT1H").containsEntry("resolution", "P1D");
  }

  @Test
  void vipComplaintsGetTwoHoursAndTwoDaysIncludingAtIntake() {
    assertThat(targets("VIP", "LOW", "SERVICE")).containsEntry("firstResponse", "PT2H").containsEntry("resolution", "P2D");
    assertThat(targets("VIP", null, null)).containsEntry("firstResponse", "PT2H");
  }

  @Test
  void criticalComplaintsGetTwoHoursAndTwoDays() {
    assertThat(targets("STANDARD", "CRITICAL", "QUALITY")).containsEntry("firstResponse", "PT2H").containsEntry("resolution", "P2D");
  }

  @Test
  void highSeverityGetsFourHoursAndThreeDays() {
    assertThat(targets("GOLD", "HIGH", "BILLING")).containsEntry("firstResponse", "PT4H").containsEntry("resolution", "P3D");
  }

  @Test
  void goldCustomersGetFourHoursAndFourDaysIncludingAtIntake() {
    assertThat(targets("GOLD", "MEDIUM", "QUALITY")).containsEntry("firstResponse", "PT4H").containsEntry("resolution", "P4D");
    assertThat(targets("GOLD", null, null)).containsEntry("firstResponse", "PT4H");
  }

  @Test
  void deliveryAndBillingProblemsGetThreeDays() {
    assertThat(targets("STANDARD", "MEDIUM", "DELIVERY")).containsEntry("firstResponse", "PT8H").containsEntry("resolution", "P3D");
    assertThat(targets("STANDARD", "LOW", "BILLING")).containsEntry("resolution", "P3D");
  }

  @Test
  void everythingElseGetsEightHoursAndFiveDays() {
    assertThat(targets("STANDARD", "LOW", "SERVICE")).containsEntry("firstResponse", "PT8H").containsEntry("resolution", "P5D");
    assertThat(targets("STANDARD", null, null)).containsEntry("firstResponse", "PT8H");
  }
}
