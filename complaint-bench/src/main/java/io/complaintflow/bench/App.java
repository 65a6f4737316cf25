package io.complaintflow.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One application in a JVM of its own, as the cluster test starts a node (complaint-api's {@code postgres.Node}):
 * the packaged ComplaintFlow jar, or bare Camunda from the harness's own classpath, on a port it picks itself (read
 * from its log), with its output in a log file. Start-up time is the wall time from starting the JVM to the first ready answer.
 */
final class App {

  enum Kind {
    COMPLAINTFLOW, BARE
  }

  /** Password of the demo staff (ComplaintFlow's demo organisation, on in every benchmark node). */
  static final String DEMO_PASSWORD = "demo";
  private static final Pattern TOMCAT_STARTED = Pattern.compile("Tomcat started on port (\\d+)");
  private static final String TRACKING_SECRET = "benchmark-tracking-secret-0123456789abcdef";

  private final String name;
  private final Kind kind;
  private int port;
  private final Path log;
  private final Process process;
  private final long startedNanos;
  private final Thread killOnExit;
  private double startupSeconds = Double.NaN;

  private App(String name, Kind kind, Path log, Process process, long startedNanos) {
    this.name = name;
    this.kind = kind;
    this.log = log;
    this.process = process;
    this.startedNanos = startedNanos;
    this.killOnExit = new Thread(process::destroyForcibly, "kill-" + name);
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts ComplaintFlow on the database. With {@code nodeExtension} the seeding extension is put on the loader path
   * (Spring Boot's PropertiesLauncher), otherwise the application is started as README "Production" tells operators
   * to: extracted ({@code java -Djarmode=tools -jar complaintflow.jar extract}), then {@code java -jar}. That loads
   * classes from plain jars, as bare Camunda does from the harness's classpath.
   */
  static App complaintFlow(String name, Settings s, Database db, Database.Target target, Path nodeExtension,
      String... arguments) {
    List<String> command = jvm(s);
    if (nodeExtension == null) {
      command.addAll(List.of("-jar", extracted(s).toString()));
    } else {
      command.addAll(List.of("-Dloader.path=" + nodeExtension, "-cp", s.appJar().toString(),
          "org.springframework.boot.loader.launch.PropertiesLauncher"));
    }
    // the demo organisation (staff the task-list benchmark signs in as) also on PostgreSQL
    command.add("--complaintflow.demo.enabled=true");
    // eight clients filing from one address as fast as they can: a benchmark, not the abuse the limits stop
    command.add("--complaintflow.protection.rate-limit.enabled=false");
    if (!db.isPostgres()) {
      command.add("--spring.datasource.url=" + target.url());
    }
    command.addAll(List.of(arguments));
    return start(name, Kind.COMPLAINTFLOW, s, command, env -> {
      env.put("COMPLAINTFLOW_INTAKE_TRACKING_SECRET", TRACKING_SECRET);
      if (db.isPostgres()) {
        env.put("SPRING_PROFILES_ACTIVE", "postgres");
        env.put("COMPLAINTFLOW_DB_URL", target.url());
        env.put("COMPLAINTFLOW_DB_USERNAME", target.user());
        env.put("COMPLAINTFLOW_DB_PASSWORD", target.password());
      }
    });
  }

  /** Starts bare Camunda ({@code io.complaintflow.bench.bare}) on the database, from the harness's classpath. */
  static App bare(String name, Settings s, Database.Target target, String... arguments) {
    List<String> command = jvm(s);
    command.addAll(List.of("-cp", bareClasspath(),
        "io.complaintflow.bench.bare.BareCamundaApplication",
        "--spring.datasource.url=" + target.url(), "--spring.datasource.username=" + target.user(),
        "--spring.datasource.password=" + target.password()));
    command.addAll(List.of(arguments));
    return start(name, Kind.BARE, s, command, env -> {
    });
  }

  /**
   * The harness's classpath without ComplaintFlow's modules (Maven puts the provided ones the node extension compiles
   * against on it): bare Camunda must not deploy ComplaintFlow's models nor find its classes.
   */
  static String bareClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.matches(".*complaint-(process|notifications|api)[/\\\\-].*"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static List<String> jvm(Settings s) {
    return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + s.heap(), "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
        // Camunda keeps timestamps without time zone, in the JVM's: the applications and the harness use the same one
        "-Duser.timezone=" + TimeZone.getDefault().getID()));
  }

  private static App start(String name, Kind kind, Settings s, List<String> command,
      java.util.function.Consumer<Map<String, String>> environment) {
    // port 0: the application binds a free port itself and logs it. (A port picked here and passed on may be taken
    // by another build's test server in between, which would then answer for this application.)
    command.add("--server.port=0");
    Path log = s.out().resolve("logs").resolve(name + ".log");
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder pb = new ProcessBuilder(command).directory(s.out().toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("COMPLAINTFLOW_") || k.startsWith("SPRING_")
          || k.startsWith("CAMUNDA_"));
      environment.accept(pb.environment());
      long started = System.nanoTime();
      return new App(name, kind, log, pb.start(), started);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** Waits until the application answers ready and notes how long that took from the JVM's start. */
  App awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (port == 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + tail(40));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " did not start its web server within " + timeout + ":\n" + tail(40));
      }
      Matcher started = TOMCAT_STARTED.matcher(tail(400));
      if (started.find()) {
        port = Integer.parseInt(started.group(1));
      } else {
        sleep(100);
      }
    }
    Http http = http();
    String probe = kind == Kind.COMPLAINTFLOW ? "/actuator/health/readiness" : "/engine-rest/engine";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + tail(40));
      }
      try {
        if (http.get(probe).status() == 200) {
          startupSeconds = (System.nanoTime() - startedNanos) / 1e9;
          return this;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      sleep(100);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail(40));
  }

  /** For a run that does its work and exits (seeding): waits for the end and checks it logged {@code marker}. */
  double awaitExit(Duration timeout, String marker) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop();
        throw new IllegalStateException(name + " did not finish within " + timeout + ":\n" + tail(40));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    removeHook();
    if (process.exitValue() != 0 || !tail(200).contains(marker)) {
      throw new IllegalStateException(name + " exited with " + process.exitValue() + " without " + marker + ":\n"
          + tail(40));
    }
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  double startupSeconds() {
    return startupSeconds;
  }

  Http http() {
    return Http.on(port);
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Heap in use after a full collection and the resident set, in MB (jcmd GC.run, GC.heap_info, /proc). */
  Memory memory() {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    String pid = Long.toString(process.pid());
    run(jcmd, pid, "GC.run");
    String info = run(jcmd, pid, "GC.heap_info");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
    double heap = used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
    double rss = Double.NaN;
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException noProc) {
      // not Linux: no resident set
    }
    return new Memory(heap, rss);
  }

  record Memory(double heapAfterGcMb, double residentMb) {
  }

  private static boolean extractedInThisRun;

  /** The application jar extracted into {@code out/app}, afresh once per run; returns its launcher jar. */
  private static synchronized Path extracted(Settings s) {
    Path dir = s.out().resolve("app");
    Path launcher = dir.resolve(s.appJar().getFileName());
    if (!extractedInThisRun) {
      extractedInThisRun = true;
      String output = run(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djarmode=tools",
          "-jar", s.appJar().toString(), "extract", "--force", "--destination", dir.toString());
      if (!Files.isRegularFile(launcher)) {
        throw new IllegalStateException("extracting " + s.appJar() + " gave no " + launcher + ": " + output);
      }
    }
    return launcher;
  }

  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(60, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the application as an operator would (SIGTERM); kills it if that takes more than a minute. */
  void stop() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    removeHook();
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  String tail(int lines) {
    try {
      List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
