package io.complaintflow.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.api.Submissions;
import io.complaintflow.notifications.Notification;
import io.complaintflow.notifications.Notifications;
import io.complaintflow.notifications.Template;

/**
 * A customer's request to erase their personal data: every trace of name, phone, email and ID number gone from our
 * tables and the engine's, messages to them withdrawn, the hot-spot analysis unchanged, repeated requests answered
 * alike, and only managers, directors and administrators may ask.
 */
class AnonymisationIntegrationTests extends ApiIntegrationTest {

  private static final String NAME = "欧阳明远";
  private static final String PHONE = "13912345678";
  private static final String EMAIL = "ouyang.mingyuan@example.com";
  private static final String OTHER_EMAIL = "mingyuan.home@example.com";
  private static final String ID_NUMBER = "11010519491231002X";
  private static final String PATH = "/api/staff/customers/anonymisations";

  @Autowired
  ManagementService management;
  @Autowired
  Notifications notifications;

  private final Map<String, String> trackingTokens = new java.util.HashMap<>();

  @Test
  void erasesTheCustomersPersonalDataEverywhereAndKeepsTheFigures() {
    // Given: two complaints of the same customer (second with another email), and one of somebody else
    String first = filed(customer(EMAIL).with("description", "我是" + NAME + ",身份证 " + ID_NUMBER
        + ",电饭煲内胆有裂纹,请打 " + PHONE + " 联系我。"));
    String second = filed(customer(OTHER_EMAIL).with("channel", "PHONE"));
    String other = filed(Submissions.valid().with("customer/name", "司马光华").with("customer/phone", "13787654321")
        .with("customer/email", "sima@example.com"));
    register(first);
    awaitTask(second, "Task_RegisterComplaint");
    awaitTask(other, "Task_RegisterComplaint");
    assertThat(traces()).as("before").isNotEmpty();
    JsonNode before = figures();

    // When: a manager anonymises the customer by phone
    Answer a = api.post(PATH, "{\"phone\": \"139 1234 5678\"}").as("yangmin", "demo").send();

    // Then: both complaints, none of the other customer's
    assertThat(a.status()).as(a.raw()).isEqualTo(201);
    assertThat(a.json().path("tickets")).extracting(JsonNode::asText).containsExactlyInAnyOrder(first, second);
    assertThat(a.json().path("count").asInt()).isEqualTo(2);
    assertThat(a.json().path("anonymisedNow").asInt()).isEqualTo(2);
    assertThat(traces()).isEmpty();
    assertThat(jdbc.queryForObject("select customer_name from complaint where ticket = ?", String.class, other))
        .isEqualTo("司马光华");
    assertThat(jdbc.queryForList("select customer_phone, customer_email, anonymised_at from complaint where ticket in "
        + "(?, ?)", first, second)).allSatisfy(r -> {
          assertThat(r.get("customer_phone")).isNull();
          assertThat(r.get("customer_email")).isNull();
          assertThat(r.get("anonymised_at")).isNotNull();
        });
    // statistics intact
    assertThat(figures()).isEqualTo(before);
    assertThat(jdbc.queryForList("select category, channel, customer_tier, status, product_code from complaint where "
        + "ticket = ?", second).get(0)).containsEntry("channel", "PHONE").containsEntry("customer_tier", "STANDARD")
        .containsEntry("product_code", "RC-2026");
    // nothing more goes to the customer
    assertThat(jdbc.queryForList("select o.status from notification_outbox o join complaint c on c.id = o.complaint_id "
        + "where c.ticket in (?, ?) and o.recipient_kind = 'CUSTOMER'", String.class, first, second))
        .isNotEmpty().allMatch(s -> s.equals("CANCELLED") || s.equals("SENT"));
    // and nothing new is written to them, whatever the processes still do
    long complaintId = jdbc.queryForObject("select id from complaint where ticket = ?", Long.class, first);
    notifications.send(Notification.toCustomer("after-erasure-" + first, Template.ACKNOWLEDGEMENT, complaintId,
        Map.of()));
    assertThat(jdbc.queryForObject("select count(*) from notification_outbox where idempotency_key = ?", Long.class,
        "after-erasure-" + first)).isZero();
    // audited, without the personal data
    Map<String, Object> audit = jdbc.queryForMap("select requested_by, subject_kind, complaints_anonymised from "
        + "customer_anonymisation order by id desc fetch first 1 rows only");
    assertThat(audit).containsEntry("requested_by", "yangmin").containsEntry("subject_kind", "PHONE")
        .containsEntry("complaints_anonymised", 2);
    // the customer can still follow the complaint: its status, without the personal data
    Answer status = api.get("/api/complaints/" + first).header("X-Tracking-Token", trackingTokens.get(first)).send();
    assertThat(status.status()).as(status.raw()).isEqualTo(200);
    assertThat(status.raw()).doesNotContain(NAME, PHONE, EMAIL);

    // And again, by any of the customer's identifiers: the same tickets, nothing more to do
    for (String again : List.of("{\"phone\": \"13912345678\"}", "{\"email\": \"" + EMAIL.toUpperCase() + "\"}",
        "{\"ticket\": \"" + second + "\"}")) {
      Answer repeated = api.post(PATH, again).as("zhaolei", "demo").send();
      assertThat(repeated.status()).as(again + " " + repeated.raw()).isEqualTo(200);
      assertThat(repeated.json().path("tickets")).extracting(JsonNode::asText)
          .containsExactlyInAnyOrder(first, second);
      assertThat(repeated.json().path("anonymisedNow").asInt()).isZero();
    }
    assertThat(figures()).isEqualTo(before);
  }

  @Test
  void onlyManagersDirectorsAndAdministratorsMayAsk() {
    String body = "{\"email\": \"nobody-here@example.com\"}";
    assertThat(api.post(PATH, body).send().status()).isEqualTo(401);
    for (String user : List.of("zhangwei", "liuyang", "huangqiang", "qianjun", "sunli")) {
      Answer denied = api.post(PATH, body).as(user, "demo").send();
      assertThat(denied.status()).as(user).isEqualTo(403);
      assertThat(denied.header("Content-Type")).contains("application/problem+json");
    }
    for (String user : List.of("yangmin", "zhaolei", "admin")) {
      assertThat(api.post(PATH, body).as(user, "demo").send().status()).as(user).isEqualTo(404);
    }
  }

  @Test
  void answersBadInputAndUnknownCustomersAsProblems() {
    for (String bad : List.of("{}", "{\"phone\": \"13800138000\", \"email\": \"a@example.com\"}",
        "{\"phone\": \"\"}", "{\"phone\": \"call me\"}", "{\"email\": \"not-an-email\"}", "{\"ticket\": \"CF 1; drop\"}",
        "{\"name\": \"王建国\"}", "[1]", "{\"phone\": 13800138000}", "not json")) {
      Answer a = api.post(PATH, bad).as("yangmin", "demo").send();
      assertThat(a.status()).as(bad + " " + a.raw()).isEqualTo(400);
      assertThat(a.header("Content-Type")).as(bad).contains("application/problem+json");
    }
    Answer unknown = api.post(PATH, "{\"ticket\": \"CF-19990101-000001\"}").as("yangmin", "demo").english().send();
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).contains("application/problem+json");
    assertThat(unknown.json().path("title").asText()).isEqualTo("No complaints of this customer");
    assertThat(unknown.errorFields()).containsExactly("ticket");
  }

  @Test
  void isDocumentedInOpenApi() {
    Answer docs = api.get("/v3/api-docs").send();
    assertThat(docs.status()).isEqualTo(200);
    JsonNode post = docs.json().path("paths").path(PATH).path("post");
    assertThat(post.path("summary").asText()).contains("Anonymise");
    assertThat(post.path("responses").properties()).extracting(Map.Entry::getKey)
        .contains("200", "201", "400", "403", "404", "409");
    assertThat(docs.json().path("components").path("schemas").path("AnonymisationRequest").path("properties")
        .properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("phone", "email", "ticket");
  }

  /** An agent registers the complaint, quoting the customer; the job executor classifies it. */
  private void register(String ticket) {
    org.camunda.bpm.engine.task.Task task = awaitTask(ticket, "Task_RegisterComplaint");
    identity.setAuthentication("zhangwei", List.of("agents"));
    try {
      tasks.claim(task.getId(), "zhangwei");
      tasks.complete(task.getId(), Map.of("facts", NAME + " 来电(" + PHONE + "):内胆有裂纹", "customerRequest",
          "换新,寄到 " + EMAIL + " 所留地址", "problemType", "PRODUCT_DEFECT", "personalInjury", false,
          "resolvableAtFirstContact", true, "suspectedMalicious", false));
    } finally {
      identity.clearAuthentication();
    }
    eventually(() -> jdbc.queryForObject("select category from complaint where ticket = ?", String.class, ticket));
  }

  private Submissions customer(String email) {
    return Submissions.valid().with("customer/name", NAME).with("customer/phone", PHONE).with("customer/email", email);
  }

  /** Files a complaint; its ticket (the tracking token goes to {@link #trackingTokens}). */
  private String filed(Submissions s) {
    Answer a = file(s);
    assertThat(a.status()).as(a.raw()).isEqualTo(201);
    String ticket = a.json().path("ticket").asText();
    trackingTokens.put(ticket, a.json().path("trackingToken").asText());
    return ticket;
  }

  /** The hot-spot analysis of the days around today, once no job is left to run (classification is asynchronous). */
  private JsonNode figures() {
    Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
        .until(() -> management.createJobQuery().executable().active().count() == 0);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Answer a = api.get("/api/staff/analysis?from=" + today.minusDays(3) + "&to=" + today.plusDays(1))
        .as("yangmin", "demo").send();
    assertThat(a.status()).as(a.raw()).isEqualTo(200);
    return a.json();
  }

  /** Every varchar/clob cell of every table (ours and the engine's) that holds the customer's name, phone or email. */
  private List<String> traces() {
    List<String> found = new ArrayList<>();
    List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name from "
        + "information_schema.columns where table_schema = 'PUBLIC' and data_type in ('CHARACTER VARYING', "
        + "'CHARACTER LARGE OBJECT', 'CHARACTER') and lower(table_name) <> 'flyway_schema_history'");
    assertThat(columns).extracting(c -> c.get("table_name").toString().toUpperCase())
        .contains("COMPLAINT", "COMPLAINT_EVENT", "NOTIFICATION_OUTBOX", "ACT_RU_VARIABLE", "ACT_HI_VARINST",
            "ACT_HI_DETAIL");
    for (Map<String, Object> c : columns) {
      String table = "\"" + c.get("table_name") + "\"";
      String column = "\"" + c.get("column_name") + "\"";
      for (String token : List.of(NAME, PHONE, EMAIL, OTHER_EMAIL, ID_NUMBER)) {
        Long n = jdbc.queryForObject("select count(*) from " + table + " where " + column + " like ?", Long.class,
            "%" + token + "%");
        if (n > 0) {
          found.add(c.get("table_name") + "." + c.get("column_name") + " has " + token + " (" + n + ")");
        }
      }
    }
    // serialized variables (JSON) and their history live as bytes
    for (Map<String, Object> b : jdbc.queryForList("select ID_, NAME_, BYTES_ from ACT_GE_BYTEARRAY where BYTES_ is not "
        + "null and DEPLOYMENT_ID_ is null")) {
      String text = new String((byte[]) b.get("BYTES_"), java.nio.charset.StandardCharsets.UTF_8);
      for (String token : List.of(NAME, PHONE, EMAIL, OTHER_EMAIL, ID_NUMBER)) {
        if (text.contains(token)) {
          found.add("ACT_GE_BYTEARRAY " + b.get("NAME_") + " has " + token);
        }
      }
    }
    return found;
  }

}
