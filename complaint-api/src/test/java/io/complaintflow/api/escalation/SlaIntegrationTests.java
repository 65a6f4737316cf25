package io.complaintflow.api.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ControlIntegrationTest;
import io.complaintflow.api.Submissions;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.staff.StaffLevel;

/**
 * SLA clocks and escalation with the real calendar (2026 mainland China), engine and database: promises across the
 * National Day holiday and its make-up working days, warning, breach and each escalation step, pausing while the
 * customer is asked for information, VIP green channel, and a customer's demand for a superior.
 */
class SlaIntegrationTests extends ControlIntegrationTest {

  @org.springframework.beans.factory.annotation.Autowired
  org.camunda.bpm.engine.RepositoryService repository;

  @Test
  void promisesAndTimesItsClocksAcrossTheNationalDayHoliday() {
    // Wednesday 30 September 16:00: two working hours are left before 1–7 October
    Instant received = at("2026-09-30T16:00");
    Filed f = file(Submissions.valid());

    Complaint c = complaint(f.ticket());
    assertThat(c.getReceivedAt()).isEqualTo(received);
    // 8 working hours: 16:00–18:00, then Thursday 8 October 09:00–12:00, 13:00–16:00
    assertThat(c.getFirstResponseDueAt()).isEqualTo(local("2026-10-08T16:00"));
    // 5 working days (40 h): 30 Sep 2h, 8 Oct 8h, 9 Oct 8h, Saturday 10 Oct (调休) 8h, 12 Oct 8h, 13 Oct 6h
    assertThat(c.getResolutionDueAt()).isEqualTo(local("2026-10-13T16:00"));
    // warnings when a quarter of the time is left: 2 h before, and 10 h before
    assertThat(c.getFirstResponseWarningDueAt()).isEqualTo(local("2026-10-08T14:00"));
    assertThat(c.getResolutionWarningDueAt()).isEqualTo(local("2026-10-12T14:00"));
    // the registration task is due when the first response is
    assertThat(task(f.ticket(), "Task_RegisterComplaint").getDueDate()).isEqualTo(Date.from(local("2026-10-08T16:00")));

    // nothing fires during the holiday
    at("2026-10-07T23:00");
    runDueJobs();
    assertThat(complaint(f.ticket()).getFirstResponseWarnedAt()).isNull();
  }

  @Test
  void warnsBreachesAndEscalatesLevelByLevelUntilTheComplaintIsClosed() {
    at("2026-09-30T16:00");
    Filed f = file(Submissions.valid());

    // a late first response: warned at 14:00 on 8 October, breached at 16:00
    at("2026-10-08T14:00");
    runDueJobs();
    assertThat(complaint(f.ticket()).getFirstResponseWarnedAt()).isEqualTo(local("2026-10-08T14:00"));
    at("2026-10-08T16:30");
    runDueJobs();
    assertThat(complaint(f.ticket()).getFirstResponseBreachedAt()).isEqualTo(local("2026-10-08T16:30"));
    register("zhangwei", f.ticket(), false, Map.of());
    assertThat(complaint(f.ticket()).getFirstRespondedAt()).isEqualTo(local("2026-10-08T16:30"));
    assertThat(task(f.ticket(), "Task_InvestigateComplaint")).isNotNull();

    // the resolution clock: warning on Monday 12 October 14:00, breach on Tuesday 13 October 16:00
    at("2026-10-12T14:00");
    runDueJobs();
    assertThat(complaint(f.ticket()).getResolutionWarnedAt()).isNotNull();
    assertThat(complaint(f.ticket()).getEscalationLevel()).isNull();
    at("2026-10-13T16:00");
    runDueJobs();
    Complaint c = complaint(f.ticket());
    assertThat(c.getResolutionBreachedAt()).isNotNull();
    assertThat(c.getEscalationLevel()).isEqualTo(StaffLevel.SUPERVISOR);
    assertThat(candidates(task(f.ticket(), "Task_SuperviseAsSupervisor"))).containsExactly("supervisors");
    assertThat(task(f.ticket(), "Task_InvestigateComplaint").getPriority()).isGreaterThan(90);

    // four working hours after the breach the manager (Wednesday 11:00), eight the director (Wednesday 16:00)
    at("2026-10-14T10:59");
    runDueJobs();
    assertThat(complaint(f.ticket()).getEscalationLevel()).isEqualTo(StaffLevel.SUPERVISOR);
    at("2026-10-14T11:00");
    runDueJobs();
    assertThat(complaint(f.ticket()).getEscalationLevel()).isEqualTo(StaffLevel.MANAGER);
    assertThat(candidates(task(f.ticket(), "Task_SuperviseAsManager"))).containsExactly("managers");
    work("liuyang", f.ticket(), "Task_SuperviseAsSupervisor", Map.of("supervisionNote", "今天下班前必须回复客户"));
    at("2026-10-14T16:00");
    runDueJobs();
    assertThat(complaint(f.ticket()).getEscalationLevel()).isEqualTo(StaffLevel.DIRECTOR);
    assertThat(events(f.ticket())).containsSubsequence("SLA_WARNING", "SLA_BREACHED", "REGISTERED", "SLA_WARNING",
        "SLA_BREACHED", "ESCALATED", "ESCALATED", "SUPERVISED", "ESCALATED");

    // the staff record and the customer both see it
    Answer staff = api.get("/api/staff/complaints/" + f.ticket()).as("liuyang", "demo").send();
    assertThat(staff.json().path("sla").path("escalationLevel").asText()).isEqualTo("DIRECTOR");
    assertThat(staff.json().path("sla").path("resolution").path("status").asText()).isEqualTo("BREACHED");
    assertThat(staff.json().path("sla").path("firstResponse").path("status").asText()).isEqualTo("MISSED");
    assertThat(staff.json().path("sla").path("resolution").path("timeLeft").asText()).startsWith("PT-");
    Answer customer = api.get("/api/complaints/" + f.ticket()).header("X-Tracking-Token", f.token()).send();
    assertThat(customer.json().path("sla").path("resolutionStatus").asText()).isEqualTo("BREACHED");
  }

  @Test
  void standsStillWhileTheCustomerConfirmsAndStopsWithClosure() {
    at("2026-11-23T10:00");
    Filed f = file(Submissions.valid());
    register("zhangwei", f.ticket(), true, Map.of());
    work("zhangwei", f.ticket(), "Task_ProposeRemedy", Map.of("remedyType", "REFUND", "remedyAmount", 100,
        "remedyDescription", "为您退款 100 元。"));
    work("zhangwei", f.ticket(), "Task_AgreeRemedyWithCustomer", Map.of("remedyAccepted", true));
    at("2026-11-23T15:00");
    work("zhangwei", f.ticket(), "Task_CarryOutRemedy", Map.of("actionsTaken", "退款 100 元已原路退回。"));
    assertThat(complaint(f.ticket()).isSlaPaused()).isTrue();
    assertThat(management.createJobQuery().processInstanceId(escalationInstance(f.ticket())).timers().list())
        .allMatch(job -> job.getDuedate().after(Date.from(local("2100-01-01T00:00"))));

    at("2026-11-24T09:30");
    Answer confirmed = api.post("/api/complaints/" + f.ticket() + "/resolution-confirmation", "{\"resolved\": true}")
        .header("X-Tracking-Token", f.token()).send();

    assertThat(confirmed.json().path("status").asText()).isEqualTo("CLOSED");
    assertThat(confirmed.json().path("sla").path("resolutionStatus").asText()).isEqualTo("MET");
    // handling and SLA clocks are over; what is left is the revisit, days later
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(f.ticket()).list())
        .extracting(p -> repository.getProcessDefinition(p.getProcessDefinitionId()).getKey())
        .containsExactly("ComplaintRevisitProcess");
    assertThat(complaint(f.ticket()).isSlaPaused()).isFalse();
    assertThat(complaint(f.ticket()).getSlaPausedSeconds()).isEqualTo(3 * 3600 + 30 * 60);
    // closed in time: no warning is waiting, none is given later
    assertThat(complaint(f.ticket()).getResolutionWarningDueAt()).isNull();
    at("2026-12-31T09:00");
    runDueJobs();
    assertThat(events(f.ticket())).doesNotContain("SLA_WARNING");
  }

  @Test
  void standsStillWhileTheCustomerIsAskedForInformationAndMovesTheDueTimesBySoMuch() {
    at("2026-11-23T10:00");   // Monday
    Filed f = file(Submissions.valid());
    register("zhangwei", f.ticket(), false, Map.of());
    assertThat(complaint(f.ticket()).getResolutionDueAt()).isEqualTo(local("2026-11-30T10:00"));
    assertThat(complaint(f.ticket()).getResolutionWarningDueAt()).isEqualTo(local("2026-11-26T17:00"));

    // Monday 11:00 the owner asks for the receipt; the customer answers on Wednesday 11:00: two working days later
    at("2026-11-23T11:00");
    work("zhangwei", f.ticket(), "Task_InvestigateComplaint", Map.of("findings", "需要购买凭证",
        "investigationNextStep", "ASK_CUSTOMER", "informationRequest", "请上传购买凭证的照片"));
    assertThat(complaint(f.ticket()).getStatus().name()).isEqualTo("AWAITING_CUSTOMER");
    assertThat(complaint(f.ticket()).isSlaPaused()).isTrue();
    Answer waiting = api.get("/api/complaints/" + f.ticket()).header("X-Tracking-Token", f.token()).send();
    assertThat(waiting.json().path("sla").path("waitingForYou").asBoolean()).isTrue();
    assertThat(waiting.json().path("sla").path("resolutionStatus").asText()).isEqualTo("PAUSED");

    // the clocks' timers and warnings stand still meanwhile
    assertThat(complaint(f.ticket()).getResolutionWarningDueAt()).isNull();
    assertThat(management.createJobQuery().processInstanceId(escalationInstance(f.ticket())).timers().list())
        .isNotEmpty()
        .allMatch(job -> job.getDuedate().after(Date.from(local("2100-01-01T00:00"))));
    at("2026-11-25T11:00");
    Answer answered = api.post("/api/complaints/" + f.ticket() + "/information", "{\"answer\": \"照片已上传到附件\"}")
        .header("X-Tracking-Token", f.token()).send();
    assertThat(answered.status()).isEqualTo(200);
    assertThat(answered.json().path("status").asText()).isEqualTo("IN_PROGRESS");

    Complaint c = complaint(f.ticket());
    assertThat(c.isSlaPaused()).isFalse();
    assertThat(c.getSlaPausedSeconds()).isEqualTo(16 * 3600);
    // 16 working hours later: Monday 30 Nov 10:00 becomes Wednesday 2 Dec 10:00, the warning Thursday 26 Nov 17:00
    // (ten working hours before) becomes Monday 30 Nov 17:00
    assertThat(c.getResolutionDueAt()).isEqualTo(local("2026-12-02T10:00"));
    assertThat(c.getResolutionWarningDueAt()).isEqualTo(local("2026-11-30T17:00"));
    assertThat(management.createJobQuery().processInstanceId(escalationInstance(f.ticket())).timers().list())
        .allMatch(job -> job.getDuedate().before(Date.from(local("2027-01-01T00:00"))));
    Task investigate = task(f.ticket(), "Task_InvestigateComplaint");
    assertThat(investigate.getDueDate().toInstant()).isEqualTo(c.getResolutionDueAt());
    assertThat(runtime.getVariable(investigate.getProcessInstanceId(), "customerInformation")).isEqualTo("照片已上传到附件");
    assertThat(events(f.ticket())).containsSubsequence("INFORMATION_REQUESTED", "SLA_PAUSED", "INFORMATION_RECEIVED",
        "SLA_RESUMED");

    // answering twice is refused
    Answer again = api.post("/api/complaints/" + f.ticket() + "/information", "{\"answer\": \"再说一次\"}")
        .header("X-Tracking-Token", f.token()).send();
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void goesOnWithoutTheCustomerWhenTheWaitRunsOut() {
    at("2026-11-23T10:00");
    Filed f = file(Submissions.valid());
    register("zhangwei", f.ticket(), false, Map.of());
    at("2026-11-23T11:00");
    work("zhangwei", f.ticket(), "Task_InvestigateComplaint", Map.of("findings", "需要凭证",
        "investigationNextStep", "ASK_CUSTOMER", "informationRequest", "请上传凭证"));

    // the wait is 24 working hours: Thursday 26 November 11:00
    at("2026-11-26T10:59");
    runDueJobs();
    assertThat(complaint(f.ticket()).isSlaPaused()).isTrue();
    at("2026-11-26T11:00");
    runDueJobs();
    assertThat(complaint(f.ticket()).isSlaPaused()).isFalse();
    assertThat(complaint(f.ticket()).getStatus().name()).isEqualTo("IN_PROGRESS");
    assertThat(task(f.ticket(), "Task_InvestigateComplaint")).isNotNull();
  }

  @Test
  void givesVipComplaintsTheGreenChannelOnAMakeUpWorkingSaturday() {
    at("2026-10-10T10:00");   // Saturday, worked instead of a National Day holiday
    Filed f = file(Submissions.valid().with("customer/tier", "VIP"));

    Complaint c = complaint(f.ticket());
    assertThat(c.getFirstResponseDueAt()).isEqualTo(local("2026-10-10T12:00"));
    assertThat(c.getResolutionDueAt()).isEqualTo(local("2026-10-13T10:00"));
    Task register = task(f.ticket(), "Task_RegisterComplaint");
    assertThat(candidates(register)).containsExactly("vipDesk");
    assertThat(register.getPriority()).isEqualTo(90);
  }

  @Test
  void bringsAManagerInAtOnceWhenTheCustomerDemandsASuperior() {
    at("2026-11-23T10:00");
    Filed f = file(Submissions.valid());

    register("zhangwei", f.ticket(), true, Map.of("escalationDemanded", true, "escalationDemand", "MEDIA",
        "escalationDemandNote", "客户说今天不解决就发微博"));

    assertThat(complaint(f.ticket()).getEscalationLevel()).isEqualTo(StaffLevel.MANAGER);
    Task handle = task(f.ticket(), "Task_HandleDemandedEscalation");
    assertThat(candidates(handle)).containsExactly("managers");
    assertThat(runtime.getVariable(handle.getProcessInstanceId(), "demand")).isEqualTo("MEDIA");
    work("yangmin", f.ticket(), "Task_HandleDemandedEscalation", Map.of("supervisionNote", "已亲自致电客户"));
    assertThat(events(f.ticket())).containsSubsequence("ESCALATION_DEMANDED", "ESCALATED", "SUPERVISED");

    // staff can report one later too; the level never goes down
    Answer reported = api.post("/api/staff/complaints/" + f.ticket() + "/escalation-demands",
        "{\"demand\": \"REGULATOR\", \"note\": \"客户说要打 12315\"}").as("zhangwei", "demo").send();
    assertThat(reported.status()).isEqualTo(202);
    assertThat(task(f.ticket(), "Task_HandleDemandedEscalation")).isNotNull();
    Answer bad = api.post("/api/staff/complaints/" + f.ticket() + "/escalation-demands",
        "{\"demand\": \"PRESIDENT\", \"note\": \"x\"}").as("zhangwei", "demo").send();
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorFields()).containsExactly("demand");
  }

  @Test
  void anUnmatchedClassificationBecomesAnIncidentNamingTheTableAndInput() {
    at("2026-11-23T10:00");
    Filed f = file(Submissions.valid());

    register("zhangwei", f.ticket(), true, Map.of("problemType", "UFO_SIGHTING"));
    runDueJobs();
    runDueJobs();

    var incident = runtime.createIncidentQuery().processInstanceId(runtime.createProcessInstanceQuery()
        .processDefinitionKey("ComplaintHandlingProcess").processInstanceBusinessKey(f.ticket()).singleResult().getId())
        .singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getIncidentMessage()).contains("ComplaintCategory").contains("UFO_SIGHTING");
    assertThat(complaint(f.ticket()).getCategory()).isNull();
  }

  private java.util.List<String> candidates(Task task) {
    assertThat(task).isNotNull();
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).toList();
  }

  private String escalationInstance(String ticket) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("ComplaintEscalationProcess")
        .processInstanceBusinessKey(ticket).singleResult().getId();
  }
}
