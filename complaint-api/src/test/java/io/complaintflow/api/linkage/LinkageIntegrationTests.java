package io.complaintflow.api.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ControlIntegrationTest;
import io.complaintflow.api.Submissions;

/**
 * Department linkage (联动机制) and joint consultation (联合会诊): inquiries with reply deadlines in working time,
 * reminders, overdue flags, ratings, the departments' figures; and a hard complaint consulted on jointly.
 */
class LinkageIntegrationTests extends ControlIntegrationTest {

  @Test
  void asksDepartmentsRemindsAndFlagsLateRepliesAndRatesThem() {
    at("2026-12-07T10:00");   // Monday
    Filed f = file(Submissions.valid());
    register("zhangwei", f.ticket(), false, Map.of());

    work("zhangwei", f.ticket(), "Task_InvestigateComplaint", Map.of("findings", "需要质量部和物流部确认",
        "investigationNextStep", "ASK_DEPARTMENTS", "inquiryDepartments", "[\"QUALITY\",\"LOGISTICS\"]",
        "inquiry", "请核实批次质量和运输情况", "replyWithinHours", 8));

    // two inquiries, each offered to its department, due in 8 working hours: Tuesday 10:00
    List<Map<String, Object>> inquiries = jdbc.queryForList(
        "select i.department, i.department_group, i.due_at from department_inquiry i join complaint c on c.id = i.complaint_id "
            + "where c.ticket = ? order by i.department", f.ticket());
    assertThat(inquiries).extracting(r -> r.get("DEPARTMENT_GROUP")).containsExactly("deptLogistics", "deptQuality");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(f.ticket()).taskDefinitionKey("Task_ReplyToInquiry")
        .taskCandidateGroup("deptQuality").singleResult().getDueDate().toInstant()).isEqualTo(local("2026-12-08T10:00"));

    // quality replies in time
    at("2026-12-07T16:00");
    workAs("huangqiang", f.ticket(), "deptQuality", Map.of("departmentReply", "该批次内胆涂层不合格,已封存"));
    // logistics is reminded at 75 % of its 8 working hours (Monday 17:00) and is late at Tuesday 10:00
    at("2026-12-08T09:01");
    runDueJobs();
    assertThat(jdbc.queryForObject("select reminded_at is not null from department_inquiry where department = "
        + "'LOGISTICS' and complaint_id = ?", Boolean.class, complaint(f.ticket()).getId())).isTrue();
    at("2026-12-08T10:00");
    runDueJobs();
    assertThat(complaint(f.ticket()).getLinkageOverdueAt()).isEqualTo(local("2026-12-08T10:00"));
    assertThat(events(f.ticket())).contains("DEPARTMENT_REPLY_OVERDUE");
    at("2026-12-08T15:00");
    workAs("xuming", f.ticket(), "deptLogistics", Map.of("departmentReply", "运输途中有挤压"));

    // the owner rates both replies; then the investigation goes on
    rate(f.ticket(), "5");
    rate(f.ticket(), "2");
    assertThat(task(f.ticket(), "Task_InvestigateComplaint")).isNotNull();

    Answer report = api.get("/api/staff/departments/performance?from=2026-12-07T00:00:00%2B08:00&to=2026-12-08T00:00:00%2B08:00")
        .as("yangmin", "demo").send();
    assertThat(report.status()).isEqualTo(200);
    JsonNode quality = department(report, "QUALITY");
    JsonNode logistics = department(report, "LOGISTICS");
    assertThat(quality.path("inquiries").asInt()).isEqualTo(1);
    assertThat(quality.path("onTimeRate").asDouble()).isEqualTo(1.0);
    assertThat(quality.path("averageSatisfaction").asDouble()).isEqualTo(5.0);
    assertThat(logistics.path("repliedOnTime").asInt()).isZero();
    assertThat(logistics.path("onTimeRate").asDouble()).isEqualTo(0.0);
    assertThat(logistics.path("averageSatisfaction").asDouble()).isEqualTo(2.0);
    assertThat(department(report, "BILLING").has("onTimeRate")).as("nothing was due").isFalse();

    Answer staff = api.get("/api/staff/complaints/" + f.ticket()).as("zhangwei", "demo").send();
    assertThat(staff.json().path("departmentInquiries")).hasSize(2);
    assertThat(staff.json().path("linkageOverdueAt").isTextual()).isTrue();
  }

  @Test
  void consultsDepartmentsJointlyOnAHardComplaint() {
    at("2026-12-07T10:00");
    Filed f = file(Submissions.valid());
    register("zhangwei", f.ticket(), false, Map.of());

    work("zhangwei", f.ticket(), "Task_InvestigateComplaint", Map.of("findings", "原因不明",
        "investigationNextStep", "JOINT_CONSULTATION", "consultationDepartments", "[\"QUALITY\",\"PRODUCT\"]",
        "consultationQuestion", "电饭煲为何反复跳闸"));

    workAs("huangqiang", f.ticket(), "deptQuality", Map.of("consultationFindings", "温控器批次正常"), "Task_GiveConsultationFindings");
    workAs("zhoujie", f.ticket(), "deptProduct", Map.of("consultationFindings", "固件在低电压下误判"), "Task_GiveConsultationFindings");
    var conclude = task(f.ticket(), "Task_ConcludeConsultation");
    assertThat((String) runtime.getVariable(conclude.getProcessInstanceId(), "consultationOpinions"))
        .contains("【质量部】温控器批次正常").contains("【产品部】固件在低电压下误判");
    work("yangmin", f.ticket(), "Task_ConcludeConsultation", Map.of("jointDecision", "固件缺陷,产品部发布升级"));

    var propose = task(f.ticket(), "Task_ProposeRemedy");
    assertThat(runtime.getVariable(propose.getProcessInstanceId(), "jointDecision")).isEqualTo("固件缺陷,产品部发布升级");
    assertThat(events(f.ticket())).containsSubsequence("CONSULTATION_STARTED", "CONSULTATION_OPINION",
        "CONSULTATION_OPINION", "CONSULTATION_CONCLUDED");
  }

  private void workAs(String user, String ticket, String group, Map<String, Object> form) {
    workAs(user, ticket, group, form, "Task_ReplyToInquiry");
  }

  private void workAs(String user, String ticket, String group, Map<String, Object> form, String key) {
    var task = tasks.createTaskQuery().processInstanceBusinessKey(ticket).taskDefinitionKey(key)
        .taskCandidateGroup(group).singleResult();
    assertThat(task).as(key + " for " + group).isNotNull();
    signIn(user);
    try {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), form);
    } finally {
      identity.clearAuthentication();
    }
  }

  private void rate(String ticket, String score) {
    var task = tasks.createTaskQuery().processInstanceBusinessKey(ticket).taskDefinitionKey("Task_RateDepartmentReply")
        .list().get(0);
    signIn("zhangwei");
    try {
      tasks.complete(task.getId(), Map.of("replySatisfaction", score));
    } finally {
      identity.clearAuthentication();
    }
  }

  private static JsonNode department(Answer report, String code) {
    for (JsonNode d : report.json().path("departments")) {
      if (code.equals(d.path("department").asText())) {
        return d;
      }
    }
    throw new AssertionError("no figures for " + code);
  }
}
