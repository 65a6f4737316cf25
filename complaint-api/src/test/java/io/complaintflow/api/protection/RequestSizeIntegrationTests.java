package io.complaintflow.api.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.api.Submissions;

/** Bodies over {@code complaintflow.protection.max-body} (64 KB) are refused before anything reads them. */
class RequestSizeIntegrationTests extends ApiIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A valid complaint blown up past 64 KB by whitespace, which no field limit would see. */
  private static String oversize() {
    String json = Submissions.valid().json();
    return json.substring(0, json.length() - 1) + " ".repeat(70 * 1024) + "}";
  }

  @Test
  void refusesABodyWhoseContentLengthIsOverTheLimit() {
    long rows = complaintRows();
    long instances = processInstances();

    Answer refused = api.post("/api/complaints", oversize()).send();

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().path("status").asInt()).isEqualTo(413);
    assertThat(refused.json().path("type").asText()).endsWith("/payload-too-large");
    assertThat(refused.errorFields()).containsExactly("body");
    assertThat(complaintRows()).isEqualTo(rows);
    assertThat(processInstances()).isEqualTo(instances);
  }

  @Test
  void refusesAChunkedBodyWithoutContentLengthOverTheLimit() throws Exception {
    long rows = complaintRows();
    long instances = processInstances();

    HttpResponse<String> refused = chunked("/api/complaints", oversize());

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.path("status").asInt()).isEqualTo(413);
    assertThat(problem.path("errors").path(0).path("field").asText()).isEqualTo("body");
    assertThat(complaintRows()).isEqualTo(rows);
    assertThat(processInstances()).isEqualTo(instances);
  }

  @Test
  void acceptsAChunkedBodyWithinTheLimit() throws Exception {
    long rows = complaintRows();

    HttpResponse<String> filed = chunked("/api/complaints", Submissions.valid().json());

    assertThat(filed.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(filed.body()).path("ticket").asText()).isNotBlank();
    assertThat(complaintRows()).isEqualTo(rows + 1);
  }

  @Test
  void refusesOversizeBodiesOnStaffEndpointsToo() {
    Answer refused = api.put("/api/staff/products/RC-2026/handling-plan", "{\"plan\": \"" + "x".repeat(70 * 1024) + "\"}")
        .as("zhangwei", "demo").send();

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.json().path("status").asInt()).isEqualTo(413);
  }

  private HttpResponse<String> chunked(String path, String json) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // a publisher of unknown length: the client sends Transfer-Encoding: chunked and no Content-Length
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").POST(body).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
