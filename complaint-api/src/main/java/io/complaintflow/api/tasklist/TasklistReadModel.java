package io.complaintflow.api.tasklist;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintflow.api.tasklist.StaffTaskFilters.Condition;
import io.complaintflow.api.tasklist.StaffTaskFilters.Scope;

/**
 * The Tasklist read model ({@code tasklist_task}, {@code tasklist_candidate}): copied from the engine's runtime tables
 * ({@code ACT_RU_TASK}, {@code ACT_RU_IDENTITYLINK}, {@code ACT_RU_VARIABLE}) by the same SQL whether one task
 * changed or the whole model is filled, so that it holds what the engine's filter queries read. Answers a staff filter
 * for a user: the ids of one page, in the filter's order, and the count.
 */
@Component
public class TasklistReadModel {

  /** Page sizes above this are left to the engine (Tasklist asks for 15). */
  static final int MAX_PAGE_END = 1000;
  /** Ids per IN list when refreshing tasks. */
  private static final int CHUNK = 200;

  private static final String TASK_COLUMNS =
      "id, proc_inst_id, proc_def_id, task_def_key, assignee, due_date, priority, create_time, tenant_id, "
          + "suspension_state, vip";
  /** A task row from the engine's: vip exactly as processVariableValueEquals("customerTier", "VIP") matches it. */
  private static final String SELECT_TASKS = "select T.ID_, T.PROC_INST_ID_, T.PROC_DEF_ID_, T.TASK_DEF_KEY_, "
      + "T.ASSIGNEE_, T.DUE_DATE_, T.PRIORITY_, T.CREATE_TIME_, T.TENANT_ID_, T.SUSPENSION_STATE_, "
      + "case when exists (select 1 from ACT_RU_VARIABLE V where V.NAME_ = '" + StaffTaskFilters.TIER_VARIABLE + "' "
      + "and V.TASK_ID_ is null and V.PROC_INST_ID_ = T.PROC_INST_ID_ and V.TYPE_ is not null and V.TYPE_ = 'string' "
      + "and V.TEXT_ is not null and V.TEXT_ = '" + StaffTaskFilters.VIP_TIER + "') then true else false end "
      + "from ACT_RU_TASK T";
  /**
   * The candidate groups of unassigned tasks, with the task's columns the group filters select and sort by; shared:
   * the task has more than one candidate group.
   */
  private static final String SELECT_CANDIDATES = "select distinct C.id, I.GROUP_ID_, C.task_def_key, C.due_date, "
      + "C.priority, C.create_time, C.suspension_state, C.vip, case when (select count(distinct S.GROUP_ID_) from "
      + "ACT_RU_IDENTITYLINK S where S.TASK_ID_ = C.id and S.TYPE_ = 'candidate' and S.GROUP_ID_ is not null) > 1 "
      + "then true else false end from tasklist_task C join ACT_RU_IDENTITYLINK I "
      + "on I.TASK_ID_ = C.id and I.TYPE_ = 'candidate' and I.GROUP_ID_ is not null where C.assignee is null";
  private static final String CANDIDATE_COLUMNS =
      "task_id, group_id, task_def_key, due_date, priority, create_time, suspension_state, vip, shared";
  /** The engine's task suspension states: each is its own index range. */
  private static final List<Integer> ACTIVE = List.of(SuspensionState.ACTIVE.getStateCode());
  private static final List<Integer> ACTIVE_OR_SUSPENDED =
      List.of(SuspensionState.ACTIVE.getStateCode(), SuspensionState.SUSPENDED.getStateCode());

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  /** Whether the database sorts nulls after every value (PostgreSQL) or before (H2): Java merges pages the same way. */
  private final boolean nullsHigh;
  /** Seen filled (see {@link #filled()}). */
  private volatile boolean filled;

  TasklistReadModel(DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(transactions);
    try {
      this.nullsHigh = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.nullsAreSortedHigh());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the database's null ordering", e);
    }
  }

  // --- keeping it in step ------------------------------------------------------------------------------------------

  /** Copies these tasks again from the engine's tables, or removes them when they are gone (completed, deleted). */
  void refreshTasks(Collection<String> taskIds) {
    for (List<String> chunk : chunks(taskIds)) {
      String in = placeholders(chunk.size());
      Object[] ids = chunk.toArray();
      jdbc.update("delete from tasklist_candidate where task_id in (" + in + ")", ids);
      jdbc.update("delete from tasklist_task where id in (" + in + ")", ids);
      jdbc.update("insert into tasklist_task (" + TASK_COLUMNS + ") " + SELECT_TASKS + " where T.ID_ in (" + in + ")",
          ids);
      jdbc.update("insert into tasklist_candidate (" + CANDIDATE_COLUMNS + ") " + SELECT_CANDIDATES
          + " and C.id in (" + in + ")", ids);
    }
  }

  /** Copies again every task of these process instances (a variable or their suspension state changed). */
  void refreshProcessInstances(Collection<String> processInstanceIds) {
    for (List<String> chunk : chunks(processInstanceIds)) {
      String in = placeholders(chunk.size());
      Object[] ids = chunk.toArray();
      List<String> taskIds = new ArrayList<>(jdbc.queryForList(
          "select ID_ from ACT_RU_TASK where PROC_INST_ID_ in (" + in + ")", String.class, ids));
      taskIds.addAll(jdbc.queryForList("select id from tasklist_task where proc_inst_id in (" + in + ")",
          String.class, ids));
      refreshTasks(taskIds.stream().distinct().toList());
    }
  }

  /** Copies every open task again (a whole process definition was suspended or activated, or the first fill). */
  void refreshAll() {
    jdbc.update("delete from tasklist_candidate");
    jdbc.update("delete from tasklist_task");
    jdbc.update("insert into tasklist_task (" + TASK_COLUMNS + ") " + SELECT_TASKS);
    jdbc.update("insert into tasklist_candidate (" + CANDIDATE_COLUMNS + ") " + SELECT_CANDIDATES);
  }

  /** Counts a change of authorizations that may have taken a READ grant from a task's assignee or candidate group. */
  void grantsChanged() {
    jdbc.update("update tasklist_read_model_state set grants_version = grants_version + 1 where id = 1");
  }

  /** Fills the model from the engine's tables unless that was done before; true if it filled it now. */
  boolean fillIfEmpty() {
    return Boolean.TRUE.equals(transaction.execute(tx -> {
      // locks the state row: two nodes starting together fill once
      int claimed = jdbc.update("update tasklist_read_model_state set grants_version = grants_version "
          + "where id = 1 and filled_at is null");
      if (claimed == 0) {
        return false;
      }
      refreshAll();
      jdbc.update("update tasklist_read_model_state set filled_at = ? where id = 1", new Timestamp(System.currentTimeMillis()));
      return true;
    }));
  }

  /**
   * Whether the model was filled from the engine's tables. Asked by every command that changes tasks and every filter
   * request; once the database says so it stays so (nothing empties the model again), so it is asked only until then.
   */
  boolean filled() {
    if (!filled) {
      filled = jdbc.queryForObject(
          "select count(*) from tasklist_read_model_state where id = 1 and filled_at is not null", Integer.class) > 0;
    }
    return filled;
  }

  /** True when some open task belongs to a tenant: the engine's tenant check then matters, so the engine answers. */
  boolean hasTenantTasks() {
    return !jdbc.queryForList("select id from tasklist_task where tenant_id >= '' fetch first 1 rows only",
        String.class).isEmpty();
  }

  /**
   * Whether every open task's assignee holds a READ grant on it, and every candidate group of an open unassigned task
   * too, as the engine's default authorization provider grants them, and nobody has changed grants since this was
   * last found true. Then whatever a staff filter lists for a user is a task the user may read. Checked again (a
   * scan of the open tasks) only after grants changed.
   */
  synchronized boolean assigneesAndCandidatesMayRead() {
    Map<String, Object> state = jdbc.queryForMap(
        "select grants_version, grants_checked_version from tasklist_read_model_state where id = 1");
    long version = ((Number) state.get("grants_version")).longValue();
    Number checked = (Number) state.get("grants_checked_version");
    if (checked != null && checked.longValue() == version) {
      return true;
    }
    int assigneesWithout = jdbc.queryForObject("select count(*) from tasklist_task T where T.assignee is not null "
        + "and not exists (select 1 from ACT_RU_AUTHORIZATION A where A.TYPE_ = 1 and A.RESOURCE_TYPE_ = 7 "
        + "and A.RESOURCE_ID_ = T.id and A.USER_ID_ = T.assignee and mod(A.PERMS_ / 2, 2) <> 0)", Integer.class);
    int groupsWithout = jdbc.queryForObject("select count(*) from tasklist_candidate C where not exists (select 1 "
        + "from ACT_RU_AUTHORIZATION A where A.TYPE_ = 1 and A.RESOURCE_TYPE_ = 7 and A.RESOURCE_ID_ = C.task_id "
        + "and A.GROUP_ID_ = C.group_id and mod(A.PERMS_ / 2, 2) <> 0)", Integer.class);
    if (assigneesWithout > 0 || groupsWithout > 0) {
      return false;
    }
    // only if nobody changed grants meanwhile
    return jdbc.update("update tasklist_read_model_state set grants_checked_version = ? where id = 1 "
        + "and grants_version = ?", version, version) == 1;
  }

  /** True when some authorization revokes a permission: the engine's check is then not a plain grant lookup. */
  boolean anyRevocation() {
    return jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where TYPE_ = 2", Integer.class) > 0;
  }

  // --- answering a filter ------------------------------------------------------------------------------------------

  /** One page of a filter: the task ids in order, and how many tasks the filter lists in all. */
  public record Page(List<String> taskIds, long count) {
  }

  /**
   * The page {@code [firstResult, firstResult + maxResults)} of a staff filter for a user with these groups, at this
   * engine time; {@code activeOnly} as Tasklist's {@code active: true}. Every page and count is read on index ranges
   * (owner, suspension state, filter column), one per owner and state, and merged here. The tasks assigned to the user
   * and the unassigned tasks of their groups are disjoint; a task offered to two of the user's groups is counted once:
   * the groups' counts less the tasks counted twice, found among the few rows of shared tasks.
   */
  public Page page(StaffTaskFilters filter, String userId, List<String> groupIds, Date now, boolean activeOnly,
      int firstResult, int maxResults) {
    int end = firstResult + maxResults;
    List<Row> rows = new ArrayList<>();
    long count = 0;
    for (int state : activeOnly ? ACTIVE : ACTIVE_OR_SUSPENDED) {
      if (filter.scope != Scope.MY_GROUPS) {
        Where w = where(filter, now, state, "assignee = ?", userId);
        rows.addAll(rows("select id, due_date, priority, create_time from tasklist_task", w, "id", end));
        count += count("select count(*) from tasklist_task", w);
      }
      if (filter.scope != Scope.MINE) {
        for (String group : groupIds) {
          Where w = where(filter, now, state, "group_id = ?", group);
          rows.addAll(rows("select task_id, due_date, priority, create_time from tasklist_candidate", w, "task_id",
              end));
          count += count("select count(*) from tasklist_candidate", w);
        }
        if (groupIds.size() > 1) {
          count -= countedTwice(filter, now, state, groupIds);
        }
      }
    }
    Map<String, Row> distinct = new LinkedHashMap<>();
    rows.stream().sorted(order()).forEach(r -> distinct.putIfAbsent(r.id, r));
    List<String> ids = distinct.keySet().stream().skip(firstResult).limit(maxResults).toList();
    return new Page(ids, count);
  }

  private long count(String select, Where w) {
    return jdbc.queryForObject(select + w.sql, Long.class, w.args.toArray());
  }

  /**
   * How many of the filter's tasks in this state were counted more than once, once for each of the user's groups
   * they are offered to beyond the first. Read on the index of shared tasks (few): the user's groups are asked in the
   * select list, where they cannot lead the database to a group's index (and to reading every row of the groups).
   */
  private long countedTwice(StaffTaskFilters filter, Date now, int state, List<String> groupIds) {
    String in = "group_id in (" + placeholders(groupIds.size()) + ")";
    Where w = where(filter, now, state, "shared = true");
    List<Object> args = new ArrayList<>(groupIds);
    args.addAll(groupIds);
    args.addAll(w.args);
    return jdbc.queryForObject("select count(case when " + in + " then 1 end) - count(distinct case when " + in
        + " then task_id end) from tasklist_candidate" + w.sql, Long.class, args.toArray());
  }

  private record Row(String id, Timestamp due, Integer priority, Timestamp created) {
  }

  /**
   * A filter's conditions on one suspension state; {@code leading}: the columns it fixes by equality, in index order.
   * The page's ORDER BY starts with them (which changes nothing, they are fixed) because H2 reads an index in order
   * only when the ORDER BY begins with the index's first columns.
   */
  private record Where(String sql, List<Object> args, String leading) {
  }

  private Where where(StaffTaskFilters filter, Date now, int state, String owner, Object... ownerArgs) {
    StringBuilder sql = new StringBuilder(" where ").append(owner).append(" and suspension_state = ?");
    String leading = owner.substring(0, owner.indexOf(' ')) + ", suspension_state, ";
    List<Object> args = new ArrayList<>(List.of(ownerArgs));
    args.add(state);
    if (filter.condition == Condition.DUE_SOON) {
      sql.append(" and due_date < ?");
      args.add(new Timestamp(now.getTime() + StaffTaskFilters.DUE_SOON_HOURS * 3_600_000L));
    } else if (filter.condition == Condition.OVERDUE) {
      sql.append(" and due_date < ?");
      args.add(new Timestamp(now.getTime()));
    } else if (filter.condition == Condition.VIP) {
      sql.append(" and vip = true");
      leading += "vip, ";
    } else if (filter.condition == Condition.TASK_KEY) {
      sql.append(" and task_def_key = ?");
      args.add(filter.taskKey);
      leading += "task_def_key, ";
    }
    return new Where(sql.toString(), args, leading);
  }

  private List<Row> rows(String select, Where w, String idColumn, int limit) {
    return jdbc.query(select + w.sql + " order by " + w.leading + "due_date, priority desc, create_time, " + idColumn
            + " fetch first " + limit + " rows only",
        (rs, i) -> new Row(rs.getString(1), rs.getTimestamp(2), (Integer) rs.getObject(3), rs.getTimestamp(4)),
        w.args.toArray());
  }

  /** The filters' order as the database applies it: due date asc, priority desc, create time asc; then the id. */
  private Comparator<Row> order() {
    Comparator<Timestamp> time = nullsHigh ? Comparator.nullsLast(Comparator.<Timestamp>naturalOrder())
        : Comparator.nullsFirst(Comparator.<Timestamp>naturalOrder());
    Comparator<Integer> asc = nullsHigh ? Comparator.nullsLast(Comparator.<Integer>naturalOrder())
        : Comparator.nullsFirst(Comparator.<Integer>naturalOrder());
    return Comparator.comparing(Row::due, time)
        .thenComparing(Row::priority, asc.reversed())
        .thenComparing(Row::created, time)
        .thenComparing(Row::id);
  }

  private static List<List<String>> chunks(Collection<String> ids) {
    List<String> all = ids.stream().filter(Objects::nonNull).distinct().toList();
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return chunks;
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
