package io.complaintflow.process.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.complaintflow.process.rules.DecisionTables;

/** {@code dmn/remedy-authority.dmn}, every rule band at and around its limit. */
class RemedyAuthorityDecisionTests {

  private final DecisionTables table = DecisionTables.load("dmn/remedy-authority.dmn", RemedyApprovalProcess.DECISION);

  private Map<String, Object> authority(String type, double amount, String tier) {
    Map<String, Object> input = new HashMap<>();
    input.put("remedyType", type);
    input.put("remedyAmount", amount);
    input.put("customerTier", tier);
    return table.firstMatch(input);
  }

  @ParameterizedTest(name = "{0} of {1} yuan for a {2} customer needs {3}")
  @CsvSource({
      "GUIDANCE, 0, STANDARD, AGENT",
      "WRITTEN_APOLOGY, 0, VIP, SUPERVISOR",
      "REFUND, 200, STANDARD, AGENT",
      "REFUND, 200.01, STANDARD, SUPERVISOR",
      "REFUND, 500, VIP, AGENT",
      "REFUND, 500.01, VIP, SUPERVISOR",
      "REFUND, 2000, GOLD, SUPERVISOR",
      "REFUND, 10000, STANDARD, MANAGER",
      "REFUND, 10000.01, STANDARD, DIRECTOR",
      "RETURN, 1000, STANDARD, AGENT",
      "EXCHANGE, 3000, VIP, AGENT",
      "EXCHANGE, 3000, STANDARD, SUPERVISOR",
      "RETURN, 20000, STANDARD, MANAGER",
      "EXCHANGE, 25000, VIP, DIRECTOR",
      "REPAIR, 500, STANDARD, AGENT",
      "REPAIR, 2000, STANDARD, SUPERVISOR",
      "REPAIR, 2500, STANDARD, MANAGER",
      "COMPENSATION, 100, STANDARD, AGENT",
      "COMPENSATION, 1000, STANDARD, SUPERVISOR",
      "COMPENSATION, 5000, STANDARD, MANAGER",
      "COMPENSATION, 5001, VIP, DIRECTOR",
      "VOUCHER, 100, STANDARD, AGENT",
      "VOUCHER, 300, VIP, AGENT",
      "VOUCHER, 300, GOLD, SUPERVISOR",
      "VOUCHER, 500, STANDARD, SUPERVISOR",
      "VOUCHER, 800, STANDARD, MANAGER"})
  void requiresTheLowestLevelAllowedToGrantIt(String type, double amount, String tier, String level) {
    Map<String, Object> row = authority(type, amount, tier);
    assertThat(row).containsEntry("requiredLevel", level);
    assertThat((String) row.get("authorityRule")).isNotBlank();
  }

  @Test
  void anUnknownRemedyTypeMatchesNoRule() {
    assertThat(authority("FREE_CAR", 1, "STANDARD")).isNull();
  }
}
