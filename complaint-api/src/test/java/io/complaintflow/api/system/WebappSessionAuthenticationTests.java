package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.api.Submissions;

/**
 * The Cockpit login reaches the staff API for reading, and only that: a webapp session counts for {@code GET
 * /api/staff/**} of users who may open Cockpit, never for changes, never for the engine REST API, never for anyone
 * else. Tasklist's filter lists, answered from the read model, go to the signed-in user only.
 */
class WebappSessionAuthenticationTests extends ApiIntegrationTest {

  @Autowired
  FilterService filters;

  @Test
  void aManagerSignedInToCockpitReadsTheSlaOverview() throws Exception {
    Session manager = signIn("yangmin", "cockpit");

    HttpResponse<String> overview = manager.get("/api/staff/sla/overview");
    HttpResponse<String> complaints = manager.get("/api/staff/complaints");

    assertThat(overview.statusCode()).as(overview.body()).isEqualTo(200);
    assertThat(overview.body()).contains("\"byState\"");
    assertThat(complaints.statusCode()).isEqualTo(200);
  }

  @Test
  void theSessionNeitherChangesAnythingNorOpensTheEngineRestApi() throws Exception {
    Session manager = signIn("yangmin", "cockpit");

    HttpResponse<String> demand = manager.send(HttpRequest.newBuilder(uri("/api/staff/complaints/CF-1/escalation-demands"))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", manager.xsrf())
        .POST(HttpRequest.BodyPublishers.ofString("{\"demand\": \"MEDIA\", \"note\": \"x\"}")));
    HttpResponse<String> engineRest = manager.get("/engine-rest/task");

    assertThat(demand.statusCode()).isEqualTo(401);
    assertThat(engineRest.statusCode()).isEqualTo(401);
  }

  @Test
  void whoMayNotOpenCockpitGetsNothingFromTheirTasklistLogin() throws Exception {
    Session agent = signIn("zhangwei", "tasklist");

    assertThat(agent.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
    assertThat(agent.get("/api/staff/sla/overview").statusCode()).isEqualTo(401);
    assertThat(agent.get("/api/staff/complaints").statusCode()).isEqualTo(401);
  }

  @Test
  void tasklistListsAFilterFromTheReadModelForTheSignedInAgentOnly() throws Exception {
    file(Submissions.valid());
    String filter = filters.createFilterQuery().filterName("待认领").singleResult().getId();
    Session agent = signIn("zhangwei", "tasklist");
    agent.get("/camunda/app/tasklist/default/");   // the CSRF token of the signed-in session
    String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

    HttpResponse<String> page = agent.send(listOf(filter, body).header("X-XSRF-TOKEN", agent.xsrf()));
    HttpResponse<String> anonymous = new Session(new CookieManager()).send(listOf(filter, body));

    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.headers().firstValue("X-ComplaintFlow-Tasklist")).contains("read-model; proven-page");
    JsonNode hal = new ObjectMapper().readTree(page.body());
    identity.setAuthentication("zhangwei", List.of("agents"));
    try {
      assertThat(hal.path("count").asLong()).isEqualTo(filters.count(filter)).isPositive();
    } finally {
      identity.clearAuthentication();
    }
    assertThat(hal.path("_embedded").path("task").get(0).path("_embedded").path("variable").findValuesAsText("name"))
        .contains("ticket", "customerName");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("X-ComplaintFlow-Tasklist")).isEmpty();
  }

  private HttpRequest.Builder listOf(String filter, String body) {
    return HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/filter/" + filter
            + "/list?firstResult=0&maxResults=15"))
        .header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  @Test
  void aSignedOutSessionCountsNoMore() throws Exception {
    Session manager = signIn("yangmin", "cockpit");
    assertThat(manager.get("/api/staff/sla/overview").statusCode()).isEqualTo(200);
    manager.get("/camunda/app/cockpit/default/");   // the login started a new session with a new CSRF token

    HttpResponse<String> out = manager.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/logout"))
        .header("X-XSRF-TOKEN", manager.xsrf()).POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(out.statusCode()).isLessThan(300);
    assertThat(manager.get("/api/staff/sla/overview").statusCode()).isEqualTo(401);
  }

  @Test
  void aRefusedSignInIsLoggedWithItsReason() throws Exception {
    Logger webapp = (Logger) LoggerFactory.getLogger("org.camunda.bpm.webapp");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    webapp.addAppender(logged);
    try {
      HttpResponse<String> agentAtCockpit = login(new Session(new CookieManager()), "zhangwei", "demo", "cockpit");
      HttpResponse<String> wrongPassword = login(new Session(new CookieManager()), "yangmin", "wrong", "cockpit");

      assertThat(agentAtCockpit.statusCode()).isEqualTo(403);
      assertThat(wrongPassword.statusCode()).isEqualTo(401);
      assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(m -> assertThat(m)
              .contains("Failed login attempt for user zhangwei").contains("Reason: not authorized"))
          .anySatisfy(m -> assertThat(m).contains("Failed login attempt for user yangmin")
              .contains("Reason: bad credentials"));
    } finally {
      webapp.detachAppender(logged);
      identity.unlockUser("yangmin");
    }
  }

  /** A browser-like client: cookies kept, signed in through the webapps' login endpoint like the login form. */
  private Session signIn(String user, String app) throws Exception {
    Session s = new Session(new CookieManager());
    HttpResponse<String> login = login(s, user, "demo", app);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return s;
  }

  private HttpResponse<String> login(Session s, String user, String password, String app) throws Exception {
    s.get("/camunda/app/" + app + "/default/");
    return s.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", s.xsrf())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private final class Session {
    private final CookieManager cookies;
    private final HttpClient http;

    Session(CookieManager cookies) {
      this.cookies = cookies;
      this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    String xsrf() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
  }
}
