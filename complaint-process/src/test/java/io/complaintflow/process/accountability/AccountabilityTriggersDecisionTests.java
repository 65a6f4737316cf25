package io.complaintflow.process.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.complaintflow.process.rules.DecisionTables;

/** {@code dmn/accountability-triggers.dmn}: every row, and a complaint that needs none. */
class AccountabilityTriggersDecisionTests {

  private final DecisionTables table = DecisionTables.load("dmn/accountability-triggers.dmn",
      AccountabilityProcess.TRIGGERS_DECISION);

  @ParameterizedTest(name = "escalated to {0}, breached {1}: {2}")
  @CsvSource(nullValues = "null", value = {
      "null, false, NONE",
      "AGENT, false, NONE",
      "SUPERVISOR, false, NONE",
      "MANAGER, false, ESCALATED",
      "DIRECTOR, false, ESCALATED",
      "DIRECTOR, true, ESCALATED",
      "null, true, BREACHED",
      "SUPERVISOR, true, BREACHED"})
  void flagsComplaintsEscalatedToAManagerOrPastTheirTarget(String level, boolean breached, String trigger) {
    Map<String, Object> input = new HashMap<>();
    input.put("escalationLevel", level);
    input.put("slaBreached", breached);
    assertThat(table.firstMatch(input)).containsEntry("accountabilityTrigger", trigger);
  }
}
