package io.complaintflow.process.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.complaintflow.process.rules.DecisionTables;

/** {@code dmn/intake-routing.dmn}, one test per rule. */
class IntakeRoutingDecisionTests {

  private final DecisionTables table = DecisionTables.load("dmn/intake-routing.dmn", IntakeRouting.DECISION);

  private Map<String, Object> route(String tier, String channel) {
    return table.firstMatch(Map.of("customerTier", tier, "channel", channel));
  }

  @Test
  void vipCustomersGoToTheGreenChannelDeskWithTopPriority() {
    assertThat(route("VIP", "PHONE")).containsEntry("registrationGroup", "vipDesk").containsEntry("taskPriority", 90);
    assertThat(route("VIP", "SOCIAL_MEDIA")).containsEntry("registrationGroup", "vipDesk");
  }

  @Test
  void goldCustomersGoToAgentsWithRaisedPriority() {
    assertThat(route("GOLD", "WEB")).containsEntry("registrationGroup", "agents").containsEntry("taskPriority", 70);
  }

  @Test
  void publicComplaintsOnSocialMediaGetRaisedPriority() {
    assertThat(route("STANDARD", "SOCIAL_MEDIA")).containsEntry("registrationGroup", "agents")
        .containsEntry("taskPriority", 70);
  }

  @Test
  void standardCustomersGoToAgentsWithNormalPriority() {
    assertThat(route("STANDARD", "STORE")).containsEntry("registrationGroup", "agents").containsEntry("taskPriority", 50);
  }

  @Test
  void anUnknownTierMatchesNoRule() {
    assertThat(route("PLATINUM", "WEB")).isNull();
  }
}
