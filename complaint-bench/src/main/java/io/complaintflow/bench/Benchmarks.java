package io.complaintflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.complaintflow.bench.bare.BareCamundaApplication;

/**
 * Runs the benchmarks (README "Benchmarks"): on each database of {@code bench.databases}, ComplaintFlow and bare
 * Camunda each on a fresh database of that kind, one after the other, never at the same time:
 * <ol>
 * <li>start-up on an empty database: {@code bench.startups} rounds, each starting bare Camunda and then ComplaintFlow
 * on a database of its own, fresh, before anything has loaded the database server (the median reported);
 * <li>intake for {@code bench.intake.seconds} (after a warm-up), on fresh databases again: complaints through
 * {@code POST /api/complaints} against one-task instances through the engine REST API;
 * <li>seeding fresh databases with {@code bench.complaints} open complaints (the node extension, through the real
 * intake service) and as many open one-task instances, plus bare one-timer instances; both databases are then given
 * what an installation's idle time gives them: H2's files compacted, PostgreSQL's tables vacuumed and analysed
 * ({@link Database#settle});
 * <li>start-up again with that data ({@code bench.startups} times, the median reported), heap {@code bench.heap};
 * <li>task list: p95 latency of each Tasklist filter and of the staff list API, against the bare candidate-group
 * task query (a page of 50), after untimed rounds over all of them (a node in use);
 * <li>SLA timers: {@code bench.timers} resolution warnings (bare: timer jobs) made due in one commit, given by the
 * running warning sweep (bare: drained by the running job executor); then {@code bench.paced-timers} made due one
 * after another, 5 a second;
 * <li>memory: heap in use after a full collection, resident set.
 * </ol>
 */
public final class Benchmarks {

  private static final Duration READY = Duration.ofMinutes(5);
  private static final Firing WARNINGS = new SlaWarnings();
  private static final Firing BARE_TIMERS = new TimerJobs("IntermediateEvent_TimerDue");
  private static final int WARM_UP_SAMPLES = 5;
  /** Untimed rounds over all task-list queries before any is timed ({@link #measure}). */
  private static final int WARM_UP_ROUNDS = 20;
  private static final int PACE_MILLIS = 200;

  /** Tasklist filter (StaffAccessSetup) → a demo member of staff who sees it. */
  private static final Map<String, String> FILTER_USERS = new LinkedHashMap<>();

  static {
    FILTER_USERS.put("我的任务", "zhangwei");
    FILTER_USERS.put("待认领", "zhangwei");
    FILTER_USERS.put("即将到期", "zhangwei");
    FILTER_USERS.put("已超时", "zhangwei");
    FILTER_USERS.put("VIP 客户", "wangfang");
    FILTER_USERS.put("待审批", "liuyang");
    FILTER_USERS.put("部门答复", "huangqiang");
  }

  /** Staff list API queries (as supervisor liuyang): a page as staff ask for it. */
  private static final Map<String, String> STAFF_LISTS = new LinkedHashMap<>();

  static {
    STAFF_LISTS.put("newest first", "/api/staff/complaints");
    STAFF_LISTS.put("status=RECEIVED", "/api/staff/complaints?status=RECEIVED");
    STAFF_LISTS.put("tier=VIP", "/api/staff/complaints?tier=VIP");
    STAFF_LISTS.put("owner=zhangwei", "/api/staff/complaints?owner=zhangwei");
    STAFF_LISTS.put("most urgent first", "/api/staff/complaints?sort=resolutionDueAt,asc");
  }

  private static final String BARE_TASK_QUERY =
      "/engine-rest/task?candidateGroup=agents&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50";

  private final Settings s;
  private final Database db;
  private final Report.Section out;

  private Benchmarks(Settings s, Database db, Report.Section out) {
    this.s = s;
    this.db = db;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Settings s = Settings.fromSystemProperties();
    Database.deleteRecursively(s.out().resolve("logs"));
    Files.createDirectories(s.out());
    Report report = new Report(s);
    boolean failed = false;
    for (String name : s.databases()) {
      Report.Section section = report.section(name);
      try (Database db = Database.of(name, s.out())) {
        new Benchmarks(s, db, section).run();
      } catch (RuntimeException e) {
        failed = true;
        section.failure = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        e.printStackTrace();
      }
      report.write();
    }
    Path file = report.write();
    System.out.println("[bench] results: " + file + " (application logs in " + s.out().resolve("logs") + ")");
    System.exit(failed ? 1 : 0);
  }

  private void run() {
    String d = db.name();
    // intake on databases of its own, so that the others hold exactly bench.complaints open complaints and tasks
    Sql bareIntakeDb = new Sql(db.create("bare_intake"));
    Sql cfIntakeDb = new Sql(db.create("complaintflow_intake"));
    Sql bareDb = new Sql(db.create("bare"));
    Sql cfDb = new Sql(db.create("complaintflow"));

    // 1. start-up on empty databases, before any load has left the database server work to do
    List<Double> bareEmptyStarts = new ArrayList<>();
    List<Double> cfEmptyStarts = new ArrayList<>();
    for (int i = 1; i <= s.startups(); i++) {
      App emptyBare = App.bare("bare-" + d + "-empty-" + i, s, db.create("bare_empty_" + i)).awaitReady(READY);
      bareEmptyStarts.add(emptyBare.startupSeconds());
      emptyBare.stop();
      App emptyCf = App.complaintFlow("complaintflow-" + d + "-empty-" + i, s, db, db.create("complaintflow_empty_" + i),
          null).awaitReady(READY);
      cfEmptyStarts.add(emptyCf.startupSeconds());
      emptyCf.stop();
    }

    // 2. intake
    App bare = App.bare("bare-" + d, s, bareIntakeDb.target()).awaitReady(READY);
    Load bareIntake = load(i -> bare.http().post(
        "/engine-rest/process-definition/key/" + BareCamundaApplication.ONE_TASK + "/start", "{}").status() == 200);
    bare.stop();
    App cf = App.complaintFlow("complaintflow-" + d, s, db, cfIntakeDb.target(), null).awaitReady(READY);
    Http customer = cf.http();
    Load cfIntake = load(i -> customer.post("/api/complaints", complaint(i), "Idempotency-Key", "bench-intake-" + i)
        .status() == 201);
    cf.stop();
    out.row("intake (" + s.clients() + " clients, " + s.intakeSeconds() + " s)", cfIntake.describe("complaints"),
        bareIntake.describe("instances"), ratio(cfIntake.rate(), bareIntake.rate()), "≥ 0.5",
        cfIntake.rate() >= 0.5 * bareIntake.rate());
    out.note("intake: ComplaintFlow POST /api/complaints (201) vs bare POST /engine-rest/process-definition/key/%s/start;"
            + " request latency p50/p95 %s / %s ms vs %s / %s ms; errors %d vs %d%s", BareCamundaApplication.ONE_TASK,
        ms(cfIntake.latency.p50()), ms(cfIntake.latency.p95()), ms(bareIntake.latency.p50()),
        ms(bareIntake.latency.p95()), cfIntake.errors, bareIntake.errors,
        cfIntake.firstError.get() == null ? "" : " (first: " + cfIntake.firstError.get() + ")");

    // 3. seeding
    int extraTimers = s.timers() + s.pacedTimers();
    int bareTasks = s.complaints();
    double bareSeed = App.bare("bare-" + d + "-seeding", s, bareDb.target(), "--bare.seed.tasks=" + bareTasks,
        "--bare.seed.timers=" + extraTimers).awaitExit(Duration.ofHours(3), "SEEDED");
    int cfComplaints = s.complaints();
    double cfSeed = App.complaintFlow("complaintflow-" + d + "-seeding", s, db,
        cfDb.target(), s.nodeExtension(), "--complaintflow.bench.seed.count=" + cfComplaints,
        "--camunda.bpm.job-execution.enabled=false", "--complaintflow.notifications.dispatch.enabled=false")
        .awaitExit(Duration.ofHours(3), "SEEDED");
    out.note("seeding (JVM start to exit): %d complaints through the intake service in %.0f s; %d one-task and %d "
        + "one-timer bare instances in %.0f s", cfComplaints, cfSeed, bareTasks, extraTimers, bareSeed);
    String bareSettled = db.settle("bare");
    String cfSettled = db.settle("complaintflow");
    if (bareSettled != null || cfSettled != null) {
      out.note("after seeding, each database given what an installation's idle time gives it (H2: the file compacted, "
          + "SHUTDOWN COMPACT, -Dbench.h2.compact-after-seeding=false leaves it as written; PostgreSQL: what "
          + "autovacuum does after a bulk load): %s; %s", cfSettled, bareSettled);
    }

    // 4. bare Camunda with the data: start-up, task query, timers, memory
    List<Double> bareStarts = new ArrayList<>();
    App bareFull = startRepeatedly(name -> App.bare(name, s, bareDb.target()), "bare-" + d + "-full", bareStarts);
    long bareOpen = bareDb.count("select count(*) from act_ru_task");
    Stats bareList = measure(List.of(new Request("bare", () -> bareFull.http().get(BARE_TASK_QUERY), null)))
        .get("bare");
    Burst bareBurst = burst(bareDb, BARE_TIMERS, s.timers());
    Paced barePaced = paced(bareDb, BARE_TIMERS, s.pacedTimers());
    App.Memory bareMemory = bareFull.memory();
    bareFull.stop();

    // 5. ComplaintFlow with the data
    List<Double> cfStarts = new ArrayList<>();
    App cfFull = startRepeatedly(name -> App.complaintFlow(name, s, db, cfDb.target(), null),
        "complaintflow-" + d + "-full", cfStarts);
    long cfOpen = cfDb.count("select count(*) from complaint where closed_at is null");
    long cfTasks = cfDb.count("select count(*) from act_ru_task");
    out.note("open: %d complaints (%d tasks) vs %d bare one-task instances", cfOpen, cfTasks, bareOpen);
    awaitQuiet(cfDb);
    List<Request> lists = new ArrayList<>(filters(cfFull));
    lists.addAll(staffLists(cfFull));
    Map<String, Stats> listStats = measure(lists);
    Burst cfBurst = burst(cfDb, WARNINGS, s.timers());
    Paced cfPaced = paced(cfDb, WARNINGS, s.pacedTimers());
    App.Memory cfMemory = cfFull.memory();
    boolean survived = cfFull.isAlive();
    cfFull.stop();

    // SLA timers
    out.row("SLA warnings: " + s.timers() + " due at once, drain throughput", perSecond(cfBurst.throughput()),
        perSecond(bareBurst.throughput()), ratio(cfBurst.throughput(), bareBurst.throughput()), "≥ 1.0",
        cfBurst.throughput() >= bareBurst.throughput());
    out.row("SLA warnings: " + s.timers() + " due at once, p95 lag from due time", seconds(cfBurst.lag().p95()),
        seconds(bareBurst.lag().p95()), ratio(cfBurst.lag().p95(), bareBurst.lag().p95()), "≤ 5 s",
        cfBurst.lag().p95() <= 5);
    out.row("SLA warnings: " + s.pacedTimers() + " due one by one (5/s), p95 lag", seconds(cfPaced.lag().p95()),
        seconds(barePaced.lag().p95()), ratio(cfPaced.lag().p95(), barePaced.lag().p95()), "≤ 5 s",
        cfPaced.lag().p95() <= 5);
    out.note("SLA warnings: ComplaintFlow's warning sweep gives each (recorded on the complaint with its history entry, "
        + "its owner or group told through the outbox), when from resolution_warned_at; bare: one-timer instances' "
        + "timer jobs on a default job executor, when from the job log; throughput = warnings (jobs) ÷ time from the "
        + "commit that made them due to the last one given (fired)");
    out.note("due at once: all given (fired) %s (ComplaintFlow) / %s (bare) after they fell due; max lag %s / %s;"
            + " failed attempts %d / %d", seconds(cfBurst.allFiredAfter()), seconds(bareBurst.allFiredAfter()),
        seconds(cfBurst.lag().max()), seconds(bareBurst.lag().max()), cfBurst.failures(), bareBurst.failures());
    out.note("due one by one: max lag %s (ComplaintFlow) / %s (bare, default job executor: idle polling "
        + "backs off to 60 s)", seconds(cfPaced.lag().max()), seconds(barePaced.lag().max()));

    // task list
    listStats.forEach((measure, stats) -> listRow(measure, stats, bareList));
    out.note("task list at %d open complaints, measured before the SLA warnings on a node that has answered each "
        + "query %d times (in turn, untimed: a Tasklist in use): p95 of %d sequential requests each after %d more "
        + "untimed; bare: GET %s (p50 %s ms) at %d open tasks, the same way", cfOpen, WARM_UP_ROUNDS, s.samples(),
        WARM_UP_SAMPLES, BARE_TASK_QUERY, ms(bareList.p50()), bareOpen);

    // memory and start-up
    out.row("memory: heap after full GC, " + cfOpen + " open complaints, -Xmx" + s.heap(),
        mb(cfMemory.heapAfterGcMb()) + (survived ? "" : " (died)"), mb(bareMemory.heapAfterGcMb()),
        ratio(cfMemory.heapAfterGcMb(), bareMemory.heapAfterGcMb()), "held in -Xmx512m", survived);
    out.note("resident set: %s (ComplaintFlow) / %s (bare)", mb(cfMemory.residentMb()), mb(bareMemory.residentMb()));
    double cfEmptyStart = Stats.of(cfEmptyStarts).p50();
    double bareEmptyStart = Stats.of(bareEmptyStarts).p50();
    out.row("start-up to ready, empty database", seconds(cfEmptyStart), seconds(bareEmptyStart),
        ratio(cfEmptyStart, bareEmptyStart), "≤ 1.5", cfEmptyStart <= 1.5 * bareEmptyStart);
    out.note("start-up on an empty database: median of %d rounds (bare, then ComplaintFlow, each on a fresh database, "
        + "before the intake): %s (ComplaintFlow) / %s (bare)", s.startups(), secondsList(cfEmptyStarts),
        secondsList(bareEmptyStarts));
    double cfStart = Stats.of(cfStarts).p50();
    double bareStart = Stats.of(bareStarts).p50();
    out.row("start-up to ready, " + cfOpen + " open complaints", seconds(cfStart), seconds(bareStart),
        ratio(cfStart, bareStart), "≤ 1.5", cfStart <= 1.5 * bareStart);
    out.note("start-up with data: median of %d starts each, one after another: %s (ComplaintFlow) / %s (bare)",
        s.startups(), secondsList(cfStarts), secondsList(bareStarts));
  }

  /**
   * Starts an application {@code bench.startups} times on its data, one after another, each to ready; all but the
   * last are stopped once ready (their logs end in -1, -2, …), the last one is returned running.
   */
  private App startRepeatedly(Function<String, App> start, String name, List<Double> seconds) {
    for (int i = 1; ; i++) {
      App app = start.apply(i < s.startups() ? name + "-" + i : name).awaitReady(READY);
      seconds.add(app.startupSeconds());
      if (i >= s.startups()) {
        return app;
      }
      app.stop();
    }
  }

  private void listRow(String measure, Stats stats, Stats bare) {
    out.row(measure + ": p95", ms(stats.p95()) + " ms", ms(bare.p95()) + " ms", ratio(stats.p95(), bare.p95()),
        "≤ 100 ms", stats.p95() <= 100);
  }

  // --- intake -----------------------------------------------------------------------------------------------------

  /** Requests made by {@code bench.clients} threads: a warm-up of a quarter of the time, then the measured time. */
  static final class Load {
    int done;
    int errors;
    double seconds;
    Stats latency;
    final AtomicReference<String> firstError = new AtomicReference<>();

    double rate() {
      return done / seconds;
    }

    String describe(String what) {
      return String.format(Locale.ROOT, "%.1f %s/s", rate(), what);
    }
  }

  private Load load(IntFunction<Boolean> request) {
    long warmUp = Math.max(2, s.intakeSeconds() / 4) * 1_000_000_000L;
    long start = System.nanoTime();
    long from = start + warmUp;
    long end = from + s.intakeSeconds() * 1_000_000_000L;
    AtomicInteger sequence = new AtomicInteger();
    Load load = new Load();
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(s.clients());
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < s.clients(); c++) {
        clients.add(pool.submit(() -> {
          while (true) {
            long t0 = System.nanoTime();
            if (t0 >= end) {
              return null;
            }
            boolean ok;
            try {
              ok = request.apply(sequence.incrementAndGet());
            } catch (RuntimeException e) {
              ok = false;
              load.firstError.compareAndSet(null, e.toString());
            }
            long t1 = System.nanoTime();
            if (t0 >= from && t1 <= end) {
              if (ok) {
                latencies.add((t1 - t0) / 1e6);
              } else {
                errors.incrementAndGet();
              }
            }
          }
        }));
      }
      for (Future<?> f : clients) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
    load.done = latencies.size();
    load.errors = errors.get();
    load.seconds = s.intakeSeconds();
    load.latency = Stats.of(latencies);
    return load;
  }

  /** A customer's complaint, a different customer each time. */
  static String complaint(int i) {
    String[] tiers = {"STANDARD", "STANDARD", "GOLD", "STANDARD", "VIP"};
    return String.format(Locale.ROOT, """
        {"customer": {"name": "基准客户%d", "phone": "139%08d", "tier": "%s"},
         "channel": "WEB", "product": {"code": "RC-2026", "name": "智能电饭煲 RC-2026"},
         "occurredAt": "2026-11-20T15:30:00+08:00",
         "description": "收到的电饭煲内胆有裂纹,无法使用。(基准测试 %d)", "desiredRemedy": "换一台新的"}""", i, i,
        tiers[i % tiers.length], i);
  }

  // --- timers -----------------------------------------------------------------------------------------------------

  record Burst(double throughput, Stats lag, double allFiredAfter, long failures) {
  }

  record Paced(Stats lag) {
  }

  /**
   * What falls due and fires: bare Camunda's timer jobs of an activity, or ComplaintFlow's SLA warnings (given by its
   * warning sweep from the complaints' warning due times). Each is identified by an id as text.
   */
  interface Firing {

    /** The first {@code n} by id of those waiting (not due within the next hour). */
    List<String> waiting(Sql sql, int n);

    /** The update that sets one due time (parameters: due time, id). */
    String setDueDate();

    /** How many are still due by {@code latest}. */
    long stillDue(Sql sql, Timestamp latest);

    /** Id and moment of each that fired since {@code since}. */
    List<Object[]> fired(Sql sql, Timestamp since);

    /** Failed attempts since {@code since}. */
    long failures(Sql sql, Timestamp since);
  }

  /** Timer jobs of a BPMN activity, fired by the job executor; when, from the engine's job log. */
  record TimerJobs(String activity) implements Firing {

    @Override
    public List<String> waiting(Sql sql, int n) {
      return first(n, activity, sql.strings("select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = "
          + "j.job_def_id_ where d.act_id_ = ? and j.lock_owner_ is null and j.retries_ > 0 and j.duedate_ > ? "
          + "order by j.id_", activity, new Timestamp(System.currentTimeMillis() + 3_600_000)));
    }

    @Override
    public String setDueDate() {
      return "update act_ru_job set duedate_ = ?, rev_ = rev_ + 1 where id_ = ? and lock_owner_ is null";
    }

    @Override
    public long stillDue(Sql sql, Timestamp latest) {
      return sql.count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
          + "where d.act_id_ = ? and j.duedate_ <= ?", activity, latest);
    }

    @Override
    public List<Object[]> fired(Sql sql, Timestamp since) {
      return sql.jobSuccesses(activity, since);
    }

    @Override
    public long failures(Sql sql, Timestamp since) {
      return sql.count("select count(*) from act_hi_job_log where act_id_ = ? and job_state_ = 1 "
          + "and timestamp_ >= ?", activity, since);
    }

    @Override
    public String toString() {
      return activity;
    }
  }

  /**
   * ComplaintFlow's resolution warnings: the complaint's warning due time is set, the sweep gives the warning and
   * records when ({@code resolution_warned_at}, taken as the sweep claims its batch, before the batch commits).
   */
  record SlaWarnings() implements Firing {

    @Override
    public List<String> waiting(Sql sql, int n) {
      return first(n, toString(), sql.strings("select cast(id as varchar(20)) from complaint "
          + "where resolution_warned_at is null and resolution_warning_due_at > ? order by id",
          new Timestamp(System.currentTimeMillis() + 3_600_000)));
    }

    @Override
    public String setDueDate() {
      return "update complaint set resolution_warning_due_at = ?, version = version + 1 where id = cast(? as bigint) "
          + "and resolution_warned_at is null";
    }

    @Override
    public long stillDue(Sql sql, Timestamp latest) {
      return sql.count("select count(*) from complaint where resolution_warning_due_at <= ?", latest);
    }

    @Override
    public List<Object[]> fired(Sql sql, Timestamp since) {
      return sql.rows("select cast(id as varchar(20)), resolution_warned_at from complaint "
          + "where resolution_warned_at >= ?", since);
    }

    @Override
    public long failures(Sql sql, Timestamp since) {
      return 0;   // a failed sweep batch rolls back and leaves nothing behind; it would show as lag
    }

    @Override
    public String toString() {
      return "SLA resolution warnings";
    }
  }

  private static List<String> first(int n, String what, List<String> waiting) {
    if (waiting.size() < n) {
      throw new IllegalStateException("only " + waiting.size() + " waiting " + what + ", " + n + " needed");
    }
    return waiting.subList(0, n);
  }

  /**
   * Makes {@code n} waiting ones due in one commit while the application runs, waits until they all fired and reads
   * when each did. Throughput: {@code n} over the time from the commit to the last one fired.
   */
  private Burst burst(Sql sql, Firing firing, int n) {
    List<String> ids = firing.waiting(sql, n);
    Timestamp due = new Timestamp(System.currentTimeMillis());
    Map<String, Timestamp> dueDates = new HashMap<>();
    ids.forEach(j -> dueDates.put(j, due));
    long committed = setDueDates(sql, firing, dueDates);
    awaitFired(sql, firing, dueDates.values(), Duration.ofMinutes(5).plusSeconds(n / 10));
    List<Double> lags = new ArrayList<>();
    double last = 0;
    for (Object[] row : firing.fired(sql, new Timestamp(committed - 5000))) {
      if (dueDates.containsKey((String) row[0])) {
        double at = millis(row[1]);
        lags.add(Math.max(0, at - committed) / 1000.0);
        last = Math.max(last, at);
      }
    }
    if (lags.size() != n) {
      out.note("%s: only %d of %d fired successfully according to the record", firing, lags.size(), n);
    }
    long failures = firing.failures(sql, new Timestamp(committed - 5000));
    double drained = Math.max(last - committed, 1) / 1000.0;
    return new Burst(n / drained, Stats.of(lags), (last - committed) / 1000.0, failures);
  }

  /** Makes {@code n} waiting ones due one after another, 5 a second from 5 s on, and measures their lag. */
  private Paced paced(Sql sql, Firing firing, int n) {
    if (n == 0) {
      return new Paced(Stats.of(List.of()));
    }
    List<String> ids = firing.waiting(sql, n);
    long start = System.currentTimeMillis() + 5000;
    Map<String, Timestamp> dueDates = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      dueDates.put(ids.get(i), new Timestamp(start + (long) i * PACE_MILLIS));
    }
    setDueDates(sql, firing, dueDates);
    awaitFired(sql, firing, dueDates.values(), Duration.ofMinutes(5).plusMillis((long) n * PACE_MILLIS));
    List<Double> lags = new ArrayList<>();
    for (Object[] row : firing.fired(sql, new Timestamp(start - 5000))) {
      Timestamp due = dueDates.get((String) row[0]);
      if (due != null) {
        lags.add(Math.max(0, millis(row[1]) - due.getTime()) / 1000.0);
      }
    }
    return new Paced(Stats.of(lags));
  }

  /** Sets the due dates in one transaction; returns the moment it committed. */
  private static long setDueDates(Sql sql, Firing firing, Map<String, Timestamp> dueDates) {
    try (Connection c = sql.target().connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(firing.setDueDate())) {
        for (Map.Entry<String, Timestamp> e : dueDates.entrySet()) {
          ps.setTimestamp(1, e.getValue());
          ps.setString(2, e.getKey());
          ps.addBatch();
        }
        int moved = 0;
        for (int r : ps.executeBatch()) {
          moved += r == PreparedStatement.SUCCESS_NO_INFO ? 1 : r;
        }
        if (moved != dueDates.size()) {
          c.rollback();
          throw new IllegalStateException("moved " + moved + " of " + dueDates.size() + " " + firing);
        }
      }
      c.commit();
      return System.currentTimeMillis();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until none is due by the latest of the due dates (the others are due in an hour or more). */
  private static void awaitFired(Sql sql, Firing firing, Collection<Timestamp> dueDates, Duration limit) {
    Timestamp latest = new Timestamp(dueDates.stream().mapToLong(Timestamp::getTime).max().orElseThrow() + 1);
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      long waiting = firing.stillDue(sql, latest);
      if (waiting == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(waiting + " of " + dueDates.size() + " " + firing + " still due after "
            + limit);
      }
      App.sleep(200);
    }
  }

  /**
   * Waits until the node has no due job left (after a start on seeded data it may have some: the seeding node ran
   * without job executor), so that the timer measures start from an idle executor.
   */
  private void awaitQuiet(Sql sql) {
    long start = System.nanoTime();
    long due = 0;
    while (System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
      due = sql.count("select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1 "
          + "and (duedate_ is null or duedate_ <= ?)", new Timestamp(System.currentTimeMillis()));
      if (due == 0) {
        break;
      }
      App.sleep(1000);
    }
    out.note("due jobs after the start with data: waited %.0f s until none was left (%d left)",
        (System.nanoTime() - start) / 1e9, due);
    App.sleep(3000);
  }

  private static double millis(Object timestamp) {
    if (timestamp instanceof Timestamp t) {
      return t.getTime();
    }
    if (timestamp instanceof LocalDateTime l) {
      return Timestamp.valueOf(l).getTime();
    }
    if (timestamp instanceof java.time.OffsetDateTime o) {
      return o.toInstant().toEpochMilli();
    }
    throw new IllegalStateException("not a timestamp: " + timestamp);
  }

  // --- task list --------------------------------------------------------------------------------------------------

  /**
   * A task-list request: {@code label} names it in the report, followed in brackets by what {@code found} reads from
   * the last answer (if given).
   */
  record Request(String label, Supplier<Http.Answer> call, Function<JsonNode, String> found) {
  }

  /**
   * First {@link #WARM_UP_ROUNDS} untimed rounds over all the requests, each in turn, as staff using Tasklist warm a
   * node up (the JIT compiles what they call); then each request's latencies (report label → stats, in order).
   */
  private Map<String, Stats> measure(List<Request> requests) {
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      for (Request r : requests) {
        r.call().get().expect(200, r.label());
      }
    }
    Map<String, Stats> result = new LinkedHashMap<>();
    for (Request r : requests) {
      AtomicReference<String> found = new AtomicReference<>("?");
      Stats stats = latencies(() -> {
        Http.Answer a = r.call().get();
        if (a.status() == 200 && r.found() != null) {
          found.set(r.found().apply(a.json()));
        }
        return a;
      });
      result.put(r.found() == null ? r.label() : r.label() + " (" + found.get() + ")", stats);
    }
    return result;
  }

  /** Each Tasklist filter as Tasklist loads it (first page of 50, with its variables), as a member of staff who sees it. */
  private List<Request> filters(App app) {
    Map<String, String> ids = new HashMap<>();
    for (JsonNode f : app.http().as("admin", App.DEMO_PASSWORD).get("/engine-rest/filter?resourceType=Task")
        .expect(200, "filter list").json()) {
      ids.put(f.path("name").asText(), f.path("id").asText());
    }
    List<Request> result = new ArrayList<>();
    FILTER_USERS.forEach((name, user) -> {
      String id = ids.get(name);
      if (id == null) {
        throw new IllegalStateException("no Tasklist filter " + name + " (filters: " + ids.keySet() + ")");
      }
      Http http = app.http().as(user, App.DEMO_PASSWORD);
      result.add(new Request("Tasklist filter " + name,
          () -> http.post("/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=50", "{}", "Accept",
              "application/hal+json"),
          json -> user + ", " + json.path("count").asText("?") + " tasks"));
    });
    return result;
  }

  private List<Request> staffLists(App app) {
    Http http = app.http().as("liuyang", App.DEMO_PASSWORD);
    List<Request> result = new ArrayList<>();
    STAFF_LISTS.forEach((name, path) -> result.add(new Request("GET /api/staff/complaints " + name,
        () -> http.get(path), json -> json.path("page").path("totalElements").asText("?") + " found")));
    return result;
  }

  /** Latency in ms of {@code bench.samples} sequential requests, after a few untimed ones; every answer must be 200. */
  private Stats latencies(Supplier<Http.Answer> request) {
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i < WARM_UP_SAMPLES + s.samples(); i++) {
      long t0 = System.nanoTime();
      Http.Answer a = request.get();
      double elapsed = (System.nanoTime() - t0) / 1e6;
      a.expect(200, "query");
      if (i >= WARM_UP_SAMPLES) {
        samples.add(elapsed);
      }
    }
    return Stats.of(samples);
  }

  // --- figures ----------------------------------------------------------------------------------------------------

  static String ratio(double complaintFlow, double bare) {
    if (Double.isNaN(complaintFlow) || Double.isNaN(bare) || bare == 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.2f×", complaintFlow / bare);
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, v < 10 ? "%.1f" : "%.0f", v);
  }

  private static String seconds(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f s", v);
  }

  private static String secondsList(List<Double> values) {
    return String.join(", ", values.stream().map(Benchmarks::seconds).toList());
  }

  private static String perSecond(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f/s", v);
  }

  private static String mb(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f MB", v);
  }
}
