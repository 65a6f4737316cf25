package io.complaintflow.notifications.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.complaintflow.notifications.DeliveryChannel;

/**
 * The {@code notification_outbox} table. Enqueueing joins the caller's transaction; everything the dispatcher does is
 * a short statement of its own (auto-commit), never a transaction held open across a delivery.
 *
 * <p>Claiming is an atomic conditional {@code UPDATE … WHERE id = ? AND <still claimable>}: of several nodes that
 * pick the same candidate, exactly one updates the row. Portable SQL, the same on H2 and PostgreSQL.
 */
@Repository
public class OutboxStore {

  private static final String COLUMNS = "id, idempotency_key, complaint_id, ticket, ordering_key, template, channel, "
      + "recipient_kind, recipient_id, address, language, urgent, subject, body_text, body_short, body_html, status, "
      + "attempts, created_at, next_attempt_at, claimed_by, claimed_until, sent_at, last_error";

  /** A row is claimable when it is due, or its claim expired (its node died or hung). */
  private static final String CLAIMABLE = "((o.status = 'PENDING' and o.next_attempt_at <= :now) "
      + "or (o.status = 'SENDING' and o.claimed_until < :now))";

  /** …and no earlier message of its lane is still on its way. */
  private static final String HEAD_OF_LANE = "(o.ordering_key is null or not exists (select 1 from notification_outbox p "
      + "where p.ordering_key = o.ordering_key and p.id < o.id and p.status in ('PENDING', 'SENDING', 'HELD')))";

  private final JdbcClient jdbc;
  private final List<Runnable> enqueueListeners = new CopyOnWriteArrayList<>();

  public OutboxStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Someone to tell after a transaction that enqueued messages committed (the local dispatcher, to poll at once). */
  void onEnqueued(Runnable listener) {
    enqueueListeners.add(listener);
  }

  public boolean exists(String key) {
    return jdbc.sql("select count(*) from notification_outbox where idempotency_key = :key").param("key", key)
        .query(Long.class).single() > 0;
  }

  /**
   * Inserts the message unless its key is already there, in the caller's transaction. Returns whether it inserted.
   * Two transactions racing with the same key: the second fails on the unique key and rolls back (a BPMN step is then
   * retried by the engine and finds the key).
   */
  public boolean enqueue(NewOutboxMessage m) {
    if (exists(m.key())) {
      return false;
    }
    int inserted = jdbc.sql("insert into notification_outbox (idempotency_key, complaint_id, ticket, ordering_key, "
            + "template, channel, recipient_kind, recipient_id, address, language, urgent, subject, body_text, "
            + "body_short, body_html, status, attempts, created_at, next_attempt_at, last_error) values (:key, "
            + ":complaintId, :ticket, :orderingKey, :template, :channel, :recipientKind, :recipientId, :address, "
            + ":language, :urgent, :subject, :text, :shortText, :html, :status, 0, :createdAt, :nextAttemptAt, "
            + ":lastError)")
        .param("key", m.key())
        .param("complaintId", m.complaintId())
        .param("ticket", m.ticket())
        .param("orderingKey", m.orderingKey())
        .param("template", m.template())
        .param("channel", m.channel().name())
        .param("recipientKind", m.recipientKind().name())
        .param("recipientId", m.recipientId())
        .param("address", m.address())
        .param("language", m.language())
        .param("urgent", m.urgent())
        .param("subject", m.subject())
        .param("text", m.text())
        .param("shortText", m.shortText())
        .param("html", m.html())
        .param("status", (m.problem() == null ? OutboxStatus.PENDING : OutboxStatus.DEAD).name())
        .param("createdAt", utc(m.createdAt()))
        .param("nextAttemptAt", utc(m.notBefore() == null ? m.createdAt() : m.notBefore()))
        .param("lastError", m.problem())
        .update();
    if (inserted > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          enqueueListeners.forEach(Runnable::run);
        }
      });
    } else if (inserted > 0) {
      enqueueListeners.forEach(Runnable::run);
    }
    return inserted > 0;
  }

  /** Ids of messages this node could claim now: due, deliverable here, head of their lane; urgent ones first. */
  List<Long> candidates(Instant now, Readiness readiness, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("now", utc(now));
    String sql = "select o.id from notification_outbox o where " + CLAIMABLE + " and " + readiness.condition("o.", params)
        + " and " + HEAD_OF_LANE + " order by case when o.urgent then 0 else 1 end, o.id fetch first "
        + Math.max(1, limit) + " rows only";
    return jdbc.sql(sql).params(params).query(Long.class).list();
  }

  /**
   * Claims one message for {@code claimToken} until {@code until}, counting an attempt; empty if another node was
   * faster (or it is no longer claimable).
   */
  Optional<OutboxMessage> claim(long id, Instant now, String claimToken, String node, Instant until) {
    int claimed = jdbc.sql("update notification_outbox o set status = 'SENDING', claim_token = :token, "
            + "claimed_by = :node, claimed_until = :until, attempts = attempts + 1 where o.id = :id and " + CLAIMABLE
            + " and " + HEAD_OF_LANE)
        .param("token", claimToken).param("node", node).param("until", utc(until)).param("id", id)
        .param("now", utc(now))
        .update();
    return claimed == 1 ? find(id) : Optional.empty();
  }

  /** Delivered. False if the claim was lost meanwhile (it expired and another node took the message over). */
  boolean markSent(long id, String claimToken, Instant now) {
    return jdbc.sql("update notification_outbox set status = 'SENT', sent_at = :now, claim_token = null, "
            + "claimed_until = null, last_error = null where id = :id and claim_token = :token and status = 'SENDING'")
        .param("now", utc(now)).param("id", id).param("token", claimToken).update() == 1;
  }

  /** Failed, try again at {@code next}. */
  boolean markRetry(long id, String claimToken, Instant next, String error) {
    return jdbc.sql("update notification_outbox set status = 'PENDING', next_attempt_at = :next, claim_token = null, "
            + "claimed_until = null, last_error = :error where id = :id and claim_token = :token and status = 'SENDING'")
        .param("next", utc(next)).param("error", truncate(error)).param("id", id).param("token", claimToken)
        .update() == 1;
  }

  /** Failed for good, or the last attempt failed: a dead letter for operators. */
  boolean markDead(long id, String claimToken, String error) {
    return jdbc.sql("update notification_outbox set status = 'DEAD', claim_token = null, claimed_until = null, "
            + "last_error = :error where id = :id and claim_token = :token and status = 'SENDING'")
        .param("error", truncate(error)).param("id", id).param("token", claimToken).update() == 1;
  }

  /** Not sent now (SMS quiet hours): back to pending until {@code until}, the attempt not counted. */
  boolean defer(long id, String claimToken, Instant until) {
    return jdbc.sql("update notification_outbox set status = 'PENDING', next_attempt_at = :until, claim_token = null, "
            + "claimed_until = null, attempts = attempts - 1 where id = :id and claim_token = :token "
            + "and status = 'SENDING'")
        .param("until", utc(until)).param("id", id).param("token", claimToken).update() == 1;
  }

  /** Holds pending messages of a channel that is not configured here (all of them, or those not to {@code except}). */
  int hold(DeliveryChannel channel, java.util.Set<String> except, String reason) {
    String sql = "update notification_outbox set status = 'HELD', last_error = :reason where status = 'PENDING' "
        + "and channel = :channel";
    Map<String, Object> params = new HashMap<>(Map.of("reason", truncate(reason), "channel", channel.name()));
    if (except != null && !except.isEmpty()) {
      sql += " and (address is null or address not in (:except))";
      params.put("except", except);
    }
    return jdbc.sql(sql).params(params).update();
  }

  /** Releases held messages that this node can now deliver. */
  int release(Readiness readiness, Instant now) {
    Map<String, Object> params = new HashMap<>();
    params.put("now", utc(now));
    return jdbc.sql("update notification_outbox set status = 'PENDING', next_attempt_at = :now, last_error = null "
            + "where status = 'HELD' and " + readiness.condition("", params))
        .params(params).update();
  }

  public Map<OutboxStatus, Long> countByStatus() {
    Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
    for (OutboxStatus s : OutboxStatus.values()) {
      counts.put(s, 0L);
    }
    jdbc.sql("select status, count(*) as n from notification_outbox group by status")
        .query((rs, i) -> Map.entry(OutboxStatus.valueOf(rs.getString("status")), rs.getLong("n")))
        .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  public Optional<OutboxMessage> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from notification_outbox where id = :id").param("id", id)
        .query(OutboxStore::row).optional();
  }

  public Optional<OutboxMessage> findByKey(String key) {
    return jdbc.sql("select " + COLUMNS + " from notification_outbox where idempotency_key = :key").param("key", key)
        .query(OutboxStore::row).optional();
  }

  /** A page of messages, newest first, optionally of one status and/or one complaint. */
  public List<OutboxMessage> find(OutboxStatus status, Long complaintId, int page, int size) {
    Map<String, Object> params = new HashMap<>();
    String where = where(status, complaintId, params);
    return jdbc.sql("select " + COLUMNS + " from notification_outbox" + where + " order by id desc offset "
            + ((long) page * size) + " rows fetch next " + size + " rows only")
        .params(params).query(OutboxStore::row).list();
  }

  public long count(OutboxStatus status, Long complaintId) {
    Map<String, Object> params = new HashMap<>();
    return jdbc.sql("select count(*) from notification_outbox" + where(status, complaintId, params)).params(params)
        .query(Long.class).single();
  }

  /** Messages of a complaint in the order they were enqueued. */
  public List<OutboxMessage> ofComplaint(long complaintId) {
    return jdbc.sql("select " + COLUMNS + " from notification_outbox where complaint_id = :c order by id")
        .param("c", complaintId).query(OutboxStore::row).list();
  }

  /**
   * Withdraws what is still to go to the customers of these complaints ({@link OutboxStatus#CANCELLED}, in the caller's
   * transaction) and erases address and text of every message to them, sent or not; returns how many were withdrawn.
   * A message being delivered right now cannot be stopped, but it is not marked sent afterwards.
   */
  public int withdrawCustomerMessages(java.util.Collection<Long> complaintIds, String erased) {
    if (complaintIds.isEmpty()) {
      return 0;
    }
    int withdrawn = jdbc.sql("update notification_outbox set status = 'CANCELLED', claim_token = null, "
            + "claimed_until = null, last_error = 'personal data erased' where complaint_id in (:ids) "
            + "and recipient_kind = 'CUSTOMER' and status in ('PENDING', 'SENDING', 'HELD', 'DEAD')")
        .param("ids", complaintIds).update();
    jdbc.sql("update notification_outbox set address = null, subject = case when subject is null then null else :erased "
            + "end, body_text = :erased, body_short = :erased, body_html = :erased "
            + "where complaint_id in (:ids) and recipient_kind = 'CUSTOMER'")
        .param("ids", complaintIds).param("erased", erased).update();
    return withdrawn;
  }

  /** A dead or held message is due again now, with a fresh set of attempts. False if it is in another state. */
  boolean retry(long id, Instant now) {
    return jdbc.sql("update notification_outbox set status = 'PENDING', next_attempt_at = :now, attempts = 0 "
            + "where id = :id and status in ('DEAD', 'HELD')")
        .param("now", utc(now)).param("id", id).update() == 1;
  }

  private static String where(OutboxStatus status, Long complaintId, Map<String, Object> params) {
    List<String> terms = new ArrayList<>();
    if (status != null) {
      terms.add("status = :status");
      params.put("status", status.name());
    }
    if (complaintId != null) {
      terms.add("complaint_id = :complaintId");
      params.put("complaintId", complaintId);
    }
    return terms.isEmpty() ? "" : " where " + String.join(" and ", terms);
  }

  private static OutboxMessage row(ResultSet rs, int i) throws SQLException {
    long complaint = rs.getLong("complaint_id");
    return new OutboxMessage(rs.getLong("id"), rs.getString("idempotency_key"), rs.wasNull() ? null : complaint,
        rs.getString("ticket"), rs.getString("ordering_key"), rs.getString("template"),
        DeliveryChannel.valueOf(rs.getString("channel")), RecipientKind.valueOf(rs.getString("recipient_kind")),
        rs.getString("recipient_id"), rs.getString("address"), rs.getString("language"), rs.getBoolean("urgent"),
        rs.getString("subject"), rs.getString("body_text"), rs.getString("body_short"), rs.getString("body_html"),
        OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "created_at"),
        instant(rs, "next_attempt_at"), rs.getString("claimed_by"), instant(rs, "claimed_until"),
        instant(rs, "sent_at"), rs.getString("last_error"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String error) {
    if (error == null) {
      return null;
    }
    return error.length() > 2000 ? error.substring(0, 1999) + "…" : error;
  }
}
