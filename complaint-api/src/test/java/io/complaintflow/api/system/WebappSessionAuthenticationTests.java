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

import org.junit.jupiter.api.Test;

import io.complaintflow.api.ApiIntegrationTest;

/**
 * The Cockpit login reaches the staff API for reading, and only that: a webapp session counts for {@code GET
 * /api/staff/**} of users who may open Cockpit, never for changes, never for the engine REST API, never for anyone
 * else.
 */
class WebappSessionAuthenticationTests extends ApiIntegrationTest {

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
  void aSignedOutSessionCountsNoMore() throws Exception {
    Session manager = signIn("yangmin", "cockpit");
    assertThat(manager.get("/api/staff/sla/overview").statusCode()).isEqualTo(200);
    manager.get("/camunda/app/cockpit/default/");   // the login started a new session with a new CSRF token

    HttpResponse<String> out = manager.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/logout"))
        .header("X-XSRF-TOKEN", manager.xsrf()).POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(out.statusCode()).isLessThan(300);
    assertThat(manager.get("/api/staff/sla/overview").statusCode()).isEqualTo(401);
  }

  /** A browser-like client: cookies kept, signed in through the webapps' login endpoint like the login form. */
  private Session signIn(String user, String app) throws Exception {
    Session s = new Session(new CookieManager());
    s.get("/camunda/app/" + app + "/default/");
    HttpResponse<String> login = s.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", s.xsrf())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo")));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return s;
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
