package io.complaintflow.api.tasklist;

import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides whether a Tasklist filter request can be answered from the {@link TasklistReadModel} exactly as the engine
 * would answer it, and if so answers it (page ids and count). Every condition below is one under which the engine's
 * filter query lists exactly the tasks the read model selects; when one does not hold, the engine answers.
 * <ul>
 * <li>The filter is one of {@link StaffTaskFilters}, unchanged (its saved query is the one the setup saves), and the
 * user may read it.</li>
 * <li>The request extends it with nothing but what Tasklist sends: empty variable searches, {@code active}, and a
 * sorting by created, due date or priority, which the engine appends after the filter's own (so it only orders ties
 * the filter's sorting leaves).</li>
 * <li>The user is signed in with at least one group; no open task belongs to a tenant; no authorization revokes.</li>
 * <li>The engine's READ check passes for every task the filter lists: the user is an administrator, or may read all
 * tasks, or the assignees and candidate groups of all open tasks hold the READ grant the engine gave them.</li>
 * </ul>
 */
@Component
public class TasklistFilterAnswers {

  private static final Set<String> SEARCHES = Set.of("processVariables", "taskVariables", "caseInstanceVariables");
  /** Tasklist puts its paging into the body as well; the engine reads it from the URL only. */
  private static final Set<String> PAGING = Set.of("firstResult", "maxResults");
  private static final Set<String> TIE_SORTINGS = Set.of("created", "dueDate", "priority");

  private final ProcessEngine engine;
  private final FilterService filters;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final TaskService tasks;
  private final TasklistReadModel model;
  private final TasklistSync sync;
  private final boolean enabled;
  private volatile Map<StaffTaskFilters, String> savedQueries;

  TasklistFilterAnswers(ProcessEngine engine, TasklistReadModel model, TasklistSync sync,
      @Value("${complaintflow.tasklist.read-model.enabled:true}") boolean enabled) {
    this.engine = engine;
    this.filters = engine.getFilterService();
    this.identity = engine.getIdentityService();
    this.authorizations = engine.getAuthorizationService();
    this.tasks = engine.getTaskService();
    this.model = model;
    this.sync = sync;
    this.enabled = enabled;
  }

  /** The request a filter endpoint received: the engine, the filter, the extending query and the page. */
  record Request(String engineName, String filterId, JsonNode extendingQuery, Integer firstResult,
      Integer maxResults) {
  }

  /**
   * The read model's answer for the signed-in user (the engine's current authentication), or empty when the engine
   * must answer. {@code list}: a page is asked for (firstResult and maxResults given); otherwise the count only.
   */
  public Optional<TasklistReadModel.Page> answer(Request request, boolean list) {
    if (!enabled || !sync.active() || !engine.getName().equals(request.engineName())) {
      return Optional.empty();
    }
    Authentication auth = identity.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null || auth.getGroupIds() == null || auth.getGroupIds().isEmpty()) {
      return Optional.empty();
    }
    int first = 0;
    int max = 1;
    if (list) {
      if (request.firstResult() == null || request.maxResults() == null || request.firstResult() < 0
          || request.maxResults() < 1
          || (long) request.firstResult() + request.maxResults() > TasklistReadModel.MAX_PAGE_END) {
        return Optional.empty();
      }
      first = request.firstResult();
      max = request.maxResults();
    }
    Optional<Boolean> activeOnly = activeOnly(request.extendingQuery());
    if (activeOnly.isEmpty()) {
      return Optional.empty();
    }
    Optional<StaffTaskFilters> filter = staffFilter(request.filterId());
    if (filter.isEmpty() || !model.filled() || model.hasTenantTasks() || model.anyRevocation()
        || !mayReadEveryListedTask(auth)) {
      return Optional.empty();
    }
    List<String> groups = List.copyOf(auth.getGroupIds());
    Date now = ClockUtil.getCurrentTime();
    return Optional.of(model.page(filter.get(), auth.getUserId(), groups, now, activeOnly.get(), first, max));
  }

  /** Tasklist's extending query: {@code active} if it says so; empty if it asks anything the model cannot answer. */
  static Optional<Boolean> activeOnly(JsonNode query) {
    if (query == null || query.isNull() || query.isMissingNode()) {
      return Optional.of(false);
    }
    if (!query.isObject()) {
      return Optional.empty();
    }
    boolean active = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (SEARCHES.contains(name)) {
        if (!(value.isNull() || value.isArray() && value.isEmpty())) {
          return Optional.empty();
        }
      } else if (PAGING.contains(name)) {
        if (!(value.isNull() || value.isIntegralNumber())) {
          return Optional.empty();
        }
      } else if ("active".equals(name)) {
        if (!(value.isNull() || value.isBoolean())) {
          return Optional.empty();
        }
        active = value.asBoolean(false);
      } else if ("sorting".equals(name)) {
        if (!onlyBreaksTies(value)) {
          return Optional.empty();
        }
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(active);
  }

  private static boolean onlyBreaksTies(JsonNode sorting) {
    if (sorting.isNull()) {
      return true;
    }
    if (!sorting.isArray()) {
      return false;
    }
    for (JsonNode s : sorting) {
      if (!s.isObject() || s.size() > 2 || !TIE_SORTINGS.contains(s.path("sortBy").asText())
          || !Set.of("asc", "desc").contains(s.path("sortOrder").asText())) {
        return false;
      }
    }
    return true;
  }

  /** Which staff filter this is, if the user may read it and its saved query is still the setup's. */
  private Optional<StaffTaskFilters> staffFilter(String filterId) {
    Filter filter;
    try {
      filter = filters.getFilter(filterId);
    } catch (RuntimeException notReadable) {
      return Optional.empty();
    }
    if (filter == null || !"Task".equals(filter.getResourceType())) {
      return Optional.empty();
    }
    String saved = new JsonTaskQueryConverter().toJson(filter.<TaskQuery>getQuery());
    return savedQueries().entrySet().stream().filter(e -> e.getValue().equals(saved)).map(Map.Entry::getKey)
        .findFirst();
  }

  private Map<StaffTaskFilters, String> savedQueries() {
    Map<StaffTaskFilters, String> queries = savedQueries;
    if (queries == null) {
      queries = new EnumMap<>(StaffTaskFilters.class);
      JsonTaskQueryConverter json = new JsonTaskQueryConverter();
      for (StaffTaskFilters f : StaffTaskFilters.values()) {
        queries.put(f, json.toJson(f.query(tasks)));
      }
      savedQueries = queries;
    }
    return queries;
  }

  /**
   * Whether the engine may render a page {@link #answer} gave this user without checking each row again
   * ({@link ProvenPage}): the rows it embeds besides the page's tasks are then ones the user may read anyway. That is,
   * no authorization revokes, variables are not permitted one by one, and the user may read every user, every process
   * definition and every process instance (Tasklist's staff groups may). Case definitions have no authorizations.
   */
  boolean mayRenderProvenPage() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Authentication auth = identity.getCurrentAuthentication();
    if (!configuration.isAuthorizationEnabled()) {
      return true;
    }
    if (auth == null || auth.getUserId() == null || auth.getGroupIds() == null
        || configuration.isEnforceSpecificVariablePermission() || model.anyRevocation()) {
      return false;
    }
    String user = auth.getUserId();
    List<String> groups = new ArrayList<>(auth.getGroupIds());
    if (isAdmin(configuration, user, groups)) {
      return true;
    }
    return authorizations.isUserAuthorized(user, groups, Permissions.READ, Resources.USER, "*")
        && authorizations.isUserAuthorized(user, groups, Permissions.READ, Resources.PROCESS_DEFINITION, "*")
        && (authorizations.isUserAuthorized(user, groups, Permissions.READ, Resources.PROCESS_INSTANCE, "*")
            || authorizations.isUserAuthorized(user, groups, ProcessDefinitionPermissions.READ_INSTANCE,
                Resources.PROCESS_DEFINITION, "*"));
  }

  private static boolean isAdmin(ProcessEngineConfigurationImpl configuration, String user, List<String> groups) {
    return configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(user)
        || configuration.getAdminGroups() != null && groups.stream().anyMatch(configuration.getAdminGroups()::contains);
  }

  private boolean mayReadEveryListedTask(Authentication auth) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!configuration.isAuthorizationEnabled()) {
      return true;
    }
    List<String> groups = new ArrayList<>(auth.getGroupIds());
    if (isAdmin(configuration, auth.getUserId(), groups)) {
      return true;
    }
    if (authorizations.isUserAuthorized(auth.getUserId(), groups, Permissions.READ, Resources.TASK, "*")
        || authorizations.isUserAuthorized(auth.getUserId(), groups, ProcessDefinitionPermissions.READ_TASK,
            Resources.PROCESS_DEFINITION, "*")) {
      return true;
    }
    return model.assigneesAndCandidatesMayRead();
  }
}
