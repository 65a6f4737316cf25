package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.complaintflow.api.ApiIntegrationTest;

/**
 * The engine REST API and the webapps use this application's engine, although the test classpath holds the process
 * tests' {@code camunda.cfg.xml} (an in-memory engine Camunda's registry would otherwise build and register as
 * {@code default} at its first lookup).
 */
class EngineRegistryTests extends ApiIntegrationTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void theEngineRestApiAnswersFromTheApplicationsEngine() {
    assertThat(getClass().getClassLoader().getResource("camunda.cfg.xml")).as("the trap is on the classpath").isNotNull();

    var count = api.get("/engine-rest/user/count?id=chenjing").as("chenjing", "demo").send();

    assertThat(count.status()).isEqualTo(200);
    assertThat(count.json().path("count").asLong()).isOne();
    assertThat(ProcessEngines.getProcessEngine(ProcessEngines.NAME_DEFAULT)).isSameAs(engine);
  }
}
