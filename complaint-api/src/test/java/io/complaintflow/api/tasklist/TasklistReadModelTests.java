package io.complaintflow.api.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ControlIntegrationTest;
import io.complaintflow.api.Submissions;

/**
 * The Tasklist read model answers every staff filter exactly as the engine's own filter query does (same tasks, same
 * order up to the ties the filters' sorting leaves, same count) after the things that happen to tasks: claims,
 * completions, due dates moved, complaints withdrawn, VIP and standard customers, approvals and department replies,
 * suspension, candidate groups changed; over the engine REST API as Tasklist asks; and it leaves to the engine what it
 * cannot answer exactly.
 */
class TasklistReadModelTests extends ControlIntegrationTest {

  private static final List<String> STAFF = List.of("zhangwei", "lina", "wangfang", "liuyang", "yangmin",
      "huangqiang", "zhoujie");
  private static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],"
      + "\"caseInstanceVariables\":[],\"firstResult\":0,\"maxResults\":15,"
      + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

  @Autowired
  FilterService filters;
  @Autowired
  AuthorizationService authorizations;
  @Autowired
  TasklistReadModel model;
  @Autowired
  TasklistFilterAnswers answers;

  @Test
  void answersEveryStaffFilterAsTheEngineDoesWhateverHappensToTheTasks() {
    at("2026-11-23T09:00");
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      tickets.add(file(Submissions.valid()).ticket());
    }
    at("2026-11-23T09:30");
    String vip = file(Submissions.valid().with("customer/tier", "VIP")).ticket();
    String vip2 = file(Submissions.valid().with("customer/tier", "VIP")).ticket();
    sameAsEngine("filed");

    // an agent claims one, registers another (it moves on to investigation), one complaint is withdrawn
    signIn("zhangwei");
    tasks.claim(task(tickets.get(0), "Task_RegisterComplaint").getId(), "zhangwei");
    identity.clearAuthentication();
    register("zhangwei", tickets.get(1), false, Map.of());
    runtime.deleteProcessInstance(task(tickets.get(2), "Task_RegisterComplaint").getProcessInstanceId(),
        "withdrawn");
    sameAsEngine("claimed, registered, withdrawn");

    // a remedy beyond the agent's authority waits for approval; a department is asked
    at("2026-11-24T10:00");
    register("lina", tickets.get(3), false, Map.of());
    work("lina", tickets.get(3), "Task_InvestigateComplaint", Map.of("findings", "需要质量部确认",
        "investigationNextStep", "ASK_DEPARTMENTS", "inquiryDepartments", "[\"QUALITY\"]",
        "inquiry", "请核实批次质量", "replyWithinHours", 8));
    runDueJobs();
    register("wangfang", vip, true, Map.of());
    work("wangfang", vip, "Task_ProposeRemedy", Map.of("remedyType", "REFUND", "remedyAmount", 1500,
        "remedyDescription", "为您退款 1500 元。"));
    assertThat(task(vip, "Task_ApproveRemedy")).isNotNull();
    assertThat(task(tickets.get(3), "Task_ReplyToInquiry")).isNotNull();
    sameAsEngine("approval and department reply");

    // due dates moved, a task handed back, a candidate group added and one removed, an instance suspended
    Task claimed = task(tickets.get(0), "Task_RegisterComplaint");
    claimed.setDueDate(Date.from(local("2026-11-24T08:00")));
    tasks.saveTask(claimed);
    Task investigation = task(tickets.get(1), "Task_InvestigateComplaint");
    tasks.setAssignee(investigation.getId(), null);
    // offered to two groups of wangfang's (vipDesk, agents) besides its own: listed and counted once
    tasks.addCandidateGroup(investigation.getId(), "vipDesk");
    tasks.addCandidateGroup(investigation.getId(), "agents");
    Task vipRegistration = task(vip2, "Task_RegisterComplaint");
    vipRegistration.setDueDate(null);
    tasks.saveTask(vipRegistration);
    tasks.setPriority(vipRegistration.getId(), 80);
    runtime.suspendProcessInstanceById(task(tickets.get(3), "Task_ReplyToInquiry").getProcessInstanceId());
    sameAsEngine("moved, unassigned, regrouped, suspended");
    tasks.deleteCandidateGroup(investigation.getId(), "vipDesk");
    runtime.activateProcessInstanceById(task(tickets.get(3), "Task_ReplyToInquiry").getProcessInstanceId());
    runtime.setVariable(task(tickets.get(1), "Task_InvestigateComplaint").getProcessInstanceId(), "customerTier",
        "VIP");
    runtime.setVariable(task(vip2, "Task_RegisterComplaint").getProcessInstanceId(), "customerTier", "GOLD");
    at("2026-11-25T16:00");
    sameAsEngine("activated, tiers changed, a day later");

    // completed: gone from every list
    work("liuyang", vip, "Task_ApproveRemedy", Map.of("approvalDecision", "APPROVE", "approvalReason", "客户损失属实"));
    sameAsEngine("approved");
  }

  @Test
  void answersTasklistOverTheEngineRestApiWithTheEnginesOwnPage() {
    at("2026-11-23T09:00");
    for (int i = 0; i < 20; i++) {
      file(i % 3 == 0 ? Submissions.valid().with("customer/tier", "VIP") : Submissions.valid());
    }
    at("2026-11-23T20:00");

    for (StaffTaskFilters f : List.of(StaffTaskFilters.GROUP_TASKS, StaffTaskFilters.BREACHED,
        StaffTaskFilters.VIP)) {
      String id = filterId(f);
      String user = f == StaffTaskFilters.VIP ? "wangfang" : "zhangwei";
      Answer page = api.post("/engine-rest/engine/control/filter/" + id + "/list?firstResult=0&maxResults=15",
          TASKLIST_BODY).header("Accept", "application/hal+json").as(user, "demo").send();
      assertThat(page.status()).as(page.raw()).isEqualTo(200);
      assertThat(page.header(TasklistFilterEndpoint.ANSWERED_BY)).as(f.name()).isEqualTo("read-model; proven-page");

      List<Task> engine = engine(user, id, tasks.createTaskQuery().active());
      assertThat(engine).as(f.name()).isNotEmpty();
      assertThat(page.json().path("count").asLong()).as(f.name()).isEqualTo(engine.size());
      List<String> listed = new ArrayList<>();
      page.json().path("_embedded").path("task").forEach(t -> listed.add(t.path("id").asText()));
      assertSameOrder(f.name(), listed, engine.subList(0, Math.min(15, engine.size())), engine);
      // the engine rendered it: Tasklist's variables are embedded
      JsonNode variables = page.json().path("_embedded").path("task").get(0).path("_embedded").path("variable");
      assertThat(variables).extracting(v -> v.path("name").asText()).contains("ticket", "customerTier");

      Answer count = api.post("/engine-rest/engine/control/filter/" + id + "/count", TASKLIST_BODY)
          .as(user, "demo").send();
      assertThat(count.header(TasklistFilterEndpoint.ANSWERED_BY)).isEqualTo("read-model");
      assertThat(count.json().path("count").asLong()).isEqualTo(engine.size());
    }

    // a search Tasklist's search box sends: the engine answers
    String groupTasks = filterId(StaffTaskFilters.GROUP_TASKS);
    Answer searched = api.post("/engine-rest/engine/control/filter/" + groupTasks + "/list?firstResult=0&maxResults=15",
        "{\"processVariables\":[{\"name\":\"customerTier\",\"operator\":\"eq\",\"value\":\"VIP\"}]}")
        .header("Accept", "application/hal+json").as("zhangwei", "demo").send();
    assertThat(searched.status()).as(searched.raw()).isEqualTo(200);
    assertThat(searched.header(TasklistFilterEndpoint.ANSWERED_BY)).isNull();
    assertThat(searched.json().path("count").asLong()).isEqualTo(
        engine("zhangwei", groupTasks, tasks.createTaskQuery().processVariableValueEquals("customerTier", "VIP"))
            .size());
  }

  @Test
  void rendersAProvenPageAsTheEngineRendersItWithEveryCheck() {
    at("2026-11-23T09:00");
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tickets.add(file(i % 2 == 0 ? Submissions.valid().with("customer/tier", "VIP") : Submissions.valid()).ticket());
    }
    register("zhangwei", tickets.get(1), false, Map.of());
    signIn("zhangwei");
    tasks.claim(task(tickets.get(3), "Task_RegisterComplaint").getId(), "zhangwei");
    identity.clearAuthentication();
    at("2026-11-23T20:00");

    Map<StaffTaskFilters, String> users = Map.of(StaffTaskFilters.MY_TASKS, "zhangwei",
        StaffTaskFilters.GROUP_TASKS, "zhangwei", StaffTaskFilters.VIP, "wangfang", StaffTaskFilters.BREACHED,
        "zhangwei");
    users.forEach((f, user) -> {
      String path = "/engine-rest/engine/control/filter/" + filterId(f) + "/list?firstResult=0&maxResults=50";
      Answer proven = api.post(path, TASKLIST_BODY).header("Accept", "application/hal+json").as(user, "demo").send();
      // a query parameter the read model does not know: the engine answers, checking every row
      Answer engine = api.post(path + "&engine=itself", TASKLIST_BODY).header("Accept", "application/hal+json")
          .as(user, "demo").send();
      assertThat(proven.header(TasklistFilterEndpoint.ANSWERED_BY)).as(f.name()).isEqualTo("read-model; proven-page");
      assertThat(engine.header(TasklistFilterEndpoint.ANSWERED_BY)).as(f.name()).isNull();
      assertThat(proven.json().path("count")).as(f.name()).isEqualTo(engine.json().path("count"));
      assertThat(tasksById(proven.json())).as(f.name()).isNotEmpty().isEqualTo(tasksById(engine.json()));
      for (String embedded : List.of("assignee", "processDefinition")) {
        assertThat(byId(proven.json().path("_embedded").path(embedded))).as(f.name() + " " + embedded)
            .isEqualTo(byId(engine.json().path("_embedded").path(embedded)));
      }
    });
    // what the engine embeds on these pages: Tasklist's variables, the assignee, the process definition
    Answer mine = api.post("/engine-rest/engine/control/filter/" + filterId(StaffTaskFilters.MY_TASKS)
        + "/list?firstResult=0&maxResults=50", TASKLIST_BODY).header("Accept", "application/hal+json")
        .as("zhangwei", "demo").send();
    assertThat(mine.json().path("_embedded").path("assignee").findValuesAsText("id")).containsExactly("zhangwei");
    assertThat(mine.json().path("_embedded").path("task").get(0).path("_embedded").path("variable")
        .findValuesAsText("name")).contains("ticket", "customerName");
  }

  @Test
  void letsTheEngineCheckEveryRowOfAPageForSomeoneWhoMayNotReadEveryProcessInstance() {
    at("2026-11-23T09:00");
    String ticket = file(Submissions.valid()).ticket();
    String desk = "taskdeskonly";
    String user = "taskdeskuser";
    Group group = identity.newGroup(desk);
    group.setName("只读任务");
    identity.saveGroup(group);
    org.camunda.bpm.engine.identity.User member = identity.newUser(user);
    member.setPassword("demo");
    identity.saveUser(member);
    identity.createMembership(user, desk);
    String myTasks = filterId(StaffTaskFilters.MY_TASKS);
    String taskId = task(ticket, "Task_RegisterComplaint").getId();
    tasks.setAssignee(taskId, user);
    grant(desk, Resources.FILTER, myTasks, org.camunda.bpm.engine.authorization.Permissions.READ);
    grant(desk, Resources.TASK, "*", org.camunda.bpm.engine.authorization.Permissions.READ);
    grant(desk, Resources.USER, "*", org.camunda.bpm.engine.authorization.Permissions.READ);
    grant(desk, Resources.PROCESS_DEFINITION, "*", org.camunda.bpm.engine.authorization.Permissions.READ);

    Answer page = api.post("/engine-rest/engine/control/filter/" + myTasks + "/list?firstResult=0&maxResults=50",
        TASKLIST_BODY).header("Accept", "application/hal+json").as(user, "demo").send();

    Answer engine = api.post("/engine-rest/engine/control/filter/" + myTasks
        + "/list?firstResult=0&maxResults=50&engine=itself", TASKLIST_BODY).header("Accept", "application/hal+json")
        .as(user, "demo").send();

    assertThat(page.status()).as(page.raw()).isEqualTo(200);
    assertThat(page.header(TasklistFilterEndpoint.ANSWERED_BY)).as("the page from the model, every row checked")
        .isEqualTo("read-model");
    assertThat(tasksById(page.json()).keySet()).containsExactly(taskId);
    assertThat(tasksById(page.json())).isEqualTo(tasksById(engine.json()));
  }

  private void grant(String group, Resources resource, String id, org.camunda.bpm.engine.authorization.Permission p) {
    Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(id);
    a.addPermission(p);
    authorizations.saveAuthorization(a);
  }

  private static Map<String, JsonNode> tasksById(JsonNode hal) {
    return byId(hal.path("_embedded").path("task"));
  }

  private static Map<String, JsonNode> byId(JsonNode array) {
    Map<String, JsonNode> byId = new java.util.TreeMap<>();
    array.forEach(node -> byId.put(node.path("id").asText(), node));
    return byId;
  }

  @Test
  void leavesItToTheEngineWhenAGroupLosesItsGrantOnATask() {
    at("2026-11-23T09:00");
    String ticket = file(Submissions.valid()).ticket();
    String other = file(Submissions.valid()).ticket();
    String taskId = task(ticket, "Task_RegisterComplaint").getId();
    String groupTasks = filterId(StaffTaskFilters.GROUP_TASKS);
    assertThat(answer("zhangwei", StaffTaskFilters.GROUP_TASKS)).as("answered from the model").isTrue();

    Authorization grant = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
        .groupIdIn("agents").singleResult();
    authorizations.deleteAuthorization(grant.getId());

    assertThat(answer("zhangwei", StaffTaskFilters.GROUP_TASKS)).as("answered by the engine").isFalse();
    List<String> engine = engine("zhangwei", groupTasks, null).stream().map(Task::getId).toList();
    assertThat(engine).doesNotContain(taskId).contains(task(other, "Task_RegisterComplaint").getId());
    // supervisors read every task: still answered from the model
    assertThat(answer("liuyang", StaffTaskFilters.GROUP_TASKS)).isTrue();

    // the grant given back: answered from the model again
    Authorization back = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    back.setGroupId("agents");
    back.setResource(Resources.TASK);
    back.setResourceId(taskId);
    back.setPermissions(grant.getPermissions(org.camunda.bpm.engine.authorization.Permissions.values()));
    authorizations.saveAuthorization(back);
    assertThat(answer("zhangwei", StaffTaskFilters.GROUP_TASKS)).as("answered from the model again").isTrue();
  }

  /** Every filter, for every staff member who may read it, with and without Tasklist's "active". */
  private void sameAsEngine(String when) {
    for (StaffTaskFilters f : StaffTaskFilters.values()) {
      String id = filterId(f);
      for (String user : STAFF) {
        if (!mayRead(user, id)) {
          continue;
        }
        for (boolean active : List.of(false, true)) {
          String what = when + ": " + f.name() + " for " + user + (active ? " (active)" : "");
          List<Task> engine = engine(user, id, active ? tasks.createTaskQuery().active() : null);
          TasklistReadModel.Page page = page(user, f, active, 0, 1000);
          assertThat(page.count()).as(what).isEqualTo(engine.size());
          assertSameOrder(what, page.taskIds(), engine, engine);
          // a middle page too
          if (engine.size() > 2) {
            assertSameOrder(what + " page 2", page(user, f, active, 1, 2).taskIds(), engine.subList(1, 3), engine);
          }
        }
      }
    }
  }

  /** Same tasks, and in the same order except among tasks the filter's sorting cannot tell apart. */
  private static void assertSameOrder(String what, List<String> ids, List<Task> expected, List<Task> all) {
    Function<Task, String> key = t -> t.getDueDate() + "|" + t.getPriority() + "|" + t.getCreateTime();
    Map<String, Task> byId = new java.util.HashMap<>();
    all.forEach(t -> byId.put(t.getId(), t));
    assertThat(ids).as(what).doesNotHaveDuplicates().allMatch(byId::containsKey);
    assertThat(ids.stream().map(byId::get).map(key).toList()).as(what + " order")
        .isEqualTo(expected.stream().map(key).toList());
    // the same tasks, unless the page ends inside a run of equal keys (the engine may then pick either)
    if (!tiesAtEdges(expected, all)) {
      assertThat(ids.stream().sorted().toList()).as(what + " tasks")
          .isEqualTo(expected.stream().map(Task::getId).sorted().toList());
    }
  }

  /** True when the page's first or last sort key is shared with a task outside it (the engine may pick either). */
  private static boolean tiesAtEdges(List<Task> page, List<Task> all) {
    if (page.isEmpty() || page.size() == all.size()) {
      return false;
    }
    Comparator<Task> same = Comparator.comparing((Task t) -> String.valueOf(t.getDueDate()))
        .thenComparing(t -> t.getPriority()).thenComparing(t -> String.valueOf(t.getCreateTime()));
    return all.stream().filter(t -> !page.contains(t)).anyMatch(t -> same.compare(t, page.get(0)) == 0
        || same.compare(t, page.get(page.size() - 1)) == 0);
  }

  private TasklistReadModel.Page page(String user, StaffTaskFilters f, boolean active, int first, int max) {
    return model.page(f, user, groups(user), ClockUtil.getCurrentTime(), active, first, max);
  }

  /** Whether the read model answers (rather than the engine) this filter for this user, as a request would. */
  private boolean answer(String user, StaffTaskFilters f) {
    identity.setAuthentication(user, groups(user));
    try {
      return answers.answer(new TasklistFilterAnswers.Request("control", filterId(f), null, 0, 15), true).isPresent();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The engine's own answer: the filter's query (extended), as the signed-in user. */
  private List<Task> engine(String user, String filterId, TaskQuery extending) {
    identity.setAuthentication(user, groups(user));
    try {
      List<Task> found = extending == null ? filters.list(filterId) : filters.list(filterId, extending);
      long count = extending == null ? filters.count(filterId) : filters.count(filterId, extending);
      assertThat(found).hasSize((int) count);
      return found;
    } finally {
      identity.clearAuthentication();
    }
  }

  private boolean mayRead(String user, String filterId) {
    identity.setAuthentication(user, groups(user));
    try {
      return filters.createFilterQuery().filterId(filterId).count() == 1;
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<String> groups(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private String filterId(StaffTaskFilters f) {
    Filter filter = filters.createFilterQuery().filterName(f.filterName()).singleResult();
    return filter.getId();
  }
}
