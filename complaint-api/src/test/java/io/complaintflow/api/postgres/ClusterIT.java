package io.complaintflow.api.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.complaintflow.api.Api;
import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.Submissions;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Two application nodes on one PostgreSQL database form a cluster: each node's job executor takes due jobs from the
 * shared tables, and the engine's optimistic locking lets exactly one node commit each. The test runs two real nodes
 * (the packaged jar, one JVM each, see {@link Node}), registers complaints through both APIs, makes a thousand SLA
 * warnings due at the same moment (both nodes' warning sweeps give each exactly once), then a thousand SLA breach
 * timers, kills one node with SIGKILL while they drain, and checks that every timer fired exactly once: the survivor
 * finishes the work, including the jobs the dead node had locked, once their lock expires
 * ({@code camunda.bpm.job-execution.lock-time-in-millis} in application-postgres.yaml).
 *
 * <p>Warnings and timers are made due while both nodes run, by one UPDATE of their due times (the complaints'
 * warning due times, the timers' due dates in {@code ACT_RU_JOB}), as a thousand SLA clocks running out together
 * would look: both nodes are warm and polling, and the moment is one commit. (Stopping the nodes to do it and
 * starting them again would measure start-up order, not the cluster.) The figures are printed and written to
 * {@code target/cluster-it/figures.txt}.
 *
 * <p>The nodes send their mail to a real SMTP server in this JVM (GreenMail): the customers' acknowledgements of
 * filing, the SLA warning digests to the agents, and the breach each timer reports to the supervisors (the demo
 * organisation is on, so there is somebody to tell).
 * Every message must arrive, and only once — except those node-a was handing over when it died: the outbox delivers
 * at least once, so another node sends those again once their claim expires (receivers drop the copy by its
 * {@code Message-ID}, derived from the idempotency key).
 */
class ClusterIT {

  private static final int COMPLAINTS_PER_NODE = 500;
  private static final int TIMERS = 2 * COMPLAINTS_PER_NODE;
  /** Kill the first node once this many timers fired: mid-run, with work in its hands. */
  private static final int KILL_AFTER = TIMERS * 3 / 10;
  private static final String BREACH_TIMER = "IntermediateEvent_ResolutionDue";
  /** Where each escalation process waits after its breach: the manager is brought in later. */
  private static final String NEXT_TIMER = "IntermediateEvent_ManagerEscalationDue";
  private static final Duration WARNING_LIMIT = Duration.ofSeconds(30);
  /** The job lock of application-postgres.yaml (60 s) plus time to drain; fails the test beyond. */
  private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);
  private static final int JOB_SUCCESSFUL = 2;
  private static final int JOB_FAILED = 1;
  /** Claims of the notification outbox expire after this: node-a's undelivered messages are taken over then. */
  private static final String CLAIM_TIMEOUT = "20s";
  private static final Duration MAIL_LIMIT = Duration.ofMinutes(3);

  @RegisterExtension
  static final PostgresDatabase db = PostgresDatabase.fresh("cluster");

  private static JdbcTemplate sql;
  private static final GreenMail smtp = new GreenMail(new ServerSetup(Node.freePort(), "127.0.0.1",
      ServerSetup.PROTOCOL_SMTP));
  private static final List<Node> nodes = new ArrayList<>();
  private static final List<String> figures = new ArrayList<>();

  @BeforeEach
  void lookIntoTheDatabase() {
    sql = db.jdbc();
  }

  /** Every node goes, whatever happened (the database is dropped after this). */
  @AfterAll
  static void stopNodes() throws Exception {
    for (Node n : nodes) {
      n.stop(Duration.ofSeconds(30));
    }
    smtp.stop();
    if (!figures.isEmpty()) {
      Files.write(Path.of("target", "cluster-it", "figures.txt"), figures, StandardCharsets.UTF_8);
    }
  }

  @Test
  void givesAThousandWarningsOnceAndFiresAThousandDueSlaTimersExactlyOnceWhenOneOfTwoNodesIsKilledWhileTheyDrain() throws Exception {
    // two nodes on one database: the first creates the schema, the second joins
    smtp.start();
    long t = System.nanoTime();
    Node a = started(Node.start("node-a", db, nodeArguments("node-a")));
    Node b = started(Node.start("node-b", db, nodeArguments("node-b")));
    report("2 nodes (-Xmx384m each) up in %.1f s", seconds(t));

    // customers file complaints on both nodes
    t = System.nanoTime();
    Map<String, String> filedOn = fileComplaints(List.of(a, b));
    report("%d complaints filed through both APIs (%d per node) in %.1f s", filedOn.size(), COMPLAINTS_PER_NODE,
        seconds(t));
    assertThat(filedOn).hasSize(TIMERS);
    assertThat(count("select count(*) from complaint")).isEqualTo(TIMERS);
    assertThat(count("select count(distinct ticket) from complaint")).isEqualTo(TIMERS);
    List<String> timerJobs = sql.queryForList("select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = "
        + "j.job_def_id_ where d.act_id_ = ?", String.class, BREACH_TIMER);
    assertThat(timerJobs).as("one resolution-breach timer per complaint").hasSize(TIMERS);

    // a thousand warnings fall due at once: both nodes sweep, each warning is given once
    int warned = sql.update("update complaint set resolution_warning_due_at = ?",
        new Timestamp(System.currentTimeMillis() - 1000));
    long warningsDueAt = System.nanoTime();
    assertThat(warned).isEqualTo(TIMERS);
    while (count("select count(*) from complaint where resolution_warned_at is null") > 0) {
      if (millisSince(warningsDueAt) > WARNING_LIMIT.toMillis()) {
        fail("%d of %d warnings not given %s after they fell due", count("select count(*) from complaint "
            + "where resolution_warned_at is null"), TIMERS, WARNING_LIMIT);
      }
      Thread.sleep(50);
    }
    long warningsGivenAfter = millisSince(warningsDueAt);
    Map<String, Long> warningsPerComplaint = new LinkedHashMap<>();
    sql.query("select c.ticket, count(e.id) as warnings from complaint c left join complaint_event e "
            + "on e.complaint_id = c.id and e.type = 'SLA_WARNING' and e.detail = 'RESOLUTION' group by c.ticket",
        rs -> {
          warningsPerComplaint.put(rs.getString("ticket"), rs.getLong("warnings"));
        });
    assertThat(warningsPerComplaint).hasSize(TIMERS);
    assertThat(warningsPerComplaint).allSatisfy((ticket, warnings) -> assertThat(warnings).as(ticket).isOne());
    assertThat(count("select count(*) from complaint where resolution_warning_due_at is not null")).isZero();
    assertThat(count("select count(*) from complaint_event where type = 'SLA_WARNING' and detail = 'FIRST_RESPONSE'"))
        .as("first-response warnings (not due)").isZero();
    report("%d SLA warnings due at once: all given, each once, %.1f s after they fell due", TIMERS,
        warningsGivenAfter / 1000.0);

    // a thousand breach timers fall due at once
    Timestamp due = new Timestamp(System.currentTimeMillis() - 1000);
    int moved = sql.update("update act_ru_job set duedate_ = ?, rev_ = rev_ + 1 where lock_owner_ is null "
        + "and job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = ?)", due, BREACH_TIMER);
    long dueAt = System.nanoTime();
    assertThat(moved).isEqualTo(TIMERS);

    // ... and while both nodes work through them, node-a dies
    Drain drain = drain(dueAt, a);
    Node survivor = b;
    assertThat(drain.killedAfterMillis).as("node-a was killed mid-run").isPositive();
    assertThat(drain.firedAtKill).as("timers fired when node-a was killed").isBetween((long) KILL_AFTER,
        (long) TIMERS - 1);
    assertThat(survivor.isAlive()).isTrue();

    // every timer fired exactly once: one breach per complaint, recorded on it, and the supervisor brought in; each
    // clock now waits for the manager's turn
    Map<String, Long> breachesPerComplaint = new LinkedHashMap<>();
    sql.query("select c.ticket, count(e.id) as breaches from complaint c left join complaint_event e "
            + "on e.complaint_id = c.id and e.type = 'SLA_BREACHED' and e.detail = 'RESOLUTION' group by c.ticket",
        rs -> {
          breachesPerComplaint.put(rs.getString("ticket"), rs.getLong("breaches"));
        });
    assertThat(breachesPerComplaint).hasSize(TIMERS);
    assertThat(breachesPerComplaint).allSatisfy((ticket, breaches) -> assertThat(breaches).as(ticket).isOne());
    assertThat(count("select count(*) from complaint where resolution_breached_at is null")).isZero();
    assertThat(count("select count(*) from complaint where escalation_level = 'SUPERVISOR'")).isEqualTo(TIMERS);
    assertThat(count("select count(*) from act_ru_task where task_def_key_ = 'Task_SuperviseAsSupervisor'"))
        .isEqualTo(TIMERS);
    assertThat(count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
        + "where d.act_id_ = '" + BREACH_TIMER + "'")).isZero();
    assertThat(count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
        + "where d.act_id_ = '" + NEXT_TIMER + "'")).isEqualTo(TIMERS);
    assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
    assertThat(count("select count(*) from act_ru_job where exception_msg_ is not null")).as("failing jobs").isZero();

    // the engine's job log: each of these jobs succeeded exactly once, on one node or the other
    Map<String, Long> successesPerJob = new LinkedHashMap<>();
    sql.query("select job_id_, count(*) as n from act_hi_job_log where act_id_ = ? and job_state_ = ? group by job_id_",
        rs -> {
          successesPerJob.put(rs.getString("job_id_"), rs.getLong("n"));
        }, BREACH_TIMER, JOB_SUCCESSFUL);
    assertThat(successesPerJob.keySet()).containsExactlyInAnyOrderElementsOf(timerJobs);
    assertThat(successesPerJob).allSatisfy((job, n) -> assertThat(n).as("successful runs of job " + job).isOne());
    Map<String, Long> perNode = new LinkedHashMap<>();
    sql.query("select hostname_, count(*) as n from act_hi_job_log where act_id_ = ? and job_state_ = ? "
        + "group by hostname_ order by hostname_", rs -> {
          perNode.put(rs.getString("hostname_"), rs.getLong("n"));
        }, BREACH_TIMER, JOB_SUCCESSFUL);
    assertThat(perNode).as("jobs run per node").containsOnlyKeys("node-a", "node-b");
    long failures = count("select count(*) from act_hi_job_log where act_id_ = '" + BREACH_TIMER
        + "' and job_state_ = " + JOB_FAILED);

    // every mail arrived, none twice but those node-a was handing over when it died
    Mails mails = awaitMails();
    assertThat(mails.breaches).as("SLA breaches mailed to supervisors (at least one per timer)")
        .isGreaterThanOrEqualTo(TIMERS);
    assertThat(mails.warnings).as("SLA warning mails to agents: a digest per agent and sweep, not one per complaint")
        .isPositive().isLessThan(TIMERS / 10);
    assertThat(mails.received.keySet()).as("mails received, by idempotency key")
        .containsExactlyInAnyOrderElementsOf(mails.sentKeys);
    Map<String, Long> twice = new LinkedHashMap<>(mails.received);
    twice.values().removeIf(n -> n == 1);
    assertThat(twice.keySet()).as("mails received twice: only those node-a held when it was killed")
        .isSubsetOf(drain.mailsHeldByVictim);
    assertThat(twice.values()).as("deliveries of a mail").allSatisfy(n -> assertThat(n).isEqualTo(2));

    List<Double> lateness = sql.queryForList("select extract(epoch from (timestamp_ - ?)) from act_hi_job_log "
        + "where act_id_ = ? and job_state_ = ? order by 1", Double.class, due, BREACH_TIMER, JOB_SUCCESSFUL);
    report("%d timers due at once; node-a killed (SIGKILL) %.1f s later, after %d had fired (%d locked by the nodes then)",
        TIMERS, drain.killedAfterMillis / 1000.0, drain.firedAtKill, drain.lockedAtKill);
    if (drain.strandedJobs > 0) {
      report("node-b had run all the others %.1f s after the timers fell due; the %d jobs node-a had locked waited "
          + "for their lock to expire", drain.strandedAfterMillis / 1000.0, drain.strandedJobs);
    }
    report("all %d fired exactly once, %.1f s after they fell due (failed attempts retried: %d, incidents: 0)",
        TIMERS, drain.drainedAfterMillis / 1000.0, failures);
    report("jobs run: %s", share(perNode));
    report("fired after falling due: p50 %.1f s, p95 %.1f s, max %.1f s", percentile(lateness, 50),
        percentile(lateness, 95), percentile(lateness, 100));
    report("mail: %d sent (%d SLA warning digests to agents, %d breaches to supervisors), all received; %d of the %d "
        + "node-a was handing over when it died arrived twice, none other; all delivered %.1f s after the timers fell "
        + "due", mails.sentKeys.size(), mails.warnings, mails.breaches, twice.size(), drain.mailsHeldByVictim.size(), mails.deliveredAfterMillis(dueAt) / 1000.0);
  }

  private static Node started(Node node) {
    nodes.add(node);
    return node.awaitReady(Duration.ofMinutes(3));
  }

  /** Files {@link #COMPLAINTS_PER_NODE} complaints on each node, several at a time; ticket → node that took it. */
  private static Map<String, String> fileComplaints(List<Node> on) throws Exception {
    List<Callable<String[]>> calls = new ArrayList<>();
    for (Node node : on) {
      Api api = node.api();
      for (int i = 1; i <= COMPLAINTS_PER_NODE; i++) {
        String key = "cluster-" + node.name() + "-" + i;
        Submissions s = Submissions.valid().without("product/code").with("customer/name", "集群客户" + i);
        calls.add(() -> {
          Answer r = api.post("/api/complaints", s.json()).header("Idempotency-Key", key).send();
          if (r.status() != 201) {
            throw new AssertionError(node.name() + " answered " + r.status() + " to " + key + ": " + r.raw());
          }
          return new String[] {r.json().path("ticket").asText(), node.name()};
        });
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      Map<String, String> filed = new LinkedHashMap<>();
      for (Future<String[]> f : pool.invokeAll(calls, 5, TimeUnit.MINUTES)) {
        String[] ticketAndNode = f.get();
        filed.put(ticketAndNode[0], ticketAndNode[1]);
      }
      return filed;
    } finally {
      pool.shutdownNow();
    }
  }

  /** What happened while the due timers drained (times from the moment they fell due). */
  private static final class Drain {
    long killedAfterMillis = -1;
    long firedAtKill;
    long lockedAtKill;
    long strandedJobs;
    long strandedAfterMillis;
    long drainedAfterMillis;
    Set<String> mailsHeldByVictim = Set.of();
  }

  /** Watches the timers fire; kills {@code victim} after {@link #KILL_AFTER}; returns once none is left. */
  private static Drain drain(long dueAt, Node victim) throws InterruptedException {
    Drain d = new Drain();
    long lastRemaining = -1;
    long lastChange = 0;
    while (true) {
      long now = millisSince(dueAt);
      long remaining = count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
          + "where d.act_id_ = '" + BREACH_TIMER + "'");
      long fired = count("select count(*) from complaint_event where type = 'SLA_BREACHED' and detail = 'RESOLUTION'");
      if (d.killedAfterMillis < 0 && fired >= KILL_AFTER) {
        victim.kill();
        d.killedAfterMillis = millisSince(dueAt);
        d.mailsHeldByVictim = new HashSet<>(sql.queryForList("select idempotency_key from notification_outbox "
            + "where status = 'SENDING' and claimed_by = ?", String.class, victim.name()));
        d.firedAtKill = count("select count(*) from complaint_event where type = 'SLA_BREACHED' "
            + "and detail = 'RESOLUTION'");
        d.lockedAtKill = count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
            + "where d.act_id_ = '" + BREACH_TIMER + "' and j.lock_owner_ is not null");
      }
      if (remaining == 0) {
        d.drainedAfterMillis = now;
        return d;
      }
      if (remaining != lastRemaining) {
        lastRemaining = remaining;
        lastChange = now;
      } else if (d.killedAfterMillis >= 0 && d.strandedJobs == 0 && now - lastChange > 3000) {
        // nothing moved for 3 s: what is left is what the dead node had locked
        d.strandedJobs = remaining;
        d.strandedAfterMillis = lastChange;
      }
      if (now > DRAIN_LIMIT.toMillis()) {
        fail("%d of %d timers still waiting %s after they fell due (killed node-a after %d ms); node-b:%n%s",
            remaining, TIMERS, DRAIN_LIMIT, d.killedAfterMillis, nodes.get(1).tail(30));
      }
      Thread.sleep(50);
    }
  }

  /** The arguments of a node: the mail server, its name in the outbox's claims, a short claim, the demo staff. */
  private static String[] nodeArguments(String name) {
    return new String[] {
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
        "--complaintflow.notifications.dispatch.node-id=" + name,
        "--complaintflow.notifications.dispatch.claim-timeout=" + CLAIM_TIMEOUT,
        "--complaintflow.demo.enabled=true",
        // a thousand complaints from one address in a minute are this test, not an attack
        "--complaintflow.protection.rate-limit.enabled=false"};
  }

  /** The mails the outbox sent and those the server received, once no mail is waiting in the outbox. */
  private record Mails(Set<String> sentKeys, long warnings, long breaches, Map<String, Long> received,
      long lastSentAt) {
    long deliveredAfterMillis(long dueAt) {
      return (lastSentAt - dueAt) / 1_000_000;
    }
  }

  private static Mails awaitMails() throws InterruptedException {
    long deadline = System.nanoTime() + MAIL_LIMIT.toNanos();
    long waiting;
    while ((waiting = count("select count(*) from notification_outbox where channel = 'EMAIL' "
        + "and status in ('PENDING', 'SENDING')")) > 0) {
      if (System.nanoTime() > deadline) {
        fail("%d mails still waiting in the outbox %s after the timers drained", waiting, MAIL_LIMIT);
      }
      Thread.sleep(200);
    }
    long lastSentAt = System.nanoTime();
    assertThat(count("select count(*) from notification_outbox where channel = 'EMAIL' and status <> 'SENT'"))
        .as("mails not sent (held, dead)").isZero();
    Set<String> sent = new HashSet<>(sql.queryForList("select idempotency_key from notification_outbox "
        + "where channel = 'EMAIL'", String.class));
    long warnings = count("select count(*) from notification_outbox where channel = 'EMAIL' "
        + "and template in ('SLA_WARNING', 'SLA_WARNING_DIGEST')");
    long breaches = count("select count(*) from notification_outbox where channel = 'EMAIL' "
        + "and template = 'SLA_BREACHED'");
    Thread.sleep(1000); // the last mail's SMTP conversation ends after the row says SENT
    Map<String, Long> received = Arrays.stream(smtp.getReceivedMessages())
        .map(ClusterIT::idempotencyKey).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    return new Mails(sent, warnings, breaches, received, lastSentAt);
  }

  private static String idempotencyKey(MimeMessage m) {
    try {
      return m.getHeader("X-Idempotency-Key", null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(String query) {
    Long n = sql.queryForObject(query, Long.class);
    return n == null ? 0 : n;
  }

  private static String share(Map<String, Long> perNode) {
    long total = perNode.values().stream().mapToLong(Long::longValue).sum();
    List<String> parts = new ArrayList<>();
    perNode.forEach((node, n) -> parts.add(String.format(Locale.ROOT, "%s %d (%.0f %%)", node, n, 100.0 * n / total)));
    return String.join(", ", parts);
  }

  private static double percentile(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static long millisSince(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  private static void report(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    figures.add(line);
    System.out.println("[cluster] " + line);
  }
}
