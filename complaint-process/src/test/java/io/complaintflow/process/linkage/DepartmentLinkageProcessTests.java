package io.complaintflow.process.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.complaintflow.process.testing.SentNotifications;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code bpmn/department-linkage.bpmn}: replied in time, after a reminder, and overdue. */
@Deployment(resources = {"bpmn/department-linkage.bpmn", "forms/reply-to-inquiry.form",
    "forms/rate-department-reply.form"})
class DepartmentLinkageProcessTests {

  private SentNotifications sent;

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");

  private JavaDelegate remind;
  private JavaDelegate flagOverdue;

  @BeforeEach
  void registerMocks() throws Exception {
    ClockUtil.setCurrentTime(Date.from(T0));
    JavaDelegate open = mock(JavaDelegate.class);
    doAnswer(i -> {
      DelegateExecution e = i.getArgument(0);
      e.setVariable("inquiryId", 7L);
      e.setVariable("departmentGroup", "deptQuality");
      e.setVariable("departmentTitle", "质量部");
      e.setVariable("replyReminderAt", Date.from(T0.plus(Duration.ofHours(6))));
      e.setVariable("replyDueAt", Date.from(T0.plus(Duration.ofHours(8))));
      return null;
    }).when(open).execute(any());
    remind = mock(JavaDelegate.class);
    flagOverdue = mock(JavaDelegate.class);
    doAnswer(call -> {
      ((DelegateExecution) call.getArgument(0)).setVariable("departmentHead", "huangqiang");
      return null;
    }).when(flagOverdue).execute(any());
    sent = SentNotifications.register();
    Mocks.register("openInquiryDelegate", open);
    Mocks.register("remindDepartmentDelegate", remind);
    Mocks.register("flagOverdueInquiryDelegate", flagOverdue);
    Mocks.register("inquirySteps", mock(TaskListener.class));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void theDepartmentRepliesInTimeAndTheOwnerRatesIt() throws Exception {
    ProcessInstance pi = start();
    assertThat(task()).hasCandidateGroup("deptQuality");
    assertThat(task().getDueDate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(8))));
    assertThat(task().getFollowUpDate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(6))));

    complete(task(), withVariables("departmentReply", "批次已封存,正在检测"));
    assertThat(pi).isWaitingAt("Task_RateDepartmentReply");
    assertThat(task()).isAssignedTo("zhangwei");
    complete(task(), withVariables("replySatisfaction", "5"));

    assertThat(pi).isEnded().hasPassed("EndEvent_InquiryAnswered");
    assertThat(managementService().createJobQuery().count()).isZero();
    verify(remind, never()).execute(any());
  }

  @Test
  void remindsTheDepartmentThenFlagsTheComplaintWhenTheReplyIsLate() throws Exception {
    ProcessInstance pi = start();

    fire("BoundaryEvent_ReplyReminderDue", 6);
    assertThat(pi).hasPassed("EndEvent_DepartmentReminded");
    assertThat(pi).isWaitingAt("Task_ReplyToInquiry");
    fire("BoundaryEvent_ReplyOverdue", 8);
    assertThat(pi).hasPassed("EndEvent_OverdueFlagged");
    verify(remind).execute(any());
    verify(flagOverdue).execute(any());
    assertThat(sent.all()).containsExactly("DEPARTMENT_REPLY_REQUESTED→deptQuality",
        "DEPARTMENT_REPLY_REMINDER→deptQuality", "DEPARTMENT_REPLY_OVERDUE→huangqiang");

    // the department still has to reply
    complete(task(), withVariables("departmentReply", "迟到的答复"));
    complete(task(), withVariables("replySatisfaction", "2"));
    assertThat(pi).isEnded();
  }

  private static ProcessInstance start() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(DepartmentLinkageProcess.KEY, Map.of(
        "complaintId", 1L, "department", "QUALITY", "inquiry", "请核实批次", "owner", "zhangwei", "taskPriority", 50));
    assertThat(pi).isWaitingAt("Task_ReplyToInquiry");
    return pi;
  }

  private static void fire(String activity, int hours) {
    Job job = managementService().createJobQuery().activityId(activity).singleResult();
    assertThat(job.getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(hours))));
    ClockUtil.setCurrentTime(job.getDuedate());
    execute(job);
  }

}
