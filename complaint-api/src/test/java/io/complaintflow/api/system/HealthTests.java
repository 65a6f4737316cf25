package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ApiIntegrationTest;

/** Health for load balancers (public) and operators (details for administrators). */
class HealthTests extends ApiIntegrationTest {

  @Test
  void reportsUpWithEngineAndJobExecutorDetailsForAdministrators() {
    Answer open = api.get("/actuator/health").send();
    Answer admin = api.get("/actuator/health").as("admin", "demo").send();
    Answer readiness = api.get("/actuator/health/readiness").send();

    assertThat(open.status()).isEqualTo(200);
    assertThat(open.json().path("status").asText()).isEqualTo("UP");
    assertThat(open.json().has("components")).isFalse();
    assertThat(admin.json().path("components").path("processEngine").path("status").asText()).isEqualTo("UP");
    assertThat(admin.json().path("components").path("jobExecutor").path("status").asText()).isEqualTo("UP");
    assertThat(admin.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(readiness.status()).isEqualTo(200);
  }
}
