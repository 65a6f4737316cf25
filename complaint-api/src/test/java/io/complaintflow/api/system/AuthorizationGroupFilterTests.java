package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.api.Submissions;

/**
 * The engine keeps a staff member's few groups as they are instead of narrowing them with a scan of the whole
 * authorization table in every command, and decides every check as before.
 */
class AuthorizationGroupFilterTests extends ApiIntegrationTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  AuthorizationService authorizations;

  @Test
  void aShortListOfGroupsIsKeptAsItIsAndALongOneNarrowedAsTheEngineDoes() {
    List<String> few = List.of("agents", "groupwithoutanygrant");
    List<String> many = new java.util.ArrayList<>(List.of("agents"));
    for (int i = 0; i < 60; i++) {
      many.add("directorygroup" + i);
    }

    List<List<String>> kept = inACommand(m -> List.of(m.filterAuthenticatedGroupIds(few),
        m.filterAuthenticatedGroupIds(many)));

    assertThat(kept.get(0)).containsExactly("agents", "groupwithoutanygrant");
    assertThat(kept.get(1)).as("narrowed to the groups with a grant").containsExactly("agents");
  }

  @Test
  void aGroupWithoutGrantsChangesNoDecision() {
    file(Submissions.valid());
    List<String> agent = List.of("agents");
    List<String> agentAndMore = List.of("agents", "groupwithoutanygrant", "anotherwithout");

    assertThat(visibleTasks("zhangwei", agentAndMore)).isPositive().isEqualTo(visibleTasks("zhangwei", agent));
    assertThat(authorizations.isUserAuthorized("zhangwei", agentAndMore, Permissions.ACCESS, Resources.APPLICATION,
        "tasklist")).isTrue();
    assertThat(authorizations.isUserAuthorized("zhangwei", agentAndMore, Permissions.ACCESS, Resources.APPLICATION,
        "cockpit")).as("agents may not open Cockpit").isFalse();
    assertThat(visibleTasks("nobodyingroups", List.of("groupwithoutanygrant"))).isZero();
  }

  private long visibleTasks(String user, List<String> groups) {
    identity.setAuthentication(user, groups);
    try {
      return tasks.createTaskQuery().count();
    } finally {
      identity.clearAuthentication();
    }
  }

  private <T> T inACommand(java.util.function.Function<AuthorizationManager, T> work) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          assertThat(context.getAuthorizationManager())
              .isInstanceOf(AuthorizationGroupFilter.FewGroupsAuthorizationManager.class);
          return work.apply(context.getAuthorizationManager());
        });
  }
}
