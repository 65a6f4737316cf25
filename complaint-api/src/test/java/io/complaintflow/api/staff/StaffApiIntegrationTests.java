package io.complaintflow.api.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.api.Submissions;

/** Staff lists and records: authentication, filters, paging, sorting, bad parameters. */
class StaffApiIntegrationTests extends ApiIntegrationTest {

  @Test
  void needsAStaffAccount() {
    // a wrong password throttles further logins of that user (for good while a test holds the clock still): an agent
    // of its own that no other test logs in as
    String own = "staffapiwrongpassword";
    if (identity.createUserQuery().userId(own).count() == 0) {
      org.camunda.bpm.engine.identity.User user = identity.newUser(own);
      user.setPassword("right-password-0123");
      identity.saveUser(user);
      identity.createMembership(own, "agents");
    }
    Answer anonymous = api.get("/api/staff/complaints").send();
    Answer wrongPassword = api.get("/api/staff/complaints").as(own, "wrong").send();
    Answer unknownUser = api.get("/api/staff/complaints").as("nobody", "demo").send();

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(anonymous.header("Content-Type")).contains("application/problem+json");
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownUser.status()).isEqualTo(401);
  }

  @Test
  void anAdministratorWithoutAStaffGroupIsForbidden() {
    Answer a = api.get("/api/staff/complaints").as("admin", "demo").send();
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.json().path("type").asText()).endsWith("/forbidden");
  }

  @Test
  void filtersByTierAndPagesTheResult() {
    String marker = "分页测试-" + System.nanoTime();
    List<String> filed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      filed.add(file(Submissions.valid().with("customer/tier", "GOLD").with("customer/name", marker))
          .json().path("ticket").asText());
    }

    Answer page0 = api.get("/api/staff/complaints?tier=GOLD&status=RECEIVED&size=2&page=0&sort=ticket,desc")
        .as("liuyang", "demo").send();
    Answer page1 = api.get("/api/staff/complaints?tier=GOLD&status=RECEIVED&size=2&page=1&sort=ticket,desc")
        .as("liuyang", "demo").send();

    assertThat(page0.status()).isEqualTo(200);
    long total = page0.json().path("page").path("totalElements").asLong();
    assertThat(total).isGreaterThanOrEqualTo(3);
    assertThat(page0.json().path("page").path("totalPages").asInt()).isEqualTo((int) ((total + 1) / 2));
    List<String> firstPage = tickets(page0.json());
    assertThat(firstPage).hasSize(2).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(firstPage.get(0)).isEqualTo(filed.get(2));
    assertThat(tickets(page1.json())).doesNotContainAnyElementsOf(firstPage);
    page0.json().path("content").forEach(c -> assertThat(c.path("customerTier").asText()).isEqualTo("GOLD"));
  }

  @Test
  void filtersByOwnerAndReceptionTime() {
    Answer filed = api.post("/api/complaints", Submissions.valid().json()).as("lina", "demo").send();
    String received = filed.json().path("receivedAt").asText();

    Answer none = api.get("/api/staff/complaints?owner=nobody-owns-this").as("zhangwei", "demo").send();
    Answer inWindow = api.get("/api/staff/complaints?receivedFrom=" + received + "&receivedTo=" + java.time.Instant
        .parse(received).plusMillis(1)).as("zhangwei", "demo").send();

    assertThat(none.json().path("page").path("totalElements").asLong()).isZero();
    assertThat(tickets(inWindow.json())).contains(filed.json().path("ticket").asText());
  }

  @Test
  void showsTheWholeRecordWithInternalHistory() {
    Answer filed = api.post("/api/complaints", Submissions.valid().json()).as("lina", "demo").send();
    String ticket = filed.json().path("ticket").asText();

    Answer a = api.get("/api/staff/complaints/" + ticket).as("liuyang", "demo").send();

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().path("customerPhone").asText()).isEqualTo("13800138000");
    assertThat(a.json().path("receivedBy").asText()).isEqualTo("lina");
    assertThat(a.json().path("processInstanceId").asText()).isNotBlank();
    JsonNode first = a.json().path("history").get(0);
    assertThat(first.path("type").asText()).isEqualTo("RECEIVED");
    assertThat(first.path("actor").asText()).isEqualTo("lina");
  }

  @Test
  void answersBadParametersWithProblems() {
    assertThat(api.get("/api/staff/complaints?status=LOST").as("liuyang", "demo").send().errorFields())
        .containsExactly("status");
    assertThat(api.get("/api/staff/complaints?size=500").as("liuyang", "demo").send().errorFields())
        .containsExactly("size");
    assertThat(api.get("/api/staff/complaints?sort=password,asc").as("liuyang", "demo").send().errorFields())
        .containsExactly("sort");
    assertThat(api.get("/api/staff/complaints?receivedFrom=monday").as("liuyang", "demo").send().errorFields())
        .containsExactly("receivedFrom");
    assertThat(api.get("/api/staff/complaints?receivedFrom=2026-11-02T00:00:00Z&receivedTo=2026-11-01T00:00:00Z")
        .as("liuyang", "demo").send().errorFields()).containsExactly("receivedTo");
    Answer unknown = api.get("/api/staff/complaints/CF-20990101-000001").as("liuyang", "demo").send();
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorFields()).containsExactly("ticket");
  }

  @Test
  void handlingPlansAreSetBySupervisorsManagersAndProcessOwnersOnly() {
    String body = "{\"handlingPlan\": \"配送延误超过 48 小时:免运费并致电致歉。\"}";

    Answer agent = api.put("/api/staff/products/DLV-EXP/handling-plan", body).as("zhangwei", "demo").send();
    Answer owner = api.put("/api/staff/products/DLV-EXP/handling-plan", body).as("sunli", "demo").send();
    Answer unknown = api.put("/api/staff/products/NOPE/handling-plan", body).as("sunli", "demo").send();
    Answer empty = api.put("/api/staff/products/DLV-EXP/handling-plan", "{\"handlingPlan\": \"\"}").as("sunli", "demo").send();
    Answer read = api.get("/api/staff/products/DLV-EXP/handling-plan").as("zhangwei", "demo").send();

    assertThat(agent.status()).isEqualTo(403);
    assertThat(owner.status()).isEqualTo(200);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.errorFields()).containsExactly("handlingPlan");
    assertThat(read.json().path("handlingPlan").asText()).startsWith("配送延误超过 48 小时");
  }

  @Test
  void theCatalogueIsPublic() {
    Answer a = api.get("/api/products").send();
    assertThat(a.status()).isEqualTo(200);
    List<String> codes = new ArrayList<>();
    a.json().forEach(p -> codes.add(p.path("code").asText()));
    assertThat(codes).contains("RC-2026", "BB-300");
  }

  @Test
  void otherApiPathsAreClosed() {
    assertThat(api.get("/api/complaints").send().status()).isIn(401, 403, 405);
    assertThat(api.get("/api/internal/anything").send().status()).isEqualTo(401);
  }

  @Test
  void describesTheApiInOpenApi() {
    Answer docs = api.get("/v3/api-docs").send();
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().path("paths").has("/api/complaints")).isTrue();
    assertThat(docs.json().path("paths").has("/api/complaints/{ticket}")).isTrue();
    assertThat(docs.json().path("paths").has("/api/staff/complaints")).isTrue();
  }

  private static List<String> tickets(JsonNode page) {
    List<String> t = new ArrayList<>();
    page.path("content").forEach(c -> t.add(c.path("ticket").asText()));
    return t;
  }
}
