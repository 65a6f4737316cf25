package io.complaintflow.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Bare Camunda: what the Camunda 7 Spring Boot starter gives with the webapps and the REST API, nothing of
 * ComplaintFlow. The benchmarks compare ComplaintFlow with it, on the same database: a one-task process started
 * through the engine's REST API (intake), one timer per instance on the default job executor (SLA timers), the
 * candidate-group task query (task list), and its start-up. Its two models are in {@code bare/}.
 */
@SpringBootApplication
public class BareCamundaApplication {

  /** A user task for the group {@code agents}, as a registration task is. */
  public static final String ONE_TASK = "BareOneTaskProcess";
  /** One timer (due far in the future until the benchmark makes it due), then the end. */
  public static final String ONE_TIMER = "BareOneTimerProcess";

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApplication.class, args);
  }
}
