package io.complaintflow.api.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.complaintflow.api.ControlIntegrationTest;
import io.complaintflow.api.Submissions;
import io.complaintflow.process.complaint.Complaint;

/**
 * The SLA warning sweep on the real calendar, engine and database: when each warning falls due, that it is given once
 * and recorded, and whom it tells (the owner; while there is none the registering group, in one digest for several
 * complaints). What pausing and closing do to the warnings is in {@link SlaIntegrationTests}.
 */
class SlaWarningSweepTests extends ControlIntegrationTest {

  /** Every warning and timer of earlier tests in this context given, so that what follows is this test's alone. */
  @BeforeEach
  void startAfterEverythingElse() {
    at("2027-03-01T09:00");   // a Monday
    runDueJobs();
  }

  @Test
  void warnsTheOwnerOnceWhenAQuarterOfTheResolutionTimeIsLeft() {
    Filed f = file(Submissions.valid().with("customer/name", "欧阳明"));
    register("zhangwei", f.ticket(), false, Map.of());
    Complaint registered = complaint(f.ticket());
    // 5 working days (40 h) from Monday 09:00: due Friday 18:00, warned ten working hours before, Thursday 16:00
    assertThat(registered.getResolutionDueAt()).isEqualTo(local("2027-03-05T18:00"));
    assertThat(registered.getResolutionWarningDueAt()).isEqualTo(local("2027-03-04T16:00"));
    assertThat(registered.getFirstResponseWarningDueAt()).as("first response given").isNull();

    at("2027-03-04T15:59");
    assertThat(warningSweep.sweep()).isZero();
    assertThat(complaint(f.ticket()).getResolutionWarnedAt()).isNull();

    Instant due = at("2027-03-04T16:00");
    assertThat(warningSweep.sweep()).isOne();
    Complaint warned = complaint(f.ticket());
    assertThat(warned.getResolutionWarnedAt()).isEqualTo(due);
    assertThat(warned.getResolutionWarningDueAt()).isNull();
    assertThat(warned.getVersion()).as("a change like any other: concurrent savers notice it")
        .isGreaterThan(registered.getVersion());
    assertThat(jdbc.queryForList("select e.detail from complaint_event e join complaint c on c.id = e.complaint_id "
        + "where c.ticket = ? and e.type = 'SLA_WARNING'", String.class, f.ticket())).containsExactly("RESOLUTION");

    // the owner is told, in their language, with the deadline
    List<Map<String, Object>> mails = jdbc.queryForList("select recipient_id, template, subject, body_text "
        + "from notification_outbox where complaint_id = ? and template like 'SLA_WARNING%'", warned.getId());
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0)).containsEntry("recipient_id", "zhangwei").containsEntry("template", "SLA_WARNING");
    assertThat((String) mails.get(0).get("subject")).contains(f.ticket()).contains("2027年3月5日 18:00");
    assertThat((String) mails.get(0).get("body_text")).contains("欧阳明").contains("解决时限将至");

    // once given, never again; and the status APIs say so
    ClockUtil.setCurrentTime(Date.from(due.plusSeconds(3600)));
    assertThat(warningSweep.sweep()).isZero();
    assertThat(events(f.ticket()).stream().filter("SLA_WARNING"::equals)).hasSize(1);
    assertThat(api.get("/api/staff/complaints/" + f.ticket()).as("liuyang", "demo").send().json()
        .path("sla").path("resolution").path("status").asText()).isEqualTo("WARNED");
  }

  @Test
  void tellsTheRegisteringGroupOfSeveralDueComplaintsInOneDigestEach() {
    List<Filed> filed = List.of(file(Submissions.valid().with("customer/name", "司马青")),
        file(Submissions.valid().with("customer/name", "上官燕")),
        file(Submissions.valid().with("customer/name", "诸葛亮")));
    // nobody registered them: 8 working hours to a first response (18:00), warned at 16:00 (two hours left)
    Complaint first = complaint(filed.get(0).ticket());
    assertThat(first.getFirstResponseDueAt()).isEqualTo(local("2027-03-01T18:00"));
    assertThat(first.getFirstResponseWarningDueAt()).isEqualTo(local("2027-03-01T16:00"));

    at("2027-03-01T16:00");
    assertThat(warningSweep.sweep()).isEqualTo(3);

    for (Filed f : filed) {
      assertThat(complaint(f.ticket()).getFirstResponseWarnedAt()).as(f.ticket()).isEqualTo(local("2027-03-01T16:00"));
      assertThat(events(f.ticket()).stream().filter("SLA_WARNING"::equals)).as(f.ticket()).hasSize(1);
    }
    assertThat(jdbc.queryForObject("select count(*) from notification_outbox where template = 'SLA_WARNING' "
        + "and complaint_id = ?", Long.class, first.getId())).as("no message per complaint").isZero();
    List<Map<String, Object>> digests = jdbc.queryForList("select recipient_id, subject, body_text, body_html "
        + "from notification_outbox where template = 'SLA_WARNING_DIGEST' and body_text like ?",
        "%" + filed.get(0).ticket() + "%");
    // one to each agent (the demo organisation's agents group), none to anyone else
    assertThat(digests).extracting(m -> m.get("recipient_id")).contains("zhangwei", "lina", "wangfang")
        .doesNotHaveDuplicates();
    for (Map<String, Object> d : digests) {
      assertThat((String) d.get("subject")).contains("3 件投诉").contains("首次响应时限将至");
      for (Filed f : filed) {
        assertThat((String) d.get("body_text")).contains(f.ticket());
        assertThat((String) d.get("body_html")).contains(f.ticket());
      }
      assertThat((String) d.get("body_text")).contains("司马青", "上官燕", "诸葛亮", "2027年3月1日 18:00");
    }
    assertThat(warningSweep.sweep()).isZero();
  }
}
