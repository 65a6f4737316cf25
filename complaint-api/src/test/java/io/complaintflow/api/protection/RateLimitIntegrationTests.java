package io.complaintflow.api.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.api.Submissions;

/**
 * Small budgets (own application context): 2 complaints, 3 status reads, 2 customer actions and 2 survey requests per
 * client and hour. The test client is a trusted proxy, so each test speaks for clients of its own through
 * {@code X-Forwarded-For}.
 */
@TestPropertySource(properties = {
    "camunda.bpm.process-engine-name=ratelimit",
    "complaintflow.protection.rate-limit.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1",
    "complaintflow.protection.rate-limit.client-address-header=X-Forwarded-For",
    "complaintflow.protection.rate-limit.limits.intake.requests=2",
    "complaintflow.protection.rate-limit.limits.intake.per=1h",
    "complaintflow.protection.rate-limit.limits.status.requests=3",
    "complaintflow.protection.rate-limit.limits.status.per=1h",
    "complaintflow.protection.rate-limit.limits.customer-action.requests=2",
    "complaintflow.protection.rate-limit.limits.customer-action.per=1h",
    "complaintflow.protection.rate-limit.limits.survey.requests=2",
    "complaintflow.protection.rate-limit.limits.survey.per=1h"})
class RateLimitIntegrationTests extends ApiIntegrationTest {

  @Test
  void refusesTheThirdComplaintOfAClientWith429AndStoresNothing() {
    // Given a client that filed its budget of two complaints
    assertThat(fileFrom("203.0.113.1").status()).isEqualTo(201);
    assertThat(fileFrom("203.0.113.1").status()).isEqualTo(201);
    long rows = complaintRows();
    long instances = processInstances();

    // When it files a third
    Answer refused = fileFrom("203.0.113.1");

    // Then 429, a problem that says when to come back, and nothing stored
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().path("status").asInt()).isEqualTo(429);
    assertThat(refused.json().path("type").asText()).endsWith("/rate-limited");
    assertThat(refused.errorFields()).containsExactly("client");
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 3600L);
    assertThat(refused.json().path("detail").asText()).contains(Long.toString(retryAfter));
    assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
    assertThat(complaintRows()).isEqualTo(rows);
    assertThat(processInstances()).isEqualTo(instances);

    // And another client behind the same proxy still has its own budget
    assertThat(fileFrom("203.0.113.2").status()).isEqualTo(201);
    assertThat(complaintRows()).isEqualTo(rows + 1);
  }

  @Test
  void answersInEnglishWhenAskedTo() {
    fileFrom("203.0.113.5");
    fileFrom("203.0.113.5");
    Answer refused = api.post("/api/complaints", Submissions.valid().json()).header("X-Forwarded-For", "203.0.113.5")
        .english().send();
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().path("title").asText()).isEqualTo("Too many requests");
  }

  @Test
  void limitsStatusReadsPerClient() {
    Answer filed = fileFrom("203.0.113.10");
    String path = "/api/complaints/" + filed.json().path("ticket").asText();
    String token = filed.json().path("trackingToken").asText();
    for (int i = 0; i < 3; i++) {
      assertThat(status(path, token, "198.51.100.10").status()).isEqualTo(200);
    }

    Answer refused = status(path, token, "198.51.100.10");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().path("status").asInt()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
    assertThat(refused.json().has("ticket")).as("nothing of the complaint leaks").isFalse();
    assertThat(status(path, token, "198.51.100.11").status()).isEqualTo(200);
  }

  @Test
  void limitsCustomerActionsPerClientAndLeavesTheComplaintAlone() {
    Answer filed = fileFrom("203.0.113.20");
    String ticket = filed.json().path("ticket").asText();
    String token = filed.json().path("trackingToken").asText();
    long events = events(ticket);
    // an open complaint cannot be reopened (409), but each try uses the budget
    for (int i = 0; i < 2; i++) {
      assertThat(reopen(ticket, token, "198.51.100.20").status()).isEqualTo(409);
    }

    Answer refused = reopen(ticket, token, "198.51.100.20");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.header("Retry-After")).isNotNull();
    assertThat(events(ticket)).isEqualTo(events);
    assertThat(reopen(ticket, token, "198.51.100.21").status()).isEqualTo(409);
  }

  @Test
  void limitsSurveyRequestsPerClient() {
    String path = "/api/revisits/" + "A".repeat(43);
    for (int i = 0; i < 2; i++) {
      assertThat(api.get(path).header("X-Forwarded-For", "198.51.100.30").send().status()).isEqualTo(404);
    }

    Answer refused = api.post(path, "{\"channelEase\": 5, \"staffAttitude\": 5, \"handlingTime\": 5, \"handlingResult\": 5}")
        .header("X-Forwarded-For", "198.51.100.30").send();

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().path("type").asText()).endsWith("/rate-limited");
    assertThat(api.get(path).header("X-Forwarded-For", "198.51.100.31").send().status()).isEqualTo(404);
  }

  @Test
  void leavesSignedInStaffOutOfTheCustomersBudget() {
    for (int i = 0; i < 3; i++) {
      Answer filed = api.post("/api/complaints", Submissions.valid().json()).as("zhangwei", "demo")
          .header("X-Forwarded-For", "203.0.113.40").send();
      assertThat(filed.status()).isEqualTo(201);
    }
  }

  @Test
  void leavesStaffEndpointsAndTheCatalogueUnlimited() {
    for (int i = 0; i < 5; i++) {
      assertThat(api.get("/api/products").header("X-Forwarded-For", "203.0.113.50").send().status()).isEqualTo(200);
    }
  }

  private Answer fileFrom(String client) {
    return api.post("/api/complaints", Submissions.valid().json()).header("X-Forwarded-For", client).send();
  }

  private Answer status(String path, String token, String client) {
    return api.get(path).header("X-Tracking-Token", token).header("X-Forwarded-For", client).send();
  }

  private Answer reopen(String ticket, String token, String client) {
    return api.post("/api/complaints/" + ticket + "/reopen", "{\"reason\": \"还是坏的\"}")
        .header("X-Tracking-Token", token).header("X-Forwarded-For", client).send();
  }

  private long events(String ticket) {
    return jdbc.queryForObject("select count(*) from complaint_event e join complaint c on c.id = e.complaint_id "
        + "where c.ticket = ?", Long.class, ticket);
  }
}
