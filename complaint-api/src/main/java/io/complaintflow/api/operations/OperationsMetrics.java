package io.complaintflow.api.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Operations figures read from the database, the same on every node of a cluster: open complaints by status, SLA
 * warnings and breaches (from the complaints' history, so they survive restarts and count the whole cluster), the
 * warnings due and not yet given (the warning sweep's backlog), and the job executor's backlog and failed jobs. A scrape reads a snapshot refreshed every
 * {@code complaintflow.metrics.refresh-interval} (default 30 s), so scraping never queries the database itself.
 * The notification outbox has its own meters ({@code complaintflow.notifications.*}, complaint-notifications).
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(OperationsMetrics.MetricsSettings.class)
public class OperationsMetrics {

  /**
   * Metrics settings ({@code complaintflow.metrics.*}).
   *
   * @param refreshInterval how often the snapshot behind the gauges is read from the database
   */
  @ConfigurationProperties("complaintflow.metrics")
  public record MetricsSettings(@DefaultValue("30s") Duration refreshInterval) {
  }

  static final String OPEN = "complaintflow.complaints.open";
  static final String SLA_WARNINGS = "complaintflow.sla.warnings";
  static final String SLA_BREACHES = "complaintflow.sla.breaches";
  static final String SLA_WARNINGS_DUE = "complaintflow.sla.warnings.due";
  static final String SLA_WARNINGS_DUE_LAG = "complaintflow.sla.warnings.due.lag";
  static final String JOBS_DUE = "complaintflow.jobs.due";
  static final String JOBS_DUE_LAG = "complaintflow.jobs.due.lag";
  static final String JOBS_FAILED = "complaintflow.jobs.failed";
  static final String INCIDENTS = "complaintflow.incidents";

  /** The SLA clocks, as the escalation process names them (history detail of SLA_WARNING / SLA_BREACHED). */
  private static final List<String> CLOCKS = List.of("FIRST_RESPONSE", "RESOLUTION");

  private static final Logger log = LoggerFactory.getLogger(OperationsMetrics.class);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Map<ComplaintStatus, AtomicLong> open = new EnumMap<>(ComplaintStatus.class);
  private final Map<String, AtomicLong> warnings = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> breaches = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> warningsDue = new ConcurrentHashMap<>();
  private final AtomicLong warningsDueLagSeconds = new AtomicLong();
  private final AtomicLong jobsDue = new AtomicLong();
  private final AtomicLong jobsDueLagSeconds = new AtomicLong();
  private final AtomicLong jobsFailed = new AtomicLong();
  private final AtomicLong incidents = new AtomicLong();

  OperationsMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    for (ComplaintStatus s : ComplaintStatus.values()) {
      if (s == ComplaintStatus.CLOSED) {
        continue;
      }
      AtomicLong n = new AtomicLong();
      open.put(s, n);
      Gauge.builder(OPEN, n, AtomicLong::get).tag("status", s.name())
          .description("Complaints not closed, by status").register(registry);
    }
    for (String c : CLOCKS) {
      String tag = c.toLowerCase(Locale.ROOT);
      AtomicLong w = new AtomicLong();
      AtomicLong b = new AtomicLong();
      warnings.put(c, w);
      breaches.put(c, b);
      FunctionCounter.builder(SLA_WARNINGS, w, AtomicLong::get).tag("clock", tag)
          .description("SLA warnings given (complaint history, all nodes)").register(registry);
      FunctionCounter.builder(SLA_BREACHES, b, AtomicLong::get).tag("clock", tag)
          .description("SLA targets breached (complaint history, all nodes)").register(registry);
      AtomicLong d = new AtomicLong();
      warningsDue.put(c, d);
      Gauge.builder(SLA_WARNINGS_DUE, d, AtomicLong::get).tag("clock", tag)
          .description("SLA warnings due and not yet given (the warning sweep's backlog)").register(registry);
    }
    Gauge.builder(SLA_WARNINGS_DUE_LAG, warningsDueLagSeconds, AtomicLong::get).baseUnit("seconds")
        .description("How long the oldest SLA warning not yet given has been due").register(registry);
    Gauge.builder(JOBS_DUE, jobsDue, AtomicLong::get)
        .description("Engine jobs due and not locked by any job executor (backlog)").register(registry);
    Gauge.builder(JOBS_DUE_LAG, jobsDueLagSeconds, AtomicLong::get).baseUnit("seconds")
        .description("How long the oldest due, unlocked job has been waiting").register(registry);
    Gauge.builder(JOBS_FAILED, jobsFailed, AtomicLong::get)
        .description("Engine jobs with no retries left (each one an incident)").register(registry);
    Gauge.builder(INCIDENTS, incidents, AtomicLong::get)
        .description("Open engine incidents (failed jobs and others)").register(registry);
  }

  /** Reads the snapshot from the database; scheduled, and called at start. */
  @Scheduled(initialDelay = 0, fixedDelayString = "${complaintflow.metrics.refresh-interval:30s}")
  public void refresh() {
    try {
      Map<ComplaintStatus, Long> counts = new EnumMap<>(ComplaintStatus.class);
      jdbc.query("select status, count(*) as n from complaint where status <> ? group by status",
          rs -> {
            counts.put(ComplaintStatus.valueOf(rs.getString("status")), rs.getLong("n"));
          }, ComplaintStatus.CLOSED.name());
      open.forEach((s, n) -> n.set(counts.getOrDefault(s, 0L)));

      Map<String, Long> warned = events(ComplaintEventType.SLA_WARNING);
      Map<String, Long> breached = events(ComplaintEventType.SLA_BREACHED);
      warnings.forEach((c, n) -> n.set(warned.getOrDefault(c, 0L)));
      breaches.forEach((c, n) -> n.set(breached.getOrDefault(c, 0L)));

      Instant now = clock.instant();
      Timestamp t = Timestamp.from(now);
      Instant oldestWarning = null;
      for (String c : CLOCKS) {
        String column = c.toLowerCase(Locale.ROOT) + "_warning_due_at";
        warningsDue.get(c).set(jdbc.queryForObject("select count(*) from complaint where " + column + " <= ?",
            Long.class, t));
        Timestamp first = jdbc.queryForObject("select min(" + column + ") from complaint where " + column + " <= ?",
            Timestamp.class, t);
        if (first != null && (oldestWarning == null || first.toInstant().isBefore(oldestWarning))) {
          oldestWarning = first.toInstant();
        }
      }
      warningsDueLagSeconds.set(oldestWarning == null ? 0
          : Math.max(0, Duration.between(oldestWarning, now).getSeconds()));
      // the job executor's own condition for acquiring a job: retries left, due, active, not locked (or lock expired)
      String due = " from ACT_RU_JOB where RETRIES_ > 0 and (DUEDATE_ is null or DUEDATE_ <= ?) "
          + "and (SUSPENSION_STATE_ is null or SUSPENSION_STATE_ = 1) and (LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ < ?)";
      jobsDue.set(jdbc.queryForObject("select count(*)" + due, Long.class, t, t));
      Timestamp oldest = jdbc.queryForObject("select min(DUEDATE_)" + due, Timestamp.class, t, t);
      jobsDueLagSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).getSeconds()));
      jobsFailed.set(jdbc.queryForObject("select count(*) from ACT_RU_JOB where RETRIES_ = 0", Long.class));
      incidents.set(jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Long.class));
    } catch (RuntimeException e) {
      // a scrape shows the last good snapshot; the next refresh tries again
      log.warn("Could not refresh the operations metrics: {}", e.toString());
    }
  }

  private Map<String, Long> events(ComplaintEventType type) {
    Map<String, Long> counts = new ConcurrentHashMap<>();
    jdbc.query("select detail, count(*) as n from complaint_event where type = ? group by detail", rs -> {
      if (rs.getString("detail") != null) {
        counts.put(rs.getString("detail"), rs.getLong("n"));
      }
    }, type.name());
    return counts;
  }
}
