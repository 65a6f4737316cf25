package io.complaintflow.process.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintHistory;
import io.complaintflow.process.complaint.CustomerTier;
import io.complaintflow.process.staff.StaffGroups;

/**
 * 时限预警 (升级机制): gives every SLA warning that is due, recorded on its complaint and told to the people concerned
 * ({@link SlaWarningNotices}), a batch at a time in one transaction each.
 *
 * <p>A warning changes nothing in how a complaint is handled, so it is not a timer of the escalation model: one timer
 * job per complaint and clock cost a job execution each, and when thousands fall due in the same minute (business
 * hours opening on Monday morning, a batch incident's complaints registered together) they fired minutes late. The
 * sweep reads the due ones on an index ({@link SlaWarningSchedule} keeps the due times), every
 * {@code complaintflow.sla.warning-sweep.interval} on each node that runs background work.
 *
 * <p>Several nodes may sweep at once: a warning is claimed by an update that only succeeds while it is still due and
 * not given, so each is given exactly once; a node that dies mid-batch rolls back, and the next sweep gives the batch.
 */
@Component
public class SlaWarningSweep {

  private static final Logger log = LoggerFactory.getLogger(SlaWarningSweep.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final SlaWarningNotices notices;
  private final SlaSettings settings;
  private final Clock clock;

  public SlaWarningSweep(JdbcTemplate jdbc, PlatformTransactionManager transactions, SlaWarningNotices notices,
      SlaSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.notices = notices;
    this.settings = settings;
    this.clock = clock;
  }

  /** Gives every warning due now, batch after batch; returns how many were given. */
  public int sweep() {
    int given = 0;
    for (boolean firstResponse : new boolean[] {true, false}) {
      int batch;
      do {
        batch = transaction.execute(status -> giveDue(firstResponse));
        given += batch;
      } while (batch > 0);
    }
    return given;
  }

  private int giveDue(boolean firstResponse) {
    String prefix = firstResponse ? "first_response" : "resolution";
    Instant now = clock.instant();
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    List<Due> due = jdbc.query("select id, ticket, customer_name, product_name, customer_tier, owner, " + prefix
            + "_due_at from complaint where " + prefix + "_warning_due_at <= ? and " + prefix + "_warned_at is null "
            + "order by " + prefix
            + "_warning_due_at, id fetch first " + settings.warningSweep().batchSize() + " rows only",
        (rs, i) -> due(rs, prefix), at);
    if (due.isEmpty()) {
      return 0;
    }
    // one JDBC batch: the update counts say which warnings this transaction claimed
    int[] claimed = jdbc.batchUpdate("update complaint set " + prefix + "_warned_at = ?, " + prefix
            + "_warning_due_at = null, version = version + 1 where id = ? and " + prefix + "_warning_due_at <= ? and "
            + prefix + "_warned_at is null",
        due, due.size(), (ps, d) -> {
          ps.setObject(1, at);
          ps.setLong(2, d.id());
          ps.setObject(3, at);
        })[0];
    List<SlaWarning> given = new ArrayList<>();
    for (int i = 0; i < due.size(); i++) {
      if (claimed[i] != 0) {
        given.add(due.get(i).warning(firstResponse, now));
      }
    }
    if (given.isEmpty()) {
      return 0;
    }
    ComplaintEventType type = ComplaintEventType.SLA_WARNING;
    jdbc.batchUpdate("insert into complaint_event (complaint_id, occurred_at, type, actor, detail, customer_visible) "
        + "values (?, ?, ?, ?, ?, ?)", given, given.size(), (ps, w) -> {
          ps.setLong(1, w.complaintId());
          ps.setObject(2, at);
          ps.setString(3, type.name());
          ps.setString(4, ComplaintHistory.SYSTEM);
          ps.setString(5, w.clock());
          ps.setBoolean(6, type.customerVisible());
        });
    notices.warned(given);
    log.debug("{} {} warnings given", given.size(), prefix);
    return given.size();
  }

  private static Due due(ResultSet rs, String prefix) throws SQLException {
    OffsetDateTime dueAt = rs.getObject(prefix + "_due_at", OffsetDateTime.class);
    String tier = rs.getString("customer_tier");
    return new Due(rs.getLong("id"), rs.getString("ticket"), rs.getString("customer_name"),
        rs.getString("product_name"), tier == null ? null : CustomerTier.valueOf(tier), rs.getString("owner"),
        dueAt == null ? null : dueAt.toInstant());
  }

  private record Due(long id, String ticket, String customerName, String productName, CustomerTier tier,
      String owner, Instant dueAt) {

    SlaWarning warning(boolean firstResponse, Instant now) {
      String group = owner != null ? null : tier == CustomerTier.VIP ? StaffGroups.VIP_DESK : StaffGroups.AGENTS;
      return new SlaWarning(id, ticket, customerName, productName, tier, firstResponse, dueAt, now, owner, group);
    }
  }

  /** Sweeps every {@code complaintflow.sla.warning-sweep.interval} on a node with background work enabled. */
  @Component
  @EnableScheduling
  @ConditionalOnProperty(name = "complaintflow.sla.warning-sweep.enabled", havingValue = "true", matchIfMissing = true)
  static class Schedule {

    private final SlaWarningSweep sweep;

    Schedule(SlaWarningSweep sweep) {
      this.sweep = sweep;
    }

    @Scheduled(initialDelayString = "${complaintflow.sla.warning-sweep.interval:1s}",
        fixedDelayString = "${complaintflow.sla.warning-sweep.interval:1s}")
    void sweep() {
      try {
        sweep.sweep();
      } catch (RuntimeException e) {
        // nothing was given of the failed batch (rolled back): the next sweep tries again
        log.warn("SLA warning sweep failed; it runs again in {}: {}", sweep.settings.warningSweep().interval(),
            e.toString());
      }
    }
  }
}
