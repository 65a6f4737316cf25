package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.api.Submissions;

/**
 * Camunda's engine REST API and the webapps' API read and write JSON with the one shared mapper, configured as Camunda
 * configures its own: its date format, unknown properties ignored.
 */
class SharedRestObjectMapperTests extends ApiIntegrationTest {

  @Test
  void theEngineRestApiReadsAndWritesWithTheSharedMapperInCamundasDateFormat() {
    file(Submissions.valid());
    long before = SharedRestObjectMapper.LOOKUPS.get();

    Answer listed = api.post("/engine-rest/task?maxResults=1",
        "{\"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}], \"notAQueryField\": 1}")
        .as("admin", "demo").send();

    assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
    assertThat(listed.json()).hasSize(1);
    assertThat(listed.json().get(0).path("created").asText())
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");
    // the body read and the answer written: two lookups of the shared mapper, no mapper built
    assertThat(SharedRestObjectMapper.LOOKUPS.get() - before).isGreaterThanOrEqualTo(2);
  }

  @Test
  void theWebappsApiWritesWithTheSharedMapper() {
    long before = SharedRestObjectMapper.LOOKUPS.get();

    Answer engines = api.get("/camunda/api/engine/engine").send();

    assertThat(engines.status()).as(engines.raw()).isEqualTo(200);
    assertThat(engines.json().findValuesAsText("name")).contains("default");
    assertThat(SharedRestObjectMapper.LOOKUPS.get()).isGreaterThan(before);
  }
}
