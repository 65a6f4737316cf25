package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.complaintflow.process.handling.HandlingProcess;
import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.api.Submissions;
import io.complaintflow.process.staff.StaffGroups;

/** The access model: each group sees the apps and tasks it should, and nothing more. */
class StaffAccessTests extends ApiIntegrationTest {

  @Autowired
  AuthorizationService authorizations;
  @Autowired
  FilterService filters;
  @Autowired
  StaffAccessSetup setup;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void anAgentCannotSeeOrCompleteASupervisorsReview() {
    Task review = suspectedMaliciousComplaint();

    signIn("zhangwei");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isZero();
    assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("maliciousConfirmed", false,
        "maliciousReviewNote", "x"))).isInstanceOf(AuthorizationException.class);

    signIn("liuyang");
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isOne();
    tasks.claim(review.getId(), "liuyang");
    tasks.complete(review.getId(), Map.of("maliciousConfirmed", false, "maliciousReviewNote", "客户诉求合理,按正常投诉处理"));
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isZero();
  }

  @Test
  void onlyManagementGroupsOpenCockpitAndOnlyProcessOwnersDeploy() {
    assertThat(authorized("zhangwei", Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorized("huangqiang", Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorized("zhangwei", Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(authorized("huangqiang", Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(authorized("liuyang", Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorized("zhaolei", Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorized("zhangwei", Resources.APPLICATION, "admin")).isFalse();
    assertThat(authorizations.isUserAuthorized("sunli", groupsOf("sunli"), Permissions.CREATE, Resources.DEPLOYMENT))
        .isTrue();
    assertThat(authorizations.isUserAuthorized("liuyang", groupsOf("liuyang"), Permissions.CREATE, Resources.DEPLOYMENT))
        .isFalse();
  }

  @Test
  void tasklistFiltersExistOnceAndEveryStaffMemberSeesThem() throws Exception {
    setup.run(null);
    setup.run(null);

    assertThat(filters.createFilterQuery().filterName(StaffAccessSetup.FILTER_MY_TASKS).count()).isOne();
    assertThat(filters.createFilterQuery().filterName(StaffAccessSetup.FILTER_GROUP_TASKS).count()).isOne();
    signIn("xuming");
    assertThat(filters.createFilterQuery().list()).extracting(f -> f.getName())
        .contains(StaffAccessSetup.FILTER_MY_TASKS, StaffAccessSetup.FILTER_GROUP_TASKS);
  }

  @Test
  void aRestartRestoresAMissingGrantAndLeavesAnEditedOneAlone() throws Exception {
    authorizations.deleteAuthorization(agentsTasklistAccess().getId());
    Authorization deploy = processOwnersDeployment();
    deploy.removePermission(Permissions.CREATE);
    authorizations.saveAuthorization(deploy);
    long groupGrants = authorizations.createAuthorizationQuery().groupIdIn(StaffAccessSetup.GROUPS.keySet()
        .toArray(String[]::new)).resourceId(Authorization.ANY).count();
    try {
      setup.run(null);

      assertThat(agentsTasklistAccess().isPermissionGranted(Permissions.ACCESS)).isTrue();
      Authorization edited = processOwnersDeployment();
      assertThat(edited.getId()).isEqualTo(deploy.getId());
      assertThat(edited.isPermissionGranted(Permissions.CREATE)).as("an administrator's edit survives").isFalse();
      assertThat(edited.isPermissionGranted(Permissions.READ)).isTrue();
      assertThat(authorizations.createAuthorizationQuery().groupIdIn(StaffAccessSetup.GROUPS.keySet()
          .toArray(String[]::new)).resourceId(Authorization.ANY).count()).isEqualTo(groupGrants);
    } finally {
      Authorization restored = processOwnersDeployment();
      restored.addPermission(Permissions.CREATE);
      authorizations.saveAuthorization(restored);
    }
  }

  private Authorization agentsTasklistAccess() {
    return authorizations.createAuthorizationQuery().groupIdIn(StaffGroups.AGENTS)
        .resourceType(Resources.APPLICATION).resourceId("tasklist").singleResult();
  }

  private Authorization processOwnersDeployment() {
    return authorizations.createAuthorizationQuery().groupIdIn(StaffGroups.PROCESS_OWNERS)
        .resourceType(Resources.DEPLOYMENT).resourceId(Authorization.ANY).singleResult();
  }

  @Test
  void theMyTasksFilterListsTheUsersTasks() {
    String ticket = api.post("/api/complaints", Submissions.valid().json()).as("wangfang", "demo").send()
        .json().path("ticket").asText();
    String filterId = filters.createFilterQuery().filterName(StaffAccessSetup.FILTER_MY_TASKS).singleResult().getId();
    String instance = runtime.createProcessInstanceQuery().processDefinitionKey(HandlingProcess.KEY).processInstanceBusinessKey(ticket).singleResult().getId();

    signIn("wangfang");
    List<Task> mine = filters.list(filterId);

    assertThat(mine).extracting(Task::getProcessInstanceId).contains(instance);
  }

  @Test
  void theEngineRestApiRunsWithTheCallersAuthorizations() {
    Task review = suspectedMaliciousComplaint();

    Answer anonymous = api.get("/engine-rest/task").send();
    Answer agent = api.get("/engine-rest/task?taskDefinitionKey=Task_ReviewSuspectedMalicious").as("zhangwei", "demo").send();
    Answer supervisor = api.get("/engine-rest/task?taskDefinitionKey=Task_ReviewSuspectedMalicious").as("chenjing", "demo").send();

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(agent.status()).isEqualTo(200);
    assertThat(agent.json()).isEmpty();
    assertThat(supervisor.json().findValuesAsText("id")).contains(review.getId());
  }

  /** A complaint its agent suspects to be malicious, waiting for a supervisor's review. */
  private Task suspectedMaliciousComplaint() {
    String ticket = api.post("/api/complaints", Submissions.valid().json()).as("lina", "demo").send()
        .json().path("ticket").asText();
    Task register = tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult();
    signIn("lina");
    tasks.complete(register.getId(), Map.of("facts", "客户要求赔偿十万元,否则发微博", "customerRequest", "赔偿十万元",
        "problemType", "OTHER", "resolvableAtFirstContact", true, "suspectedMalicious", true,
        "maliciousReason", "索赔金额与损失明显不符,并以曝光相要挟"));
    identity.clearAuthentication();
    return awaitTask(ticket, "Task_ReviewSuspectedMalicious");
  }

  private void signIn(String user) {
    identity.setAuthentication(user, groupsOf(user));
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  @Test
  void cockpitUsersReadInstancesAndHistoryOfEveryProcessAndSupervisorsStillHandTasksOver() {
    for (String user : List.of("liuyang", "zhaolei", "sunli")) {
      for (Permission p : List.of(Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY)) {
        assertThat(authorizations.isUserAuthorized(user, groupsOf(user), p, Resources.PROCESS_DEFINITION, "*"))
            .as(user + " " + p.getName() + " on every process definition").isTrue();
      }
    }
    assertThat(authorizations.isUserAuthorized("liuyang", groupsOf("liuyang"), Permissions.TASK_ASSIGN,
        Resources.TASK, "*")).isTrue();
    assertThat(authorizations.isUserAuthorized("zhangwei", groupsOf("zhangwei"), Permissions.READ_HISTORY,
        Resources.PROCESS_DEFINITION, "*")).isFalse();
    assertThat(authorizations.isUserAuthorized("zhangwei", groupsOf("zhangwei"), Permissions.READ,
        Resources.PROCESS_DEFINITION, "*")).isTrue();
  }

  private boolean authorized(String user, org.camunda.bpm.engine.authorization.Resource resource, String id) {
    return authorizations.isUserAuthorized(user, groupsOf(user), Permissions.ACCESS, resource, id);
  }
}
