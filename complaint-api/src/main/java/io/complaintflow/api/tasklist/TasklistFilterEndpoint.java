package io.complaintflow.api.tasklist;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.complaintflow.api.system.ReadBodyRequest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * In front of the engine's filter endpoints, where Tasklist ({@code /camunda/api/engine/engine/{engine}/filter/…})
 * and REST clients ({@code /engine-rest/…}) list and count a filter's tasks. When {@link TasklistFilterAnswers} can
 * answer from the read model: {@code count} is answered here; for {@code list}, the engine renders the page itself
 * (the filter extended by {@code taskIdIn} with the page's ids, so the JSON, HAL links and embedded variables are the
 * engine's own) with the read model's count ({@link ProvenPage}). Anything else passes unchanged.
 * Runs after the engine's and the webapps' authentication filters, as the signed-in user.
 */
class TasklistFilterEndpoint extends OncePerRequestFilter {

  /** Response header naming the read model when it answered (for operators and tests). */
  static final String ANSWERED_BY = "X-ComplaintFlow-Tasklist";
  /** A task id no task has: an empty page still goes through the engine, which renders it empty. */
  static final String NO_TASK = "tasklist-read-model-no-task";
  /** Larger bodies are not Tasklist's; passed through untouched. */
  private static final int MAX_BODY = 64 * 1024;
  private static final Pattern PATH = Pattern.compile(
      "(?:/engine-rest(?:/engine/([^/]+))?|/camunda/api/engine/engine/([^/]+))/filter/([^/]+)/(list|count)");

  private final TasklistFilterAnswers answers;
  private final IdentityService identity;
  private final ObjectMapper json = new ObjectMapper();

  TasklistFilterEndpoint(TasklistFilterAnswers answers, IdentityService identity) {
    this.answers = answers;
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher path = PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    boolean post = "POST".equals(request.getMethod());
    if (!path.matches() || !(post || "GET".equals(request.getMethod()))) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = post ? request.getInputStream().readNBytes(MAX_BODY + 1) : new byte[0];
    HttpServletRequest replay = new Replay(request, body, request.getQueryString(), request.getParameterMap());
    Optional<TasklistFilterAnswers.Request> asked = parse(path, request, body);
    boolean list = "list".equals(path.group(4));
    boolean webapp = path.group(2) != null;
    Optional<TasklistReadModel.Page> page;
    boolean proven = false;
    if (webapp && identity.getCurrentAuthentication() == null) {
      // The webapps' filters (session sign-in, CSRF) may come after this one: the user is the session's, and only
      // a list is answered, which still passes those filters on its way to the engine.
      UserAuthentication user = sessionUser(request, path.group(2));
      if (user == null || !list) {
        page = Optional.empty();
      } else {
        identity.setAuthentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
        try {
          page = asked.flatMap(a -> answers.answer(a, true));
          proven = page.isPresent() && answers.mayRenderProvenPage();
        } finally {
          identity.clearAuthentication();
        }
      }
    } else {
      page = asked.flatMap(a -> answers.answer(a, list));
      proven = list && page.isPresent() && answers.mayRenderProvenPage();
    }
    if (page.isEmpty()) {
      chain.doFilter(replay, response);
      return;
    }
    response.setHeader(ANSWERED_BY, "read-model");
    if (!list) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("application/json");
      response.getOutputStream().write(json.writeValueAsBytes(Map.of("count", page.get().count())));
      return;
    }
    renderByEngine(asked.get(), page.get(), proven, replay, response, chain);
  }

  private void renderByEngine(TasklistFilterAnswers.Request asked, TasklistReadModel.Page page, boolean proven,
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ObjectNode query = asked.extendingQuery() != null && asked.extendingQuery().isObject()
        ? ((ObjectNode) asked.extendingQuery()).deepCopy() : json.createObjectNode();
    ArrayNode ids = query.putArray("taskIdIn");
    (page.taskIds().isEmpty() ? List.of(NO_TASK) : page.taskIds()).forEach(ids::add);
    int size = Math.max(1, page.taskIds().size());
    byte[] body = json.writeValueAsBytes(query);
    Map<String, String[]> params = Map.of("firstResult", new String[] {"0"}, "maxResults",
        new String[] {String.valueOf(size)});
    HttpServletRequest byIds = new Replay(request, body, "firstResult=0&maxResults=" + size, params) {
      @Override
      public String getMethod() {
        return "POST";
      }

      @Override
      public String getContentType() {
        return "application/json";
      }

      @Override
      public String getHeader(String name) {
        return "Content-Type".equalsIgnoreCase(name) ? "application/json" : super.getHeader(name);
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return "Content-Type".equalsIgnoreCase(name) ? Collections.enumeration(List.of("application/json"))
            : super.getHeaders(name);
      }
    };
    if (proven) {
      response.setHeader(ANSWERED_BY, "read-model; proven-page");
    }
    try {
      ProvenPage.render(proven, page.count(), () -> {
        chain.doFilter(byIds, response);
        return null;
      });
    } catch (IOException | ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }

  private static UserAuthentication sessionUser(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    Authentications signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    return signedIn != null && signedIn.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication u
        ? u : null;
  }

  private Optional<TasklistFilterAnswers.Request> parse(Matcher path, HttpServletRequest request, byte[] body) {
    if (body.length > MAX_BODY) {
      return Optional.empty();
    }
    for (String name : request.getParameterMap().keySet()) {
      if (!"firstResult".equals(name) && !"maxResults".equals(name)) {
        return Optional.empty();
      }
    }
    JsonNode query = null;
    if (body.length > 0) {
      try {
        query = json.readTree(body);
      } catch (IOException notJson) {
        return Optional.empty();
      }
    }
    String engine = path.group(1) != null ? path.group(1) : path.group(2) != null ? path.group(2) : "default";
    try {
      return Optional.of(new TasklistFilterAnswers.Request(engine, path.group(3), query,
          integer(request.getParameter("firstResult")), integer(request.getParameter("maxResults"))));
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  private static Integer integer(String value) {
    return value == null ? null : Integer.valueOf(value);
  }

  /** The request with its body (already read here) to read again, and possibly another query string. */
  private static class Replay extends ReadBodyRequest {

    private final String queryString;
    private final Map<String, String[]> parameters;

    Replay(HttpServletRequest request, byte[] body, String queryString, Map<String, String[]> parameters) {
      super(request, body);
      this.queryString = queryString;
      this.parameters = parameters;
    }

    @Override
    public String getQueryString() {
      return queryString;
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return parameters.get(name);
    }
  }
}
