package io.complaintflow.api.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.complaintflow.notifications.outbox.OutboxStore;
import io.complaintflow.process.handling.HandlingProcess.Vars;
import io.complaintflow.process.intake.IntakeSettings;

/**
 * Erases a customer's personal data on request (PIPL 第四十七条 / GDPR Art. 17) and keeps the statistics.
 *
 * <p>For every complaint of the customer (those with the phone, email or ticket asked for, then every complaint with a
 * phone or email of those) in one transaction:
 * <ul>
 * <li>{@code complaint}: name, phone and email erased, the customer's own words (description, desired remedy, facts,
 * request) replaced; staff texts (delay reason, remedy summary, sign-off) cleaned of the customer's identifiers.
 * Category, product, channel, severity, tier, status, dates and SLA figures stay, so the hot-spot analysis is the
 * same before and after.</li>
 * <li>texts that quote the customer: history entries, department inquiries, remedy decisions, accountability reviews,
 * case library entries, revisit comments; launch reviews' lists of past complaints, joint-meeting minutes and batch
 * incident texts where they name the customer;</li>
 * <li>notification outbox: messages to the customer still to go are withdrawn ({@code CANCELLED}), their addresses and
 * texts erased; staff messages about the complaint cleaned, and staff digests about several complaints (SLA warnings)
 * where they name the customer;</li>
 * <li>Camunda: variables of the complaint's process instances (and their sub-processes) replaced through the engine
 * while running; their history ({@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL}, decision inputs and outputs, task names
 * and descriptions, comments) cleaned in place.</li>
 * </ul>
 * An audit row records who asked, when and how many complaints, with a keyed hash of the identifier so that a
 * repeated request is answered alike (idempotent) without the identifier being stored.
 */
@Service
class CustomerAnonymisation {

  private static final Logger log = LoggerFactory.getLogger(CustomerAnonymisation.class);

  /** Process variables that hold nothing but what the customer told us: replaced whole. */
  private static final Set<String> CUSTOMER_VARIABLES = Set.of(Vars.CUSTOMER_NAME, Vars.CUSTOMER_PHONE,
      "customerEmail", Vars.DESCRIPTION, Vars.DESIRED_REMEDY, "facts", "customerRequest",
      Vars.SIGNED_OFF_BY, Vars.CUSTOMER_INFORMATION, Vars.DISPUTE_REASON, Vars.REOPEN_REASON);

  /** What identifies the customer in a request. */
  enum SubjectKind { PHONE, EMAIL, TICKET }

  record Subject(SubjectKind kind, String value) {
    String normalised() {
      return switch (kind) {
        case PHONE -> digits(value);
        case EMAIL -> value.strip().toLowerCase(Locale.ROOT);
        case TICKET -> value.strip().toUpperCase(Locale.ROOT);
      };
    }
  }

  /** The outcome: every complaint of the customer, and how many of them were anonymised by this request. */
  record Outcome(List<String> tickets, int anonymisedNow, Instant at) {
  }

  private record Row(long id, String ticket, String name, String phone, String email, String processInstanceId,
      boolean anonymised) {
  }

  private static final String SELECT = "select id, ticket, customer_name, customer_phone, customer_email, "
      + "process_instance_id, anonymised_at from complaint where ";

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final OutboxStore outbox;
  private final Clock clock;
  private final SecretKeySpec key;

  CustomerAnonymisation(JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks, HistoryService history,
      OutboxStore outbox, Clock clock, IntakeSettings intake) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.outbox = outbox;
    this.clock = clock;
    this.key = new SecretKeySpec(("anonymisation\n" + intake.trackingSecret()).getBytes(StandardCharsets.UTF_8),
        "HmacSHA256");
  }

  /** Anonymises the customer's complaints; empty when the request matches no complaint now or before. */
  @Transactional
  public java.util.Optional<Outcome> anonymise(Subject subject, String requestedBy) {
    List<Row> rows = matching(subject);
    Instant now = clock.instant();
    List<Row> pending = rows.stream().filter(r -> !r.anonymised()).toList();
    Set<String> tickets = new java.util.TreeSet<>();
    rows.forEach(r -> tickets.add(r.ticket()));
    // complaints anonymised by an earlier request about the same customer (their phone and email are gone by now)
    jdbc.queryForList("select a.tickets from customer_anonymisation a join customer_anonymisation_key k "
            + "on k.anonymisation_id = a.id where k.subject_hash = ?", String.class, hash(subject))
        .forEach(t -> tickets.addAll(List.of(t.split(","))));
    tickets.remove("");
    if (tickets.isEmpty()) {
      return java.util.Optional.empty();
    }
    Set<String> keys = new LinkedHashSet<>();
    keys.add(hash(subject));
    for (Row r : pending) {
      keys.add(hash(new Subject(SubjectKind.TICKET, r.ticket())));
      if (r.phone() != null && !digits(r.phone()).isEmpty()) {
        keys.add(hash(new Subject(SubjectKind.PHONE, r.phone())));
      }
      if (r.email() != null) {
        keys.add(hash(new Subject(SubjectKind.EMAIL, r.email())));
      }
    }
    if (!pending.isEmpty()) {
      erase(pending, now);
    }
    org.springframework.jdbc.support.KeyHolder id = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(c -> {
      java.sql.PreparedStatement ps = c.prepareStatement("insert into customer_anonymisation (subject_kind, "
          + "requested_by, requested_at, complaints_anonymised, tickets) values (?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, subject.kind().name());
      ps.setString(2, requestedBy);
      ps.setTimestamp(3, Timestamp.from(now));
      ps.setInt(4, pending.size());
      ps.setString(5, String.join(",", tickets));
      return ps;
    }, id);
    long auditId = id.getKey().longValue();
    keys.forEach(k -> jdbc.update("insert into customer_anonymisation_key (anonymisation_id, subject_hash) "
        + "values (?, ?)", auditId, k));
    log.info("Anonymised {} complaint(s) of a customer on request of {} ({} already anonymised)", pending.size(),
        requestedBy, tickets.size() - pending.size());
    return java.util.Optional.of(new Outcome(List.copyOf(tickets), pending.size(), now));
  }

  /**
   * The complaints of the customer: those with the phone, email or ticket asked for, and then every complaint with a
   * phone or email of those (a customer is known by every contact they gave us).
   */
  private List<Row> matching(Subject subject) {
    String n = subject.normalised();
    List<Row> direct = switch (subject.kind()) {
      case TICKET -> jdbc.query(SELECT + "upper(ticket) = ?", CustomerAnonymisation::row, n);
      case PHONE -> byPhone(n);
      case EMAIL -> byEmail(n);
    };
    Map<Long, Row> found = new LinkedHashMap<>();
    direct.forEach(r -> found.putIfAbsent(r.id(), r));
    for (Row r : direct) {
      if (r.phone() != null) {
        byPhone(digits(r.phone())).forEach(m -> found.putIfAbsent(m.id(), m));
      }
      if (r.email() != null) {
        byEmail(r.email().strip().toLowerCase(Locale.ROOT)).forEach(m -> found.putIfAbsent(m.id(), m));
      }
    }
    return List.copyOf(found.values());
  }

  private List<Row> byEmail(String normalised) {
    return jdbc.query(SELECT + "lower(customer_email) = ?", CustomerAnonymisation::row, normalised);
  }

  private List<Row> byPhone(String digits) {
    if (digits.isEmpty()) {
      return List.of();
    }
    // stored as entered ("138 0013-8000", "+8613800138000"): compare the digits, with or without the country code
    return jdbc.query(SELECT + "replace(replace(replace(customer_phone, ' ', ''), '-', ''), '+', '') in (?, ?, ?)",
        CustomerAnonymisation::row, digits, "86" + digits, digits.startsWith("86") ? digits.substring(2) : digits);
  }

  private void erase(List<Row> rows, Instant now) {
    List<String> known = new ArrayList<>();
    for (Row r : rows) {
      known.add(r.name());
      known.add(r.phone());
      if (r.phone() != null) {
        known.add(digits(r.phone()));
      }
      known.add(r.email());
    }
    PersonalData pd = new PersonalData(known);
    List<Long> ids = rows.stream().map(Row::id).toList();
    String in = marks(ids.size());
    Object[] idArgs = ids.toArray();
    UnaryOperator<String> scrub = pd::scrub;

    // the complaint itself: version + 1, so that a process step holding the row before fails optimistically
    // instead of writing the personal data back
    scrubRows("complaint", "id", List.of("delay_reason", "remedy_summary", "signed_off_by", "received_by"),
        "id in " + in, idArgs, scrub);
    jdbc.update("update complaint set version = version + 1, customer_name = ?, customer_phone = null, "
        + "customer_email = null, description = ?, desired_remedy = case when desired_remedy is null then null "
        + "else ? end, facts = case when facts is null then null else ? end, customer_request = case when "
        + "customer_request is null then null else ? end, request_fingerprint = null, anonymised_at = ? "
        + "where id in " + in, concat(new Object[] {PersonalData.ERASED, PersonalData.ERASED, PersonalData.ERASED,
            PersonalData.ERASED, PersonalData.ERASED, Timestamp.from(now)}, idArgs));

    // our texts about these complaints
    String ofThem = "complaint_id in " + in;
    scrubRows("complaint_event", "id", List.of("detail"), ofThem, idArgs, scrub);
    scrubRows("department_inquiry", "id", List.of("question", "reply", "rating_comment"), ofThem, idArgs, scrub);
    scrubRows("remedy_decision", "id", List.of("reason"), ofThem, idArgs, scrub);
    scrubRows("accountability_review", "id", List.of("root_cause", "corrective_action", "completion_note"), ofThem,
        idArgs, scrub);
    scrubRows("exemplary_case", "id", List.of("title", "story", "handling", "analysis", "review_note"), ofThem, idArgs,
        scrub);
    scrubRows("revisit_survey", "id", List.of("answered_by"), ofThem, idArgs, scrub);
    jdbc.update("update revisit_survey set comment = ? where comment is not null and " + ofThem,
        concat(new Object[] {PersonalData.ERASED}, idArgs));
    // texts about many complaints that may quote them: only rows that contain one of their identifiers, and only
    // those identifiers (the aggregated figures of analysis reports hold no personal data and are left alone)
    UnaryOperator<String> onlyKnown = pd::scrubKnown;
    for (String k : pd.known()) {
      String like = "%" + k + "%";
      scrubRows("launch_review", "id", List.of("past_complaints", "findings"), "past_complaints like ? or findings "
          + "like ?", new Object[] {like, like}, onlyKnown);
      scrubRows("analysis_report", "id", List.of("meeting_minutes"), "meeting_minutes like ?", new Object[] {like},
          onlyKnown);
      scrubRows("batch_incident", "id", List.of("cause", "scripted_answer", "resolution"), "cause like ? or "
          + "scripted_answer like ? or resolution like ?", new Object[] {like, like, like}, onlyKnown);
      // staff messages about several complaints at once (SLA warning digests) list customers by name
      scrubRows("notification_outbox", "id", List.of("subject", "body_text", "body_short", "body_html"),
          "complaint_id is null and (body_text like ? or body_html like ? or body_short like ?)",
          new Object[] {like, like, like}, onlyKnown);
    }

    // the outbox: nothing more to the customer; staff messages about them cleaned
    outbox.withdrawCustomerMessages(ids, PersonalData.ERASED);
    scrubRows("notification_outbox", "id", List.of("subject", "body_text", "body_short", "body_html", "address"),
        ofThem + " and recipient_kind <> 'CUSTOMER'", idArgs, scrub);

    eraseFromEngine(rows, ids, pd);
  }

  private void eraseFromEngine(List<Row> rows, List<Long> ids, PersonalData pd) {
    Set<String> instances = new LinkedHashSet<>();
    for (Row r : rows) {
      if (r.processInstanceId() != null) {
        instances.add(r.processInstanceId());
      }
      history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(r.ticket()).list()
          .forEach(p -> instances.add(p.getId()));
    }
    instances.addAll(jdbc.queryForList("select process_instance_id from exemplary_case where process_instance_id is "
        + "not null and complaint_id in " + marks(ids.size()), String.class, ids.toArray()));
    // sub-processes (escalation, linkage, approvals, revisit …), however deep
    List<String> frontier = new ArrayList<>(instances);
    while (!frontier.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (String id : frontier) {
        for (HistoricProcessInstance sub : history.createHistoricProcessInstanceQuery().superProcessInstanceId(id)
            .list()) {
          if (instances.add(sub.getId())) {
            next.add(sub.getId());
          }
        }
      }
      frontier = next;
    }
    if (instances.isEmpty()) {
      return;
    }
    String[] ids2 = instances.toArray(String[]::new);

    // running instances: through the engine, so that what the steps read next is the erased value
    for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(ids2)
        .disableCustomObjectDeserialization().list()) {
      TypedValue typed = v.getTypedValue();
      Object erased = null;
      if (typed instanceof ObjectValue object && !object.isDeserialized()) {
        // Java objects stored as JSON or XML (lists, maps): their serialized form, cleaned, in the same format; Java
        // serialization (binary) is not used by our models and is left alone
        String format = String.valueOf(object.getSerializationDataFormat());
        String s = format.startsWith("application/json") || format.startsWith("application/xml")
            ? object.getValueSerialized() : null;
        String e = s == null ? null : pd.scrub(s);
        erased = e == null || e.equals(s) ? null : org.camunda.bpm.engine.variable.Variables.serializedObjectValue(e)
            .serializationDataFormat(object.getSerializationDataFormat()).objectTypeName(object.getObjectTypeName())
            .create();
      } else if (typed.getValue() instanceof String s) {
        String e = CUSTOMER_VARIABLES.contains(v.getName()) ? PersonalData.ERASED : pd.scrub(s);
        erased = e.equals(s) ? null : e;
      } else if (typed.getValue() instanceof SpinJsonNode json) {
        String s = json.toString();
        String e = pd.scrub(s);
        erased = e.equals(s) ? null : org.camunda.spin.Spin.JSON(e);
      }
      if (erased == null) {
        continue;
      }
      if (v.getTaskId() != null) {
        tasks.setVariableLocal(v.getTaskId(), v.getName(), erased);
      } else {
        runtime.setVariableLocal(v.getExecutionId(), v.getName(), erased);
      }
    }

    // history, including the earlier values of each variable, in place
    String in = marks(ids2.length);
    UnaryOperator<String> byName = pd::scrub;
    for (String table : List.of("ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_RU_VARIABLE")) {
      List<Map<String, Object>> vars = jdbc.queryForList("select ID_, NAME_, TEXT_, TEXT2_ from " + table
          + " where PROC_INST_ID_ in " + in + " and (TEXT_ is not null or TEXT2_ is not null)", (Object[]) ids2);
      for (Map<String, Object> v : vars) {
        String name = (String) v.get("NAME_");
        UnaryOperator<String> how = CUSTOMER_VARIABLES.contains(name) ? t -> t == null ? null : PersonalData.ERASED
            : byName;
        update(table, "ID_", v.get("ID_"), List.of("TEXT_", "TEXT2_"), v, how);
      }
    }
    for (String table : List.of("ACT_HI_DEC_IN", "ACT_HI_DEC_OUT")) {
      scrubRows(table, "ID_", List.of("TEXT_", "TEXT2_"),
          "DEC_INST_ID_ in (select ID_ from ACT_HI_DECINST where PROC_INST_ID_ in " + in + ")", ids2, byName);
    }
    scrubRows("ACT_RU_TASK", "ID_", List.of("NAME_", "DESCRIPTION_"), "PROC_INST_ID_ in " + in, ids2, byName);
    scrubRows("ACT_HI_TASKINST", "ID_", List.of("NAME_", "DESCRIPTION_"), "PROC_INST_ID_ in " + in, ids2, byName);
    scrubRows("ACT_HI_COMMENT", "ID_", List.of("MESSAGE_"), "PROC_INST_ID_ in " + in, ids2, byName);
  }

  /** Cleans text columns of the rows that match; writes only rows that change. */
  private void scrubRows(String table, String idColumn, List<String> columns, String where, Object[] args,
      UnaryOperator<String> how) {
    List<Map<String, Object>> found = jdbc.queryForList("select " + idColumn + ", " + String.join(", ", columns)
        + " from " + table + " where " + where, args);
    for (Map<String, Object> row : found) {
      update(table, idColumn, row.get(idColumn), columns, row, how);
    }
  }

  private void update(String table, String idColumn, Object id, List<String> columns, Map<String, Object> row,
      UnaryOperator<String> how) {
    Map<String, String> changed = new LinkedHashMap<>();
    for (String c : columns) {
      String before = (String) row.get(c);
      String after = before == null ? null : how.apply(before);
      if (before != null && !before.equals(after)) {
        changed.put(c, after);
      }
    }
    if (changed.isEmpty()) {
      return;
    }
    List<Object> args = new ArrayList<>(changed.values());
    args.add(id);
    jdbc.update("update " + table + " set " + String.join(", ", changed.keySet().stream().map(c -> c + " = ?").toList())
        + " where " + idColumn + " = ?", args.toArray());
  }

  private String hash(Subject subject) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal((subject.kind() + ":" + subject.normalised())
          .getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Row(rs.getLong("id"), rs.getString("ticket"), rs.getString("customer_name"),
        rs.getString("customer_phone"), rs.getString("customer_email"), rs.getString("process_instance_id"),
        rs.getTimestamp("anonymised_at") != null);
  }

  static String digits(String phone) {
    return phone == null ? "" : phone.replaceAll("[^0-9]", "");
  }

  private static String marks(int n) {
    return "(" + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
