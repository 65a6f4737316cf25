package io.complaintflow.process.linkage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.complaintflow.process.staff.Department;

/**
 * How departments answer inquiries (联动机制's measures, seed 002 J.2): reply on-time rate 回复及时率 and reply
 * satisfaction 回复满意度, for inquiries sent in a period.
 */
@Service
public class DepartmentPerformance {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public DepartmentPerformance(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * One department's figures.
   *
   * @param inquiries inquiries sent to it in the period
   * @param replied of these, answered so far
   * @param repliedOnTime answered by their deadline
   * @param overdueOpen not answered and past their deadline
   * @param onTimeRate repliedOnTime / (replied + overdueOpen): an overdue open inquiry counts as late; {@code null}
   *     when nothing was due yet
   * @param averageSatisfaction mean rating (1–5) of the rated replies, {@code null} when none
   */
  public record Figures(String department, String title, long inquiries, long replied, long repliedOnTime,
      long overdueOpen, Double onTimeRate, Double averageSatisfaction, long rated) {
  }

  /** Figures per department for inquiries requested in [from, to). */
  public List<Figures> between(Instant from, Instant to) {
    return between(from, to, null);
  }

  /**
   * Figures per department for inquiries requested in [from, to) about complaints whose handling process runs (or
   * ran) the given process definition; all complaints when it is {@code null}.
   */
  public List<Figures> between(Instant from, Instant to, String handlingProcessDefinitionId) {
    Timestamp now = Timestamp.from(clock.instant());
    String scope = handlingProcessDefinitionId == null ? "" : """
         and exists (select 1 from complaint c join ACT_HI_PROCINST h on h.ID_ = c.process_instance_id
                      where c.id = department_inquiry.complaint_id and h.PROC_DEF_ID_ = ?)""";
    List<Figures> result = new ArrayList<>();
    for (Department d : Department.values()) {
      Figures f = jdbc.queryForObject("""
          select count(*) as inquiries,
                 count(replied_at) as replied,
                 sum(case when replied_at is not null and replied_at <= due_at then 1 else 0 end) as on_time,
                 sum(case when replied_at is null and due_at < ? then 1 else 0 end) as overdue_open,
                 avg(cast(satisfaction as double precision)) as satisfaction,
                 count(satisfaction) as rated
            from department_inquiry
           where department = ? and requested_at >= ? and requested_at < ?""" + scope,
          (rs, n) -> {
            long replied = rs.getLong("replied");
            long onTime = rs.getLong("on_time");
            long overdue = rs.getLong("overdue_open");
            double satisfaction = rs.getDouble("satisfaction");
            boolean anyRating = !rs.wasNull();
            Double rate = replied + overdue == 0 ? null : (double) onTime / (replied + overdue);
            return new Figures(d.name(), d.title(), rs.getLong("inquiries"), replied, onTime, overdue, rate,
                anyRating ? satisfaction : null, rs.getLong("rated"));
          },
          handlingProcessDefinitionId == null
              ? new Object[] {now, d.name(), Timestamp.from(from), Timestamp.from(to)}
              : new Object[] {now, d.name(), Timestamp.from(from), Timestamp.from(to), handlingProcessDefinitionId});
      result.add(f);
    }
    return result;
  }
}
