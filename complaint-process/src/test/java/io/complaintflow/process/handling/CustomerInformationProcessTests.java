package io.complaintflow.process.handling;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.complaintflow.process.sla.SlaClock;

/** {@code bpmn/customer-information.bpmn}: the customer answers, or the wait runs out; the clock pauses meanwhile. */
@Deployment(resources = "bpmn/customer-information.bpmn")
class CustomerInformationProcessTests {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  private JavaDelegate pause;
  private JavaDelegate resume;

  @BeforeEach
  void registerMocks() {
    SlaClock slaClock = mock(SlaClock.class);
    when(slaClock.dueAt(any(DelegateExecution.class), anyString())).thenReturn(new Date());
    pause = mock(JavaDelegate.class);
    resume = mock(JavaDelegate.class);
    Mocks.register("slaClock", slaClock);
    Mocks.register("requestCustomerInformationDelegate", mock(JavaDelegate.class));
    Mocks.register("pauseSlaDelegate", pause);
    Mocks.register("resumeSlaDelegate", resume);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void resumesTheClockWhenTheCustomerAnswers() throws Exception {
    ProcessInstance pi = start();

    runtimeService().createMessageCorrelation(HandlingProcess.MSG_CUSTOMER_INFORMATION_RECEIVED)
        .processInstanceBusinessKey("CF-1").setVariable("customerInformation", "照片已上传").correlate();

    assertThat(pi).isEnded().hasPassed("IntermediateEvent_InformationReceived", "Task_ResumeSlaClock");
    assertThat(pi).variables().containsEntry("customerInformation", "照片已上传");
    verify(pause).execute(any());
    verify(resume).execute(any());
  }

  @Test
  void goesOnWithoutTheAnswerWhenTheWaitRunsOut() throws Exception {
    ProcessInstance pi = start();

    execute(job());

    assertThat(pi).isEnded().hasPassed("IntermediateEvent_InformationWaitOver", "Task_ResumeSlaClock");
    verify(resume).execute(any());
  }

  private static ProcessInstance start() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("CustomerInformationProcess", "CF-1",
        Map.of("complaintId", 1L, "informationRequest", "请提供照片"));
    assertThat(pi).isWaitingAt("Gateway_AwaitCustomer");
    return pi;
  }
}
