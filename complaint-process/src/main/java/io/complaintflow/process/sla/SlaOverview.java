package io.complaintflow.process.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.complaintflow.process.staff.StaffLevel;

/**
 * Where the SLA clocks of all open complaints stand, counted in the database (one aggregate query and one bounded
 * list, whatever the number of open complaints): what the Cockpit SLA dashboard and {@code GET /api/staff/sla/overview}
 * show.
 *
 * <p>A complaint's state is the worst of its running clocks, as {@link SlaClock#state} shows them one by one: the
 * first-response clock runs until the complaint is registered, the resolution clock until it is closed.
 * <ul>
 * <li>{@code PAUSED}: the clocks stand still while the complaint waits for the customer;</li>
 * <li>{@code BREACHED}: a running clock is past its due time (or its breach was recorded);</li>
 * <li>{@code WARNED}: a running clock passed its warning point;</li>
 * <li>{@code ON_TRACK}: everything else.</li>
 * </ul>
 */
@Service
public class SlaOverview {

  /** Open means not closed; every other status is a complaint someone is working on. */
  private static final String OPEN = "c.status <> 'CLOSED'";
  private static final String PAUSED = "c.sla_paused_at is not null";
  private static final String FIRST_RESPONSE_RUNNING = "c.first_responded_at is null";
  private static final String FIRST_RESPONSE_BREACHED = "(" + FIRST_RESPONSE_RUNNING
      + " and (c.first_response_breached_at is not null or c.first_response_due_at < ?))";
  private static final String RESOLUTION_BREACHED = "(c.resolution_breached_at is not null or c.resolution_due_at < ?)";
  private static final String BREACHED = "(" + FIRST_RESPONSE_BREACHED + " or " + RESOLUTION_BREACHED + ")";
  private static final String WARNED = "((" + FIRST_RESPONSE_RUNNING + " and c.first_response_warned_at is not null)"
      + " or c.resolution_warned_at is not null)";
  /** A running clock falls due in [now, now + window]. */
  private static final String DUE_SOON = "((" + FIRST_RESPONSE_RUNNING + " and c.first_response_due_at >= ? "
      + "and c.first_response_due_at <= ?) or (c.resolution_due_at >= ? and c.resolution_due_at <= ?))";
  /**
   * The complaint's handling process runs (or ran) the given process definition. History holds every instance, running
   * or ended, and is looked up by its primary key.
   */
  private static final String OF_DEFINITION = "exists (select 1 from ACT_HI_PROCINST h "
      + "where h.ID_ = c.process_instance_id and h.PROC_DEF_ID_ = ?)";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public SlaOverview(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The SLA states of open complaints. */
  public enum State {
    ON_TRACK, WARNED, BREACHED, PAUSED
  }

  /**
   * The figures.
   *
   * @param at the moment they were counted
   * @param open open complaints
   * @param byState open complaints per SLA state (every state present; they add up to {@code open})
   * @param dueWithin the window of {@code dueSoon}
   * @param dueSoon open complaints, neither paused nor breached, with a running clock falling due within the window
   * @param escalations open complaints per escalation level reached (every level above agent present)
   * @param breached the breached complaints, most overdue first, at most as many as asked for
   */
  public record Figures(Instant at, long open, Map<State, Long> byState, Duration dueWithin, long dueSoon,
      Map<StaffLevel, Long> escalations, List<Breach> breached) {
  }

  /**
   * A breached complaint.
   *
   * @param clock which clock is past due: FIRST_RESPONSE or RESOLUTION (the first response when both are)
   * @param dueAt when that clock fell due
   */
  public record Breach(String ticket, String customerName, String customerTier, String status, String department,
      String owner, String clock, Instant dueAt, StaffLevel escalationLevel, String processInstanceId) {
  }

  /**
   * Counts the open complaints.
   *
   * @param processDefinitionId only complaints whose handling process runs this definition (version); {@code null}
   *     for all
   * @param dueWithin the "due soon" window
   * @param breachedLimit at most this many breached complaints are listed
   */
  public Figures of(String processDefinitionId, Duration dueWithin, int breachedLimit) {
    Instant now = clock.instant();
    Timestamp t = Timestamp.from(now);
    Timestamp until = Timestamp.from(now.plus(dueWithin));
    String scope = processDefinitionId == null ? "" : " and " + OF_DEFINITION;

    List<Object> args = new ArrayList<>(List.of(t, t, t, t, t, t, t, until, t, until));
    if (processDefinitionId != null) {
      args.add(processDefinitionId);
    }
    Map<String, Object> counts = jdbc.queryForMap("select count(*) as open_total,"
        + " sum(case when " + PAUSED + " then 1 else 0 end) as paused,"
        + " sum(case when not " + PAUSED + " and " + BREACHED + " then 1 else 0 end) as breached,"
        + " sum(case when not " + PAUSED + " and not " + BREACHED + " and " + WARNED + " then 1 else 0 end) as warned,"
        + " sum(case when not " + PAUSED + " and not " + BREACHED + " and " + DUE_SOON + " then 1 else 0 end) as due_soon,"
        + " sum(case when c.escalation_level = 'SUPERVISOR' then 1 else 0 end) as supervisor,"
        + " sum(case when c.escalation_level = 'MANAGER' then 1 else 0 end) as manager,"
        + " sum(case when c.escalation_level = 'DIRECTOR' then 1 else 0 end) as director"
        + " from complaint c where " + OPEN + scope, args.toArray());

    long open = number(counts, "open_total");
    long paused = number(counts, "paused");
    long breached = number(counts, "breached");
    long warned = number(counts, "warned");
    Map<State, Long> byState = new LinkedHashMap<>();
    byState.put(State.ON_TRACK, open - paused - breached - warned);
    byState.put(State.WARNED, warned);
    byState.put(State.BREACHED, breached);
    byState.put(State.PAUSED, paused);
    Map<StaffLevel, Long> escalations = new LinkedHashMap<>();
    escalations.put(StaffLevel.SUPERVISOR, number(counts, "supervisor"));
    escalations.put(StaffLevel.MANAGER, number(counts, "manager"));
    escalations.put(StaffLevel.DIRECTOR, number(counts, "director"));

    return new Figures(now, open, byState, dueWithin, number(counts, "due_soon"), escalations,
        breached(processDefinitionId, t, breachedLimit));
  }

  private List<Breach> breached(String processDefinitionId, Timestamp now, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    // placeholders: the breached clock's due time and name (one each), the breach test (two), scope, limit
    List<Object> args = new ArrayList<>(List.of(now, now, now, now));
    if (processDefinitionId != null) {
      args.add(processDefinitionId);
    }
    args.add(limit);
    return jdbc.query("select c.ticket, c.customer_name, c.customer_tier, c.status, c.department, c.owner,"
        + " c.escalation_level, c.process_instance_id,"
        + " case when " + FIRST_RESPONSE_BREACHED + " then c.first_response_due_at else c.resolution_due_at end as due_at,"
        + " case when " + FIRST_RESPONSE_BREACHED + " then 'FIRST_RESPONSE' else 'RESOLUTION' end as breached_clock"
        + " from complaint c where " + OPEN + " and not " + PAUSED + " and " + BREACHED
        + (processDefinitionId == null ? "" : " and " + OF_DEFINITION)
        + " order by due_at asc, c.id asc fetch first ? rows only",
        (rs, n) -> {
          String level = rs.getString("escalation_level");
          Timestamp due = rs.getTimestamp("due_at");
          return new Breach(rs.getString("ticket"), rs.getString("customer_name"), rs.getString("customer_tier"),
              rs.getString("status"), rs.getString("department"), rs.getString("owner"),
              rs.getString("breached_clock"), due == null ? null : due.toInstant(),
              level == null ? null : StaffLevel.valueOf(level), rs.getString("process_instance_id"));
        },
        args.toArray());
  }

  /** A count of the row (column names in the database's case); {@code sum} over no rows is null, that is 0. */
  private static long number(Map<String, Object> row, String column) {
    for (Map.Entry<String, Object> e : row.entrySet()) {
      if (e.getKey().equalsIgnoreCase(column)) {
        return e.getValue() == null ? 0 : ((Number) e.getValue()).longValue();
      }
    }
    throw new IllegalStateException("no column " + column);
  }
}
