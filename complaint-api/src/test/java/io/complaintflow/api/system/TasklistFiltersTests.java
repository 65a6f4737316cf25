package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.complaintflow.api.ControlIntegrationTest;
import io.complaintflow.api.Submissions;

/**
 * The Tasklist filters each group finds at start-up, run through the engine's FilterService as the demo users would
 * run them in Tasklist (signed in with their groups, on a moved clock).
 */
class TasklistFiltersTests extends ControlIntegrationTest {

  @Autowired
  FilterService filters;
  @Autowired
  StaffAccessSetup setup;

  @Test
  void existOnceAndEachGroupSeesTheFiltersMeantForIt() throws Exception {
    setup.run(null);
    setup.run(null);

    for (String name : List.of(StaffAccessSetup.FILTER_MY_TASKS, StaffAccessSetup.FILTER_GROUP_TASKS,
        StaffAccessSetup.FILTER_DUE_SOON, StaffAccessSetup.FILTER_BREACHED, StaffAccessSetup.FILTER_VIP,
        StaffAccessSetup.FILTER_APPROVALS, StaffAccessSetup.FILTER_DEPARTMENT_REPLIES)) {
      assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isOne();
    }
    assertThat(visibleTo("zhangwei")).contains(StaffAccessSetup.FILTER_MY_TASKS, StaffAccessSetup.FILTER_GROUP_TASKS,
        StaffAccessSetup.FILTER_DUE_SOON, StaffAccessSetup.FILTER_BREACHED, StaffAccessSetup.FILTER_VIP)
        .doesNotContain(StaffAccessSetup.FILTER_APPROVALS, StaffAccessSetup.FILTER_DEPARTMENT_REPLIES);
    assertThat(visibleTo("yangmin")).contains(StaffAccessSetup.FILTER_APPROVALS, StaffAccessSetup.FILTER_VIP)
        .doesNotContain(StaffAccessSetup.FILTER_DEPARTMENT_REPLIES);
    assertThat(visibleTo("huangqiang")).contains(StaffAccessSetup.FILTER_DEPARTMENT_REPLIES,
        StaffAccessSetup.FILTER_DUE_SOON).doesNotContain(StaffAccessSetup.FILTER_APPROVALS, StaffAccessSetup.FILTER_VIP);
    assertThat(visibleTo("liuyang")).contains(StaffAccessSetup.FILTER_APPROVALS,
        StaffAccessSetup.FILTER_DEPARTMENT_REPLIES);
  }

  @Test
  void showTicketCustomerAndTierAndSortByDueDateThenPriority() {
    for (String name : List.of(StaffAccessSetup.FILTER_MY_TASKS, StaffAccessSetup.FILTER_DUE_SOON,
        StaffAccessSetup.FILTER_BREACHED, StaffAccessSetup.FILTER_VIP, StaffAccessSetup.FILTER_APPROVALS,
        StaffAccessSetup.FILTER_DEPARTMENT_REPLIES)) {
      Filter f = filter(name);
      TaskQueryImpl query = f.getQuery();

      assertThat(query.getOrderingProperties()).as(name)
          .extracting(o -> o.getQueryProperty().getName() + " " + o.getDirection().getName())
          .startsWith("DUE_DATE_ asc", "PRIORITY_ desc");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> variables = (List<Map<String, Object>>) f.getProperties().get("variables");
      assertThat(variables).as(name).extracting(v -> v.get("name")).containsExactly("ticket", "customerName",
          "customerTier");
      assertThat((String) f.getProperties().get("description")).as(name).isNotBlank();
    }
  }

  @Test
  void dueSoonAndBreachedFollowTheSlaClockOfTheUsersTasks() {
    // Monday 09:00 a standard complaint (first response due 18:00), 10:00 a VIP one (due 12:00)
    at("2026-11-23T09:00");
    String standard = file(Submissions.valid()).ticket();
    at("2026-11-23T10:00");
    String vip = file(Submissions.valid().with("customer/tier", "VIP")).ticket();
    String vipTask = task(vip, "Task_RegisterComplaint").getId();
    String standardTask = task(standard, "Task_RegisterComplaint").getId();

    // 11:00: the VIP desk sees the VIP complaint due within 4 hours; agents not (it is not theirs)
    at("2026-11-23T11:00");
    assertThat(ids("wangfang", StaffAccessSetup.FILTER_DUE_SOON)).contains(vipTask).doesNotContain(standardTask);
    assertThat(ids("zhangwei", StaffAccessSetup.FILTER_DUE_SOON)).doesNotContain(vipTask, standardTask);
    assertThat(ids("wangfang", StaffAccessSetup.FILTER_BREACHED)).doesNotContain(vipTask, standardTask);

    // 14:30: the VIP complaint is overdue, the standard one due within 4 hours; due soon lists the overdue first
    at("2026-11-23T14:30");
    assertThat(ids("wangfang", StaffAccessSetup.FILTER_BREACHED)).contains(vipTask).doesNotContain(standardTask);
    assertThat(ids("wangfang", StaffAccessSetup.FILTER_DUE_SOON)).containsSubsequence(vipTask, standardTask);
    assertThat(ids("zhangwei", StaffAccessSetup.FILTER_DUE_SOON)).contains(standardTask).doesNotContain(vipTask);

    // once claimed, it stays in its owner's lists and leaves the others'
    signIn("lina");
    tasks.claim(standardTask, "lina");
    identity.clearAuthentication();
    assertThat(ids("lina", StaffAccessSetup.FILTER_DUE_SOON)).contains(standardTask);
    assertThat(ids("zhangwei", StaffAccessSetup.FILTER_DUE_SOON)).doesNotContain(standardTask);
  }

  @Test
  void theVipFilterListsVipComplaintsMostUrgentFirst() {
    // first responses due 11:30 and 12:00
    at("2026-11-23T09:30");
    String earlier = file(Submissions.valid().with("customer/tier", "VIP")).ticket();
    String standard = file(Submissions.valid()).ticket();
    at("2026-11-23T10:00");
    String later = file(Submissions.valid().with("customer/tier", "VIP")).ticket();
    String laterTask = task(later, "Task_RegisterComplaint").getId();
    String earlierTask = task(earlier, "Task_RegisterComplaint").getId();

    List<String> vipDesk = ids("wangfang", StaffAccessSetup.FILTER_VIP);

    assertThat(vipDesk).containsSubsequence(earlierTask, laterTask)
        .doesNotContain(task(standard, "Task_RegisterComplaint").getId());
    assertThat(ids("huangqiang", StaffAccessSetup.FILTER_MY_TASKS)).doesNotContain(earlierTask, laterTask);
  }

  @Test
  void approvalsWaitForTheLevelAskedAndOnlyManagementReadsTheFilter() {
    at("2026-11-24T10:00");
    String ticket = file(Submissions.valid()).ticket();
    register("zhangwei", ticket, true, Map.of());
    work("zhangwei", ticket, "Task_ProposeRemedy", Map.of("remedyType", "REFUND", "remedyAmount", 1500,
        "remedyDescription", "为您退款 1500 元。"));
    String approval = task(ticket, "Task_ApproveRemedy").getId();

    assertThat(ids("liuyang", StaffAccessSetup.FILTER_APPROVALS)).contains(approval);
    assertThat(ids("yangmin", StaffAccessSetup.FILTER_APPROVALS)).doesNotContain(approval);
    String approvals = filter(StaffAccessSetup.FILTER_APPROVALS).getId();
    signIn("zhangwei");
    try {
      assertThatThrownBy(() -> filters.list(approvals)).isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void departmentRepliesReachTheDepartmentAskedOnly() {
    at("2026-11-24T10:00");
    String ticket = file(Submissions.valid()).ticket();
    register("zhangwei", ticket, false, Map.of());
    work("zhangwei", ticket, "Task_InvestigateComplaint", Map.of("findings", "需要质量部确认",
        "investigationNextStep", "ASK_DEPARTMENTS", "inquiryDepartments", "[\"QUALITY\"]",
        "inquiry", "请核实批次质量", "replyWithinHours", 8));
    runDueJobs();
    String reply = task(ticket, "Task_ReplyToInquiry").getId();

    assertThat(ids("huangqiang", StaffAccessSetup.FILTER_DEPARTMENT_REPLIES)).contains(reply);
    assertThat(ids("zhoujie", StaffAccessSetup.FILTER_DEPARTMENT_REPLIES)).doesNotContain(reply);
  }

  private List<String> visibleTo(String user) {
    signIn(user);
    try {
      return filters.createFilterQuery().list().stream().map(Filter::getName).toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The ids of the tasks a filter lists for a user, in its order. */
  private List<String> ids(String user, String filterName) {
    String id = filter(filterName).getId();
    signIn(user);
    try {
      List<Task> found = filters.list(id);
      return found.stream().map(Task::getId).toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  private Filter filter(String name) {
    return filters.createFilterQuery().filterName(name).singleResult();
  }
}
