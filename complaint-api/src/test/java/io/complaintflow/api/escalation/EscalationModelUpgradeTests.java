package io.complaintflow.api.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.complaintflow.api.ControlIntegrationTest;
import io.complaintflow.api.Submissions;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.escalation.EscalationModelUpgrade;

/**
 * A complaint whose clocks run on the escalation model of before December 2026 (a warning timer before each breach
 * timer) is moved onto the deployed model by {@link EscalationModelUpgrade}, and its warnings are then the sweep's.
 * The earlier model is {@code bpmn-legacy/complaint-escalation-with-warning-timers.bpmn} (complaint-process test
 * resources, as it was deployed until then).
 */
class EscalationModelUpgradeTests extends ControlIntegrationTest {

  private static final String KEY = "ComplaintEscalationProcess";

  @Autowired
  RepositoryService repository;
  @Autowired
  EscalationModelUpgrade upgrade;

  @Test
  void movesAClockWaitingForItsWarningTimerToItsBreachTimerAndLeavesTheWarningToTheSweep() {
    at("2027-04-05T09:00");   // a Monday
    runDueJobs();
    // the earlier model is deployed, and a complaint filed then runs on it, with no warning due time of its own
    deploy("bpmn-legacy/complaint-escalation-with-warning-timers.bpmn");
    Filed f = file(Submissions.valid());
    jdbc.update("update complaint set first_response_warning_due_at = null, resolution_warning_due_at = null "
        + "where ticket = ?", f.ticket());
    ProcessInstance old = escalation(f.ticket());
    assertThat(timerActivities(old)).containsExactlyInAnyOrder("IntermediateEvent_FirstResponseWarningDue",
        "IntermediateEvent_ResolutionWarningDue");
    // the current model is deployed again (an upgrade)
    ProcessDefinition current = repository.getProcessDefinition(deploy("bpmn/complaint-escalation.bpmn"));

    assertThat(upgrade.migrate()).isOne();

    ProcessInstance moved = escalation(f.ticket());
    assertThat(moved.getId()).isEqualTo(old.getId());
    assertThat(moved.getProcessDefinitionId()).isEqualTo(current.getId());
    Complaint c = complaint(f.ticket());
    assertThat(dueOfTimer(f.ticket(), "IntermediateEvent_FirstResponseDue")).isEqualTo(Date.from(c.getFirstResponseDueAt()));
    assertThat(dueOfTimer(f.ticket(), "IntermediateEvent_ResolutionDue")).isEqualTo(Date.from(c.getResolutionDueAt()));
    assertThat(timerActivities(moved)).containsExactlyInAnyOrder("IntermediateEvent_FirstResponseDue",
        "IntermediateEvent_ResolutionDue");
    // 8 working hours to a first response (18:00): warned two hours before, by the sweep
    assertThat(c.getFirstResponseWarningDueAt()).isEqualTo(local("2027-04-05T16:00"));
    assertThat(c.getResolutionWarningDueAt()).isNotNull();

    at("2027-04-05T16:00");
    runDueJobs();
    assertThat(complaint(f.ticket()).getFirstResponseWarnedAt()).isEqualTo(local("2027-04-05T16:00"));
    assertThat(events(f.ticket())).containsSubsequence("RECEIVED", "SLA_WARNING");
    assertThat(runtime.createIncidentQuery().processInstanceId(moved.getId()).count()).isZero();
    at("2027-04-05T18:00");
    runDueJobs();
    assertThat(complaint(f.ticket()).getFirstResponseBreachedAt()).isEqualTo(local("2027-04-05T18:00"));

    // nothing of the earlier version left to move
    assertThat(upgrade.migrate()).isZero();
  }

  /** Deploys the model with the forms it references; returns the id of its process definition. */
  private String deploy(String model) {
    String deployment = repository.createDeployment().name("escalation-upgrade-test")
        .addClasspathResource(model)
        .addClasspathResource("forms/supervise-complaint.form")
        .addClasspathResource("forms/handle-demanded-escalation.form")
        .deploy().getId();
    return repository.createProcessDefinitionQuery().deploymentId(deployment).processDefinitionKey(KEY)
        .singleResult().getId();
  }

  private ProcessInstance escalation(String ticket) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(ticket)
        .singleResult();
  }

  private List<String> timerActivities(ProcessInstance pi) {
    return management.createJobQuery().processInstanceId(pi.getId()).timers().list().stream()
        .map(Job::getJobDefinitionId).map(id -> management.createJobDefinitionQuery().jobDefinitionId(id)
            .singleResult().getActivityId()).toList();
  }
}
