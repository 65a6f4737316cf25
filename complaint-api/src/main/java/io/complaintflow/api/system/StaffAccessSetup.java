package io.complaintflow.api.system;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.complaintflow.api.tasklist.StaffTaskFilters;
import io.complaintflow.process.staff.StaffGroups;

/**
 * The platform's access model, set up at every start and left alone where it exists (so changes made in Camunda
 * Admin survive): the staff groups the processes address, what each may see and do in the webapps, and the Tasklist
 * filters. People are put into the groups in Camunda Admin; {@link DemoOrganisation} does it for the demo.
 */
@Component
@Order(1)
class StaffAccessSetup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StaffAccessSetup.class);

  /** Group id → display name (zh-CN). */
  static final Map<String, String> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put(StaffGroups.AGENTS, "一线客服");
    GROUPS.put(StaffGroups.VIP_DESK, "VIP 绿色通道专席");
    GROUPS.put(StaffGroups.SUPERVISORS, "客服主管");
    GROUPS.put(StaffGroups.MANAGERS, "客服经理");
    GROUPS.put(StaffGroups.DIRECTORS, "客服总监");
    GROUPS.put(StaffGroups.DEPT_QUALITY, "质量部");
    GROUPS.put(StaffGroups.DEPT_PRODUCT, "产品部");
    GROUPS.put(StaffGroups.DEPT_BILLING, "计费财务部");
    GROUPS.put(StaffGroups.DEPT_LOGISTICS, "物流部");
    GROUPS.put(StaffGroups.QUALITY_MANAGERS, "质量经理");
    GROUPS.put(StaffGroups.PROCESS_OWNERS, "流程负责人");
    GROUPS.put(StaffGroups.MONITORING, "运维监控");
    GROUPS.put(StaffGroups.ADMINS, "系统管理员");
  }

  static final String FILTER_MY_TASKS = StaffTaskFilters.MY_TASKS.filterName();
  static final String FILTER_GROUP_TASKS = StaffTaskFilters.GROUP_TASKS.filterName();
  static final String FILTER_DUE_SOON = StaffTaskFilters.DUE_SOON.filterName();
  static final String FILTER_BREACHED = StaffTaskFilters.BREACHED.filterName();
  static final String FILTER_VIP = StaffTaskFilters.VIP.filterName();
  static final String FILTER_APPROVALS = StaffTaskFilters.APPROVALS.filterName();
  static final String FILTER_DEPARTMENT_REPLIES = StaffTaskFilters.DEPARTMENT_REPLIES.filterName();
  /** How far ahead "due soon" looks (the SLA dashboard's default window too). */
  static final int DUE_SOON_HOURS = StaffTaskFilters.DUE_SOON_HOURS;

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  StaffAccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  /**
   * The resource ids of the grants {@link #run} makes on existing resources: all of a type, and the two webapps. A
   * new filter's grants need no query (it has none yet).
   */
  private static final List<String> GRANTED_RESOURCE_IDS = List.of(Authorization.ANY, "cockpit", "tasklist");

  /**
   * The group grants that exist, as {@link #key}s: read at the start of {@link #run}, a query per id of
   * {@link #GRANTED_RESOURCE_IDS}, instead of one query per grant (some 150 engine commands: 0.45 → 0.26 s of every
   * start on PostgreSQL with 20,000 complaints). By resource id alone, so the database reads only those rows through
   * its resource id index: every open task has grants for its assignee or candidate group, and a query by group read
   * all of them (with 100,000 open complaints 1.8 of the 2.3 s the runners took on H2).
   */
  private Set<String> existingGrants = Set.of();

  @Override
  public void run(ApplicationArguments args) {
    String[] groupIds = GROUPS.keySet().toArray(String[]::new);
    Set<String> presentGroups = identity.createGroupQuery().groupIdIn(groupIds).list().stream().map(Group::getId)
        .collect(Collectors.toSet());
    GROUPS.forEach((id, name) -> {
      if (!presentGroups.contains(id)) {
        group(id, name);
      }
    });
    existingGrants = GRANTED_RESOURCE_IDS.stream()
        .flatMap(id -> authorizations.createAuthorizationQuery().resourceId(id).list().stream())
        .filter(a -> a.getGroupId() != null && GROUPS.containsKey(a.getGroupId()))
        .map(a -> key(a.getGroupId(), a.getResourceType(), a.getResourceId()))
        .collect(Collectors.toCollection(HashSet::new));
    Set<String> presentFilters = filters.createFilterQuery().list().stream().map(Filter::getName)
        .collect(Collectors.toSet());
    // Camunda's administrators: everything, the Admin app included (the starter grants this only to its own admin user)
    for (Resource r : Resources.values()) {
      grant(StaffGroups.ADMINS, r, "*", Permissions.ALL);
    }

    // A group gets one grant per resource: grant() leaves an existing one as it is (administrators may have edited
    // it), so the fuller grants come first. Supervisors and managers hand tasks over when an owner is away.
    for (String g : List.of(StaffGroups.SUPERVISORS, StaffGroups.MANAGERS, StaffGroups.DIRECTORS)) {
      grant(g, Resources.TASK, "*", Permissions.READ, Permissions.TASK_ASSIGN);
    }
    for (String g : StaffGroups.COCKPIT_USERS) {
      grant(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(g, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
      grant(g, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
      grant(g, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
      grant(g, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
      grant(g, Resources.TASK, "*", Permissions.READ);
      grant(g, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
      grant(g, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
    }
    // Process owners deploy the models they edit in Camunda Modeler.
    grant(StaffGroups.PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ);
    for (String g : StaffGroups.ALL_STAFF) {
      grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(g, Resources.USER, "*", Permissions.READ);
      grant(g, Resources.GROUP, "*", Permissions.READ);
      grant(g, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    }

    // Tasklist shows the ticket, customer and tier of each task in its lists: process variables, which need READ on
    // the process instance (the staff API shows the same to every staff member).
    for (String g : StaffGroups.ALL_STAFF) {
      grant(g, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    }
    // By owner, by group, by urgency (the SLA due time is the task's due date), by customer tier, by step.
    for (StaffTaskFilters f : StaffTaskFilters.values()) {
      if (!presentFilters.contains(f.filterName())) {
        filter(f.filterName(), f.description(), f.priority(), f.query(tasks), f.readers());
      }
    }
  }

  private void group(String id, String name) {
    Group g = identity.newGroup(id);
    g.setName(name);
    g.setType(StaffGroups.ADMINS.equals(id) ? "SYSTEM" : "WORKFLOW");
    identity.saveGroup(g);
    log.info("Created group {} ({})", id, name);
  }

  private static String key(String group, int resourceType, String resourceId) {
    return group + '\u0000' + resourceType + '\u0000' + resourceId;
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    String key = key(group, resource.resourceType(), resourceId);
    boolean read = GROUPS.containsKey(group)
        && (GRANTED_RESOURCE_IDS.contains(resourceId) || resource == Resources.FILTER);
    boolean exists = read ? existingGrants.contains(key)
        : authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId)
            .count() > 0;
    if (exists) {
      return;
    }
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
    existingGrants.add(key);
  }

  /** A Tasklist filter (query and sorting from {@link StaffTaskFilters}) that the given groups may read; made once. */
  private void filter(String name, String description, int priority, TaskQuery query, List<String> readers) {
    Filter f = filters.newTaskFilter(name);
    f.setQuery(query);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", List.of(
        Map.of("name", "ticket", "label", "工单号"),
        Map.of("name", "customerName", "label", "客户"),
        Map.of("name", "customerTier", "label", "客户等级")));
    f.setProperties(properties);
    filters.saveFilter(f);
    for (String g : readers) {
      grant(g, Resources.FILTER, f.getId(), Permissions.READ);
    }
    log.info("Created Tasklist filter {}", name);
  }
}
