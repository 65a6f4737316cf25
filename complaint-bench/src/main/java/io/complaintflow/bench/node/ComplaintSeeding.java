package io.complaintflow.bench.node;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintflow.process.complaint.Channel;
import io.complaintflow.process.complaint.Complaint;
import io.complaintflow.process.complaint.ContactChannel;
import io.complaintflow.process.complaint.CustomerTier;
import io.complaintflow.process.intake.ComplaintIntake;
import io.complaintflow.process.intake.NewComplaint;

/**
 * Seeds a ComplaintFlow database with open complaints, fast but through the real intake: each complaint is registered
 * by {@link ComplaintIntake#register}, the service behind {@code POST /api/complaints} (ticket, SLA targets from the
 * DMN tables, intake routing, the complaint row and its history, the handling process waiting at the registration
 * task with its candidate group, the escalation process with its SLA timers, the acknowledgement in the outbox).
 * What makes it fast: no HTTP, several complaints per transaction, and a node started with the job executor and the
 * outbox dispatcher off (nothing of a fresh complaint is due anyway).
 *
 * <p>Only on the classpath of a benchmark node ({@code loader.path}), and only active with
 * {@code complaintflow.bench.seed.count}: the node registers that many complaints, logs {@code SEEDED <n>} and exits.
 */
@AutoConfiguration
@ConditionalOnClass(name = "io.complaintflow.process.intake.ComplaintIntake")
@ConditionalOnProperty("complaintflow.bench.seed.count")
public class ComplaintSeeding {

  static final String PREFIX = "complaintflow.bench.seed.";
  /** Staff who take a share of the complaints by phone: they own them and their registration task from the start. */
  static final List<String> RECEIVERS = List.of("zhangwei", "lina");
  private static final Channel[] CHANNELS = {Channel.WEB, Channel.APP, Channel.PHONE, Channel.WECHAT, Channel.EMAIL};
  private static final String[] PRODUCTS = {"智能电饭煲 RC-2026", "变频空调 AC-900", "家庭宽带 300M 套餐", "5G 畅享 58 元套餐",
      "次日达配送服务"};
  private static final Logger log = LoggerFactory.getLogger(ComplaintSeeding.class);

  /**
   * The i-th seeded complaint: 5 % VIP (green channel desk), 20 % GOLD, the rest STANDARD; channels and products in
   * turn; every twentieth taken by a member of staff (who then owns it), the others filed by the customer.
   */
  static Seed seed(int i, Instant now) {
    CustomerTier tier = i % 20 == 0 ? CustomerTier.VIP : i % 5 == 1 ? CustomerTier.GOLD : CustomerTier.STANDARD;
    Channel channel = CHANNELS[i % CHANNELS.length];
    String phone = String.format("138%08d", i);
    Complaint.Customer customer = new Complaint.Customer("客户" + i, phone, null, tier, "zh-CN", ContactChannel.SMS);
    NewComplaint request = new NewComplaint(customer, channel, null, PRODUCTS[i % PRODUCTS.length],
        now.minus(Duration.ofHours(1 + i % 48)), "基准测试投诉 " + i + ":收到的商品有质量问题,无法正常使用。", "换一台新的");
    String receivedBy = i % 20 == 7 ? RECEIVERS.get((i / 20) % RECEIVERS.size()) : null;
    return new Seed(request, "seed-" + i, receivedBy);
  }

  record Seed(NewComplaint request, String idempotencyKey, String receivedBy) {
  }

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  ApplicationRunner complaintSeeder(ComplaintIntake intake, PlatformTransactionManager transactions, Clock clock,
      Environment env, ApplicationContext context) {
    return (ApplicationArguments args) -> {
      int count = env.getRequiredProperty(PREFIX + "count", Integer.class);
      int first = env.getProperty(PREFIX + "first", Integer.class, 1);
      int threads = env.getProperty(PREFIX + "threads", Integer.class, 2);
      int batch = env.getProperty(PREFIX + "batch", Integer.class, 50);
      run(intake, new TransactionTemplate(transactions), clock, first, count, threads, batch);
      System.exit(SpringApplication.exit(context, () -> 0));
    };
  }

  private static void run(ComplaintIntake intake, TransactionTemplate transaction, Clock clock, int first, int count,
      int threads, int batch) throws Exception {
    log.info("Seeding {} complaints from #{} ({} threads, {} per transaction)", count, first, threads, batch);
    long started = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    int progressEvery = Math.max(batch, Math.min(5000, count / 10));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> batches = new ArrayList<>();
      for (int from = first; from < first + count; from += batch) {
        int start = from;
        int end = Math.min(first + count, from + batch);
        batches.add(pool.submit(() -> {
          Instant now = clock.instant();
          // one transaction for the batch: each registration joins it (ComplaintIntake's own transaction is REQUIRED)
          transaction.executeWithoutResult(status -> {
            for (int i = start; i < end; i++) {
              Seed s = seed(i, now);
              intake.register(s.request(), s.idempotencyKey(), s.receivedBy());
            }
          });
          int n = done.addAndGet(end - start);
          if (n % progressEvery < end - start) {
            log.info("Seeded {} of {} ({} per second)", n, count,
                Math.round(n / ((System.nanoTime() - started) / 1e9)));
          }
          return null;
        }));
      }
      for (Future<?> f : batches) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    log.info("SEEDED {} complaints in {} s", done.get(), Math.round(seconds));
  }
}
