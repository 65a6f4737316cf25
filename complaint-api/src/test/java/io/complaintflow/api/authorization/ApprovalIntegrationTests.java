package io.complaintflow.api.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ControlIntegrationTest;
import io.complaintflow.api.Submissions;
import io.complaintflow.process.authorization.RemedyDecision;
import io.complaintflow.process.authorization.RemedyDecisionRepository;

/**
 * Tiered remedy authority (授权机制) with the shipped authority table: on the spot within the proposer's authority,
 * otherwise up one level at a time, decided only by the level asked, never by the proposer, every decision recorded.
 */
class ApprovalIntegrationTests extends ControlIntegrationTest {

  @Autowired
  RemedyDecisionRepository decisions;

  @Test
  void grantsARemedyWithinTheAgentsAuthorityOnTheSpot() {
    String ticket = readyToPropose();

    propose(ticket, "REFUND", 150);

    assertThat(task(ticket, "Task_AgreeRemedyWithCustomer")).isNotNull();
    assertThat(complaint(ticket).getStatus().name()).isEqualTo("REMEDY_PROPOSED");
    RemedyDecision d = only(ticket);
    assertThat(d.decision()).isEqualTo(RemedyDecision.Decision.WITHIN_AUTHORITY);
    assertThat(d.decidedBy()).isEqualTo("zhangwei");
    assertThat(d.requiredLevel().name()).isEqualTo("AGENT");
    assertThat(d.authorityRule()).isEqualTo("退费 200 元以内");
    assertThat(d.remedyAmount()).isEqualByComparingTo("150");
  }

  @Test
  void aSupervisorApprovesWhatIsBeyondTheAgentAndOnlySupervisorsCan() {
    String ticket = readyToPropose();

    propose(ticket, "REFUND", 1500);

    Task approval = task(ticket, "Task_ApproveRemedy");
    assertThat(approval).isNotNull();
    assertThat(complaint(ticket).getStatus().name()).isEqualTo("PENDING_APPROVAL");
    // the customer does not see an unapproved remedy
    assertThat(events(ticket)).contains("REMEDY_DRAFTED").doesNotContain("REMEDY_PROPOSED");
    // the agent can neither see nor decide it
    signIn("lina");
    assertThat(tasks.createTaskQuery().taskId(approval.getId()).count()).isZero();
    assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of("approvalDecision", "APPROVE")))
        .isInstanceOf(AuthorizationException.class);
    identity.clearAuthentication();

    work("liuyang", ticket, "Task_ApproveRemedy", Map.of("approvalDecision", "APPROVE", "approvalReason", "客户损失属实"));

    assertThat(task(ticket, "Task_AgreeRemedyWithCustomer")).isNotNull();
    assertThat(events(ticket)).containsSubsequence("REMEDY_DRAFTED", "REMEDY_APPROVED", "REMEDY_PROPOSED");
    RemedyDecision d = only(ticket);
    assertThat(d.decision()).isEqualTo(RemedyDecision.Decision.APPROVED);
    assertThat(d.decidedBy()).isEqualTo("liuyang");
    assertThat(d.decidedLevel().name()).isEqualTo("SUPERVISOR");
    assertThat(d.proposer()).isEqualTo("zhangwei");
  }

  @Test
  void climbsOneLevelAtATimeUpToTheDirector() {
    String ticket = readyToPropose();

    propose(ticket, "REFUND", 15000);

    // the supervisor may not approve 15,000: only endorse
    assertThatThrownBy(() -> work("chenjing", ticket, "Task_ApproveRemedy", Map.of("approvalDecision", "APPROVE")))
        .hasMessageContaining("总监");
    work("chenjing", ticket, "Task_ApproveRemedy", Map.of("approvalDecision", "ENDORSE"));
    assertThat(candidates(task(ticket, "Task_ApproveRemedy"))).containsExactly("managers");
    work("yangmin", ticket, "Task_ApproveRemedy", Map.of("approvalDecision", "ENDORSE", "approvalReason", "同意"));
    assertThat(candidates(task(ticket, "Task_ApproveRemedy"))).containsExactly("directors");
    // the director may decide: endorsing is refused
    assertThatThrownBy(() -> work("zhaolei", ticket, "Task_ApproveRemedy", Map.of("approvalDecision", "ENDORSE")))
        .hasMessageContaining("本级有权决定");
    work("zhaolei", ticket, "Task_ApproveRemedy", Map.of("approvalDecision", "APPROVE"));

    assertThat(task(ticket, "Task_AgreeRemedyWithCustomer")).isNotNull();
    assertThat(decisions.findByComplaintIdOrderByDecidedAtAscIdAsc(complaint(ticket).getId()))
        .extracting(d -> d.decidedLevel().name() + ":" + d.decision())
        .containsExactly("SUPERVISOR:ENDORSED", "MANAGER:ENDORSED", "DIRECTOR:APPROVED");
    Answer staff = api.get("/api/staff/complaints/" + ticket).as("liuyang", "demo").send();
    assertThat(staff.json().path("remedyDecisions")).hasSize(3);
    assertThat(staff.json().path("remedyDecisions").get(2).path("authorityRule").asText()).isEqualTo("退费超过 1 万元");
  }

  @Test
  void aRejectionGoesBackToTheProposerWithTheReason() {
    String ticket = readyToPropose();
    propose(ticket, "COMPENSATION", 800);

    assertThatThrownBy(() -> work("liuyang", ticket, "Task_ApproveRemedy", Map.of("approvalDecision", "REJECT")))
        .hasMessageContaining("驳回时请说明理由");
    work("liuyang", ticket, "Task_ApproveRemedy", Map.of("approvalDecision", "REJECT", "approvalReason", "没有实际损失"));

    Task propose = task(ticket, "Task_ProposeRemedy");
    assertThat(propose.getAssignee()).isEqualTo("zhangwei");
    assertThat((String) runtime.getVariable(propose.getProcessInstanceId(), "rejectionReason")).contains("没有实际损失");
    assertThat(only(ticket).decision()).isEqualTo(RemedyDecision.Decision.REJECTED);
  }

  @Test
  void nobodyDecidesOutsideTheirLevelOrOnTheirOwnProposal() {
    String ticket = readyToPropose();
    propose(ticket, "REFUND", 1500);
    Task approval = task(ticket, "Task_ApproveRemedy");

    // a supervisor hands the approval to an agent: the agent still may not decide
    signIn("liuyang");
    tasks.setAssignee(approval.getId(), "lina");
    identity.clearAuthentication();
    assertThatThrownBy(() -> work("lina", ticket, "Task_ApproveRemedy", Map.of("approvalDecision", "APPROVE")))
        .hasMessageContaining("只有主管可以审批");
    // whoever is handed a task hears of it: the owner of the proposal the (asynchronous) classification made, lina of
    // the approval; claiming the registration, and the tasks zhangwei's own steps give him, tell nobody
    assertThat(jdbc.queryForList("select recipient_id || ' ' || body_short from notification_outbox where "
        + "template = 'TASK_ASSIGNED' and ticket = ? order by id", String.class, ticket))
        .satisfiesExactly(owner -> assertThat(owner).startsWith("zhangwei").contains("提出处理方案"),
            approver -> assertThat(approver).startsWith("lina").contains("审批处理方案"));

    // the proposer, even once promoted to supervisor, may not approve their own proposal
    identity.createMembership("zhangwei", "supervisors");
    try {
      signIn("liuyang");
      tasks.setAssignee(approval.getId(), "zhangwei");
      identity.clearAuthentication();
      assertThatThrownBy(() -> work("zhangwei", ticket, "Task_ApproveRemedy", Map.of("approvalDecision", "APPROVE")))
          .hasMessageContaining("不能审批自己提出的方案");
    } finally {
      identity.deleteMembership("zhangwei", "supervisors");
    }
    assertThat(decisions.findByComplaintIdOrderByDecidedAtAscIdAsc(complaint(ticket).getId())).isEmpty();
  }

  private String readyToPropose() {
    at("2026-11-24T10:00");
    Filed f = file(Submissions.valid());
    register("zhangwei", f.ticket(), true, Map.of());
    assertThat(task(f.ticket(), "Task_ProposeRemedy")).isNotNull();
    return f.ticket();
  }

  private void propose(String ticket, String type, int amount) {
    work("zhangwei", ticket, "Task_ProposeRemedy", Map.of("remedyType", type, "remedyAmount", amount,
        "remedyDescription", "为您办理" + amount + "元。"));
  }

  private RemedyDecision only(String ticket) {
    List<RemedyDecision> all = decisions.findByComplaintIdOrderByDecidedAtAscIdAsc(complaint(ticket).getId());
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private List<String> candidates(Task task) {
    assertThat(task).isNotNull();
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(l -> l.getGroupId()).toList();
  }
}
