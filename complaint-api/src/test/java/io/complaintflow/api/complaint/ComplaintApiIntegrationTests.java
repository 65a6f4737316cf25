package io.complaintflow.api.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.api.Submissions;
import io.complaintflow.process.calendar.BusinessCalendar;
import io.complaintflow.process.handling.HandlingProcess;

/** The customer's API: filing, following, and every kind of bad input, answered without storing anything. */
class ComplaintApiIntegrationTests extends ApiIntegrationTest {

  @Autowired
  BusinessCalendar calendar;

  @Nested
  class Filing {

    @Test
    void answersWithTicketTokenAndAFirstResponsePromisedInWorkingTime() {
      Answer a = file(Submissions.valid());

      assertThat(a.status()).isEqualTo(201);
      String ticket = a.json().path("ticket").asText();
      assertThat(ticket).matches("CF-\\d{8}-\\d{6}");
      assertThat(a.header("Location")).isEqualTo("/api/complaints/" + ticket);
      assertThat(a.json().path("trackingToken").asText()).hasSizeGreaterThanOrEqualTo(40);
      assertThat(a.json().path("status").asText()).isEqualTo("RECEIVED");
      assertThat(a.json().path("statusText").asText()).isEqualTo("已受理,待登记");
      Instant received = Instant.parse(a.json().path("receivedAt").asText());
      assertThat(Instant.parse(a.json().path("firstResponseDueAt").asText()))
          .isEqualTo(calendar.plus(received, "PT8H"));

      // the row and the process instance exist together
      assertThat(jdbc.queryForObject("select status from complaint where ticket = ?", String.class, ticket))
          .isEqualTo("RECEIVED");
      assertThat(jdbc.queryForObject("select customer_contact_channel from complaint where ticket = ?", String.class,
          ticket)).isEqualTo("EMAIL");
      ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(HandlingProcess.KEY).processInstanceBusinessKey(ticket).singleResult();
      assertThat(pi).isNotNull();
      assertThat(jdbc.queryForObject("select process_instance_id from complaint where ticket = ?", String.class, ticket))
          .isEqualTo(pi.getId());
      Task register = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
      assertThat(register.getTaskDefinitionKey()).isEqualTo("Task_RegisterComplaint");
      assertThat(register.getAssignee()).isNull();
      assertThat(candidateGroups(register)).containsExactly("agents");
      assertThat(register.getDueDate().toInstant()).isEqualTo(calendar.plus(received, "PT8H"));
      assertThat(jdbc.queryForList("select type from complaint_event e join complaint c on c.id = e.complaint_id "
          + "where c.ticket = ?", String.class, ticket)).containsExactly("RECEIVED");
    }

    @Test
    void sendsVipComplaintsToTheGreenChannelDeskWithTopPriority() {
      String ticket = file(Submissions.valid().with("customer/tier", "VIP")).json().path("ticket").asText();

      Task register = tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult();
      assertThat(candidateGroups(register)).containsExactly("vipDesk");
      assertThat(register.getPriority()).isEqualTo(90);
    }

    @Test
    void givesTheRegistrationToTheStaffMemberWhoTookTheComplaint() {
      Answer a = api.post("/api/complaints", Submissions.valid().with("channel", "PHONE").json())
          .as("lina", "demo").send();

      assertThat(a.status()).isEqualTo(201);
      String ticket = a.json().path("ticket").asText();
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ticket).singleResult().getAssignee())
          .isEqualTo("lina");
      assertThat(jdbc.queryForObject("select received_by from complaint where ticket = ?", String.class, ticket))
          .isEqualTo("lina");
    }

    @Test
    void showsTheProductsHandlingPlanToTheHandler() {
      String plan = "首批用户反馈的内胆问题:7 天内换新,赠 50 元代金券。";
      Answer set = api.put("/api/staff/products/AC-900/handling-plan", "{\"handlingPlan\": \"" + plan + "\"}")
          .as("sunli", "demo").send();
      assertThat(set.status()).isEqualTo(200);

      String ticket = file(Submissions.valid().with("product/code", "AC-900").with("product/name", "变频空调"))
          .json().path("ticket").asText();

      ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(HandlingProcess.KEY).processInstanceBusinessKey(ticket).singleResult();
      assertThat(runtime.getVariable(pi.getId(), HandlingProcess.Vars.HANDLING_PLAN)).isEqualTo(plan);
    }
  }

  @Nested
  class Idempotency {

    @Test
    void aRetriedRequestReturnsTheSameComplaint() {
      String key = "retry-" + System.nanoTime();
      long before = complaintRows();

      Answer first = api.post("/api/complaints", Submissions.valid().json()).header("Idempotency-Key", key).send();
      Answer retry = api.post("/api/complaints", Submissions.valid().json()).header("Idempotency-Key", key).send();

      assertThat(first.status()).isEqualTo(201);
      assertThat(retry.status()).isEqualTo(201);
      assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
      assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(retry.json().path("ticket")).isEqualTo(first.json().path("ticket"));
      assertThat(retry.json().path("trackingToken")).isEqualTo(first.json().path("trackingToken"));
      assertThat(complaintRows()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithOtherContentIsRefused() {
      String key = "reuse-" + System.nanoTime();
      Answer first = api.post("/api/complaints", Submissions.valid().json()).header("Idempotency-Key", key).send();
      long before = complaintRows();

      Answer other = api.post("/api/complaints", Submissions.valid().with("description", "另一件事").json())
          .header("Idempotency-Key", key).send();

      assertThat(other.status()).isEqualTo(422);
      assertThat(other.header("Content-Type")).contains("application/problem+json");
      assertThat(other.errorFields()).containsExactly("Idempotency-Key");
      assertThat(other.json().path("detail").asText()).contains(first.json().path("ticket").asText());
      assertThat(complaintRows()).isEqualTo(before);
    }

    @Test
    void concurrentRetriesCreateOneComplaint() throws Exception {
      String key = "race-" + System.nanoTime();
      long before = complaintRows();
      long instancesBefore = processInstances();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          calls.add(() -> api.post("/api/complaints", Submissions.valid().json()).header("Idempotency-Key", key).send());
        }
        Set<String> tickets = new HashSet<>();
        for (Future<Answer> f : pool.invokeAll(calls)) {
          assertThat(f.get().status()).isEqualTo(201);
          tickets.add(f.get().json().path("ticket").asText());
        }
        assertThat(tickets).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
      assertThat(complaintRows()).isEqualTo(before + 1);
      assertThat(processInstances()).isEqualTo(instancesBefore + 1);
    }
  }

  @Nested
  class Following {

    @Test
    void theCustomerFollowsTheComplaintWithTheToken() {
      Answer filed = file(Submissions.valid());
      String ticket = filed.json().path("ticket").asText();
      String token = filed.json().path("trackingToken").asText();

      Answer zh = api.get("/api/complaints/" + ticket).header("X-Tracking-Token", token).send();
      Answer en = api.get("/api/complaints/" + ticket + "?token=" + token).english().send();

      assertThat(zh.status()).isEqualTo(200);
      assertThat(zh.json().path("status").asText()).isEqualTo("RECEIVED");
      assertThat(zh.json().path("product").asText()).isEqualTo("智能电饭煲 RC-2026");
      assertThat(zh.json().path("history").get(0).path("text").asText()).isEqualTo("我们已收到您的投诉");
      assertThat(en.json().path("statusText").asText()).isEqualTo("Received, waiting to be registered");
      assertThat(en.json().path("history").get(0).path("text").asText()).isEqualTo("We received your complaint");
      // nothing personal beyond what the customer told us, and no internal notes
      assertThat(zh.raw()).doesNotContain("13800138000").doesNotContain("trackingSalt");
    }

    @Test
    void aWrongTokenIsForbidden() {
      String ticket = file(Submissions.valid()).json().path("ticket").asText();
      Answer a = api.get("/api/complaints/" + ticket).header("X-Tracking-Token", "not-the-token").send();
      assertThat(a.status()).isEqualTo(403);
      assertThat(a.errorFields()).containsExactly("token");
    }

    @Test
    void anotherComplaintsTokenIsForbidden() {
      String mine = file(Submissions.valid()).json().path("ticket").asText();
      String othersToken = file(Submissions.valid()).json().path("trackingToken").asText();
      Answer a = api.get("/api/complaints/" + mine).header("X-Tracking-Token", othersToken).send();
      assertThat(a.status()).isEqualTo(403);
    }

    @Test
    void aMissingTokenIsUnauthorized() {
      String ticket = file(Submissions.valid()).json().path("ticket").asText();
      Answer a = api.get("/api/complaints/" + ticket).send();
      assertThat(a.status()).isEqualTo(401);
      assertThat(a.errorFields()).containsExactly("token");
    }

    @Test
    void anUnknownTicketIsNotFound() {
      Answer a = api.get("/api/complaints/CF-20990101-999999").header("X-Tracking-Token", "whatever").english().send();
      assertThat(a.status()).isEqualTo(404);
      assertThat(a.errorFields()).containsExactly("ticket");
      assertThat(a.json().path("title").asText()).isEqualTo("No such complaint");
    }

    @Test
    void confirmingOrReopeningOutOfTurnIsAConflictAndChangesNothing() {
      Answer filed = file(Submissions.valid());
      String ticket = filed.json().path("ticket").asText();
      String token = filed.json().path("trackingToken").asText();

      Answer confirm = api.post("/api/complaints/" + ticket + "/resolution-confirmation", "{\"resolved\": true}")
          .header("X-Tracking-Token", token).send();
      Answer reopen = api.post("/api/complaints/" + ticket + "/reopen", "{\"reason\": \"还是坏的\"}")
          .header("X-Tracking-Token", token).send();

      assertThat(confirm.status()).isEqualTo(409);
      assertThat(confirm.json().path("errors").get(0).path("reason").asText()).contains("不在等待您确认");
      assertThat(reopen.status()).isEqualTo(409);
      assertThat(jdbc.queryForObject("select status from complaint where ticket = ?", String.class, ticket))
          .isEqualTo("RECEIVED");
    }

    @Test
    void aConfirmationNeedsAnAnswerAndADisputeAReason() {
      Answer filed = file(Submissions.valid());
      String ticket = filed.json().path("ticket").asText();
      String token = filed.json().path("trackingToken").asText();

      Answer noAnswer = api.post("/api/complaints/" + ticket + "/resolution-confirmation", "{}")
          .header("X-Tracking-Token", token).send();
      Answer noReason = api.post("/api/complaints/" + ticket + "/resolution-confirmation", "{\"resolved\": false}")
          .header("X-Tracking-Token", token).send();
      Answer noReopenReason = api.post("/api/complaints/" + ticket + "/reopen", "{\"reason\": \"  \"}")
          .header("X-Tracking-Token", token).send();

      assertThat(noAnswer.status()).isEqualTo(400);
      assertThat(noAnswer.errorFields()).containsExactly("resolved");
      assertThat(noReason.status()).isEqualTo(400);
      assertThat(noReason.errorFields()).containsExactly("comment");
      assertThat(noReopenReason.status()).isEqualTo(400);
      assertThat(noReopenReason.errorFields()).containsExactly("reason");
    }
  }

  @Nested
  class BadInput {

    static Stream<Arguments> spoiledSubmissions() {
      String longText = "投".repeat(4001);
      return Stream.of(
          Arguments.of("customer missing", Submissions.valid().without("customer").json(), "customer"),
          Arguments.of("name missing", Submissions.valid().without("customer/name").json(), "customer.name"),
          Arguments.of("name blank", Submissions.valid().with("customer/name", "   ").json(), "customer.name"),
          Arguments.of("name too long", Submissions.valid().with("customer/name", "名".repeat(101)).json(), "customer.name"),
          Arguments.of("no way to reach the customer",
              Submissions.valid().without("customer/phone").without("customer/email").json(), "customer.phone"),
          Arguments.of("malformed phone", Submissions.valid().with("customer/phone", "call me").json(), "customer.phone"),
          Arguments.of("malformed email", Submissions.valid().with("customer/email", "wang@").json(), "customer.email"),
          Arguments.of("unknown tier", Submissions.valid().with("customer/tier", "PLATINUM").json(), "customer.tier"),
          Arguments.of("unknown language", Submissions.valid().with("customer/language", "fr").json(), "customer.language"),
          Arguments.of("SMS wanted but no phone",
              Submissions.valid().without("customer/phone").with("customer/preferredChannel", "SMS").json(), "customer.phone"),
          Arguments.of("unknown contact channel",
              Submissions.valid().with("customer/preferredChannel", "PIGEON").json(), "customer.preferredChannel"),
          Arguments.of("channel missing", Submissions.valid().without("channel").json(), "channel"),
          Arguments.of("unknown channel", Submissions.valid().with("channel", "FAX").json(), "channel"),
          Arguments.of("product missing", Submissions.valid().without("product").json(), "product"),
          Arguments.of("product name missing", Submissions.valid().without("product/name").json(), "product.name"),
          Arguments.of("unknown product code", Submissions.valid().with("product/code", "NOPE-1").json(), "product.code"),
          Arguments.of("malformed product code", Submissions.valid().with("product/code", "a b").json(), "product.code"),
          Arguments.of("occurredAt missing", Submissions.valid().without("occurredAt").json(), "occurredAt"),
          Arguments.of("occurredAt malformed", Submissions.valid().with("occurredAt", "yesterday").json(), "occurredAt"),
          Arguments.of("occurredAt in the future", Submissions.valid().with("occurredAt", "2099-01-01T00:00:00Z").json(),
              "occurredAt"),
          Arguments.of("description missing", Submissions.valid().without("description").json(), "description"),
          Arguments.of("description too long", Submissions.valid().with("description", longText).json(), "description"),
          Arguments.of("description a number", Submissions.valid().with("description", 123).json(), "description"),
          Arguments.of("description with control characters",
              Submissions.valid().with("description", "坏了\u0000\u0007").json(), "description"),
          Arguments.of("description with a bidi override",
              Submissions.valid().with("description", "退款\u202E已完成").json(), "description"),
          Arguments.of("desired remedy too long", Submissions.valid().with("desiredRemedy", "换".repeat(1001)).json(),
              "desiredRemedy"),
          Arguments.of("unknown field", Submissions.valid().with("priority", "urgent").json(), "priority"),
          Arguments.of("customer not an object", Submissions.valid().with("customer", "王建国").json(), "customer"),
          Arguments.of("malformed JSON", "{\"customer\": {", "body"),
          Arguments.of("not an object", "[1, 2, 3]", "body"),
          Arguments.of("empty body", "", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spoiledSubmissions")
    void isAnsweredWithAProblemNamingTheFieldAndStoresNothing(String what, String body, String field) {
      long rows = complaintRows();
      long instances = processInstances();

      Answer a = api.post("/api/complaints", body).send();

      assertThat(a.status()).as(what).isEqualTo(400);
      assertThat(a.header("Content-Type")).contains("application/problem+json");
      assertThat(a.json().path("type").asText()).startsWith("https://complaintflow.io/problems/");
      assertThat(a.json().path("title").asText()).isNotBlank();
      assertThat(a.errorFields()).as(what).contains(field);
      assertThat(a.json().path("errors").get(0).path("reason").asText()).isNotBlank();
      assertThat(complaintRows()).isEqualTo(rows);
      assertThat(processInstances()).isEqualTo(instances);
    }

    @Test
    void reportsSeveralWrongFieldsAtOnceInTheCallersLanguage() {
      Answer a = api.post("/api/complaints", Submissions.valid().without("channel").with("customer/name", "")
          .with("customer/email", "nope").json()).english().send();

      assertThat(a.status()).isEqualTo(400);
      assertThat(a.errorFields()).containsExactlyInAnyOrder("channel", "customer.name", "customer.email");
      assertThat(a.json().path("title").asText()).isEqualTo("The request is not valid");
      assertThat(a.raw()).contains("is required").contains("is not an email address");
    }

    @Test
    void refusesAnotherContentType() {
      Answer a = api.request("POST", "/api/complaints").body("text/plain", "我要投诉").send();
      assertThat(a.status()).isEqualTo(415);
      assertThat(a.errorFields()).containsExactly("Content-Type");
    }

    @Test
    void refusesAMalformedIdempotencyKey() {
      long rows = complaintRows();
      Answer a = api.post("/api/complaints", Submissions.valid().json()).header("Idempotency-Key", "x y").send();
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.errorFields()).contains("Idempotency-Key");
      assertThat(complaintRows()).isEqualTo(rows);
    }
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }
}
