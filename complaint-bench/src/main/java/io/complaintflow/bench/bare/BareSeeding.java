package io.complaintflow.bench.bare;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code bare.seed.tasks} and/or {@code bare.seed.timers}: starts that many instances of the one-task and the
 * one-timer process, in transactions of a hundred, logs {@code SEEDED} and exits. ComplaintFlow's database is seeded
 * the same way, through its intake service (see {@code io.complaintflow.bench.node.ComplaintSeeding}).
 */
@Configuration
@ConditionalOnProperty({"bare.seed.tasks"})
class BareSeeding {

  private static final Logger log = LoggerFactory.getLogger(BareSeeding.class);
  private static final int BATCH = 100;

  @Bean
  ApplicationRunner bareSeeder(RuntimeService runtime, PlatformTransactionManager transactions, Environment env,
      ApplicationContext context) {
    return args -> {
      TransactionTemplate transaction = new TransactionTemplate(transactions);
      long started = System.nanoTime();
      start(runtime, transaction, BareCamundaApplication.ONE_TASK, env.getProperty("bare.seed.tasks", Integer.class, 0));
      start(runtime, transaction, BareCamundaApplication.ONE_TIMER, env.getProperty("bare.seed.timers", Integer.class, 0));
      log.info("SEEDED in {} s", Math.round((System.nanoTime() - started) / 1e9));
      System.exit(SpringApplication.exit(context, () -> 0));
    };
  }

  private static void start(RuntimeService runtime, TransactionTemplate transaction, String key, int count) {
    for (int from = 0; from < count; from += BATCH) {
      int start = from;
      transaction.executeWithoutResult(status -> {
        for (int i = start; i < Math.min(count, start + BATCH); i++) {
          runtime.startProcessInstanceByKey(key, key + "-" + i);
        }
      });
      if ((from + BATCH) % 10000 == 0) {
        log.info("Started {} of {} {}", from + BATCH, count, key);
      }
    }
  }
}
