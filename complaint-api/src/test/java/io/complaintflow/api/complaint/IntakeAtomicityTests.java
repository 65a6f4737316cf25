package io.complaintflow.api.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.complaintflow.api.Api;
import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.Submissions;
import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.handling.HandlingProcess;

/** The complaint row and its process instance commit together: a failure on either side leaves neither. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.process-engine-name=atomicity")
@ActiveProfiles("test")
class IntakeAtomicityTests {

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @MockitoSpyBean
  ComplaintHistory history;
  @MockitoSpyBean
  RuntimeService runtime;

  Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  @Test
  void aFailureAfterTheProcessStartedRollsBackTheProcessAndTheRow() {
    doThrow(new IllegalStateException("disk full")).when(history)
        .record(any(), eq(ComplaintEventType.RECEIVED), any(), any());
    long rows = rows();
    long instances = runtime.createProcessInstanceQuery().count();

    Answer a = api.post("/api/complaints", Submissions.valid().json()).send();

    assertThat(a.status()).isEqualTo(500);
    assertThat(a.json().path("type").asText()).endsWith("/internal-error");
    assertThat(a.raw()).doesNotContain("disk full");
    assertThat(rows()).isEqualTo(rows);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void aProcessThatCannotStartLeavesNoComplaintRow() {
    doThrow(new ProcessEngineException("engine unavailable")).when(runtime)
        .startProcessInstanceByKey(eq(HandlingProcess.KEY), anyString(), anyMap());
    long rows = rows();
    long events = events();

    Answer a = api.post("/api/complaints", Submissions.valid().json()).send();

    assertThat(a.status()).isEqualTo(500);
    assertThat(rows()).isEqualTo(rows);
    assertThat(events()).isEqualTo(events);
  }

  @Test
  void afterAFailureTheNextComplaintIsRegisteredNormally() {
    Answer a = api.post("/api/complaints", Submissions.valid().json()).send();

    assertThat(a.status()).isEqualTo(201);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(HandlingProcess.KEY).processInstanceBusinessKey(a.json().path("ticket").asText()).count())
        .isOne();
  }

  private long rows() {
    return jdbc.queryForObject("select count(*) from complaint", Long.class);
  }

  private long events() {
    return jdbc.queryForObject("select count(*) from complaint_event", Long.class);
  }
}
