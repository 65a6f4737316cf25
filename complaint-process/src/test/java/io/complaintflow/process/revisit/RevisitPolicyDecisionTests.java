package io.complaintflow.process.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.complaintflow.process.rules.DecisionTables;

/** {@code dmn/revisit-policy.dmn}: every row, first match wins. */
class RevisitPolicyDecisionTests {

  private final DecisionTables table = DecisionTables.load("dmn/revisit-policy.dmn", RevisitProcess.POLICY_DECISION);

  @ParameterizedTest(name = "{0} customer, {1} complaint by {2}: {3} after {4} by {5}")
  @CsvSource({
      "VIP, QUALITY, LETTER, LETTER, P3D, agents",
      "STANDARD, BILLING, LETTER, LETTER, P3D, agents",
      "VIP, QUALITY, PHONE, VISIT, P1D, vipDesk",
      "VIP, SERVICE, WEB, PHONE, P1D, vipDesk",
      "GOLD, QUALITY, APP, PHONE, P2D, agents",
      "STANDARD, QUALITY, WEB, PHONE, P3D, agents",
      "STANDARD, SERVICE, WEB, SURVEY, P3D, agents",
      "STANDARD, DELIVERY, WECHAT, SURVEY, P3D, agents"})
  void choosesHowAndWhenToRevisit(String tier, String category, String channel, String method, String after,
      String group) {
    Map<String, Object> row = table.firstMatch(Map.of("customerTier", tier, "category", category, "channel", channel));
    assertThat(row).containsEntry("revisitMethod", method).containsEntry("revisitAfter", after)
        .containsEntry("revisitGroup", group);
  }
}
