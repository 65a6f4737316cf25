package io.complaintflow.notifications.outbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.complaintflow.notifications.DeliveryChannel;

/**
 * A fresh in-memory H2 database with the real migrations (the complaint table from complaint-process, the outbox
 * from this module), pooled like the application's, so that several threads can work on it at once.
 */
final class OutboxDatabase implements AutoCloseable {

  final HikariDataSource dataSource;
  final JdbcClient jdbc;
  final OutboxStore store;

  OutboxDatabase() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setMaximumPoolSize(10);
    dataSource = new HikariDataSource(config);
    new ResourceDatabasePopulator(new ClassPathResource("db/migration/V2026_11_23_1__complaint.sql"),
        new ClassPathResource("db/migration/V2026_11_23_2__notification_outbox.sql")).execute(dataSource);
    jdbc = JdbcClient.create((DataSource) dataSource);
    store = new OutboxStore(jdbc);
  }

  /** A complaint row for messages to refer to; returns its id. */
  long complaint(String ticket) {
    jdbc.sql("insert into complaint (version, ticket, tracking_salt, status, customer_name, customer_tier, "
            + "customer_language, customer_contact_channel, task_priority, channel, product_name, occurred_at, "
            + "description, received_at, reopen_count) values (0, :ticket, 'salt', 'RECEIVED', '王建国', 'STANDARD', "
            + "'zh-CN', 'EMAIL', 50, 'WEB', '智能电饭煲', :t, '内胆裂纹', :t, 0)")
        .param("ticket", ticket).param("t", Instant.parse("2026-11-20T07:30:00Z").atOffset(ZoneOffset.UTC)).update();
    return jdbc.sql("select id from complaint where ticket = :ticket").param("ticket", ticket).query(Long.class)
        .single();
  }

  /** Enqueues a message of a lane (complaint + recipient), due at {@code at}. */
  long enqueue(String key, Long complaintId, String recipient, DeliveryChannel channel, Instant at) {
    String lane = complaintId == null ? null : complaintId + "/staff/" + recipient;
    store.enqueue(new NewOutboxMessage(key, complaintId, complaintId == null ? null : "CF-" + complaintId, lane,
        "TASK_ASSIGNED", channel, RecipientKind.STAFF, recipient,
        channel == DeliveryChannel.SMS ? "13800138000" : channel == DeliveryChannel.WEBHOOK ? "ops" : recipient
            + "@example.com", "zh-CN", false, "subject " + key, "text " + key, "short " + key, null, at, at, null));
    return store.findByKey(key).orElseThrow().id();
  }

  OutboxMessage row(String key) {
    return store.findByKey(key).orElseThrow();
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
