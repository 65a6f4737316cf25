package io.complaintflow.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Complaint records written straight into the database, for tests that need a known history (reports, the case
 * library, launch reviews) rather than a walk through the handling process. Each column not given gets a plain default.
 */
public final class SeededComplaints {

  private final JdbcTemplate jdbc;

  public SeededComplaints(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A complaint with these columns (snake_case names, Instants for timestamps); returns its id. */
  public long complaint(String ticket, Instant receivedAt, Map<String, Object> columns) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("version", 1);   // 0 would be "new" to Spring Data
    row.put("ticket", ticket);
    row.put("tracking_salt", "salt-" + ticket);
    row.put("status", "RECEIVED");
    row.put("customer_name", "测试客户");
    row.put("customer_phone", "13800138000");
    row.put("customer_tier", "STANDARD");
    row.put("customer_language", "zh-CN");
    row.put("customer_contact_channel", "SMS");
    row.put("task_priority", 50);
    row.put("channel", "PHONE");
    row.put("product_name", "测试产品");
    row.put("occurred_at", receivedAt.minusSeconds(86_400));
    row.put("description", "测试投诉 " + ticket);
    row.put("received_at", receivedAt);
    row.put("sla_paused_seconds", 0);
    row.put("reopen_count", 0);
    row.putAll(columns);
    insert("complaint", row);
    return jdbc.queryForObject("select id from complaint where ticket = ?", Long.class, ticket);
  }

  public void event(long complaintId, Instant at, String type) {
    insert("complaint_event", Map.of("complaint_id", complaintId, "occurred_at", at, "type", type,
        "customer_visible", false));
  }

  public void insert(String table, Map<String, Object> row) {
    String columns = String.join(", ", row.keySet());
    String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
    Object[] values = row.values().stream().map(v -> v instanceof Instant i ? Timestamp.from(i) : v).toArray();
    jdbc.update("insert into " + table + " (" + columns + ") values (" + marks + ")", values);
  }
}
