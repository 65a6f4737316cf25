package io.complaintflow.api;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.process.handling.HandlingProcess;

/**
 * The application on a random port with an in-memory database, the demo organisation and the job executor running;
 * tests talk to it over HTTP like any client, and look into the database and the engine for what happened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiIntegrationTest {

  @LocalServerPort
  protected int port;
  @Autowired
  protected JdbcTemplate jdbc;
  @Autowired
  protected RuntimeService runtime;
  @Autowired
  protected TaskService tasks;
  @Autowired
  protected HistoryService historyService;
  @Autowired
  protected IdentityService identity;

  protected Api api;

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  protected Answer file(Submissions s) {
    return api.post("/api/complaints", s.json()).send();
  }

  protected long complaintRows() {
    return jdbc.queryForObject("select count(*) from complaint", Long.class);
  }

  protected long processInstances() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(HandlingProcess.KEY).count();
  }

  /** The one open task of a complaint, once it exists (classification runs in the job executor). */
  protected Task awaitTask(String ticket, String taskDefinitionKey) {
    return eventually(() -> tasks.createTaskQuery().processInstanceBusinessKey(ticket).taskDefinitionKey(taskDefinitionKey)
        .singleResult());
  }

  protected static <T> T eventually(Supplier<T> probe) {
    Object[] found = new Object[1];
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(() -> (found[0] = probe.get()) != null);
    @SuppressWarnings("unchecked")
    T t = (T) found[0];
    return t;
  }
}
