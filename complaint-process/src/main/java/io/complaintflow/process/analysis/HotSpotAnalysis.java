package io.complaintflow.process.analysis;

import static io.complaintflow.process.analysis.Figure.Overall.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import io.complaintflow.process.analysis.Figure.Section;
import io.complaintflow.process.calendar.BusinessCalendar;
import io.complaintflow.process.linkage.DepartmentPerformance;

/**
 * The hot-spot analysis (热点分析, seed 002 J.3 分析机制): what went wrong how often in a period, and whether it got
 * better or worse than in the previous period. Computed with SQL over the complaint records; see {@link Section} for
 * the figures.
 *
 * <p>Definitions (all over complaints <em>received</em> in the period unless said otherwise):
 * <ul>
 * <li><b>First-contact resolution rate</b> 一次解决率: of the complaints closed as resolved, the share that was closed
 * without any department inquiry, joint consultation or escalation (SLA escalation, a declined remedy referred up, a
 * customer's demand) and was never reopened.</li>
 * <li><b>First-response on-time rate</b>: responded by the first-response due time, of those responded or past due.
 * <b>Resolution on-time rate</b>: closed by the resolution due time, of those closed or past due. Open complaints
 * past their due time count as late.</li>
 * <li><b>SLA breach rate</b>: share with a first-response or resolution breach recorded. <b>Escalation rate</b>:
 * share escalated at any time. <b>Reopen rate</b>: share reopened at least once.</li>
 * <li><b>万用户投诉比</b>: complaints about a product per 10,000 users, the user base being the mean of the monthly user
 * bases given for the months the period touches. <b>PPM</b>: complaints per million units shipped in those months.</li>
 * <li><b>Satisfaction</b>: revisit surveys answered in the period. <b>Department replies</b>: inquiries sent in the
 * period (see {@link DepartmentPerformance}).</li>
 * </ul>
 */
@Service
public class HotSpotAnalysis {

  /** How many categories, products and departments a report ranks. */
  public static final int TOP = 5;

  private static final String ESCALATED = """
      (c.escalation_level is not null or exists (select 1 from complaint_event e where e.complaint_id = c.id
        and e.type in ('ESCALATED', 'ESCALATION_DEMANDED')))""";
  private static final String REOPENED = """
      (c.reopen_count > 0 or exists (select 1 from complaint_event e where e.complaint_id = c.id and e.type = 'REOPENED'))""";
  private static final String RESOLVED_AT_FIRST_CONTACT = """
      c.status = 'CLOSED' and c.closure_reason = 'RESOLVED' and not %s and not %s
        and not exists (select 1 from department_inquiry i where i.complaint_id = c.id)
        and not exists (select 1 from complaint_event e where e.complaint_id = c.id and e.type = 'CONSULTATION_STARTED')"""
      .formatted(ESCALATED, REOPENED);

  private final NamedParameterJdbcTemplate jdbc;
  private final DepartmentPerformance departments;
  private final ZoneId zone;
  private final Clock clock;

  public HotSpotAnalysis(NamedParameterJdbcTemplate jdbc, DepartmentPerformance departments, BusinessCalendar calendar,
      Clock clock) {
    this.jdbc = jdbc;
    this.departments = departments;
    this.zone = calendar.zone();
    this.clock = clock;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The figures of a period, each with its value in the previous period. */
  public List<Figure> figures(Period period) {
    Period previous = period.previous(zone);
    List<Figure> figures = new ArrayList<>();
    pair(figures, Section.OVERALL, overall(period), overall(previous), List.of(COMPLAINTS, CLOSED,
        FIRST_CONTACT_RESOLUTION_RATE, FIRST_RESPONSE_ON_TIME_RATE, RESOLUTION_ON_TIME_RATE, SLA_BREACH_RATE,
        ESCALATION_RATE, REOPEN_RATE, DEPARTMENT_REPLY_ON_TIME_RATE, DEPARTMENT_REPLY_SATISFACTION));
    top(figures, Section.CATEGORY, "coalesce(c.category, 'UNCLASSIFIED')", period, previous);
    top(figures, Section.PRODUCT, "coalesce(c.product_code, c.product_name)", period, previous);
    top(figures, Section.DEPARTMENT, "coalesce(c.department, 'UNCLASSIFIED')", period, previous);
    ratios(figures, period, previous);
    pair(figures, Section.SATISFACTION, satisfaction(period), satisfaction(previous), List.of(SURVEYS, CHANNEL_EASE,
        STAFF_ATTITUDE, HANDLING_TIME, HANDLING_RESULT, SATISFIED_RATE));
    Map<String, DepartmentPerformance.Figures> now = byDepartment(period);
    Map<String, DepartmentPerformance.Figures> before = byDepartment(previous);
    for (String d : now.keySet()) {
      if (now.get(d).inquiries() + before.get(d).inquiries() > 0) {
        figures.add(Figure.of(Section.DEPARTMENT_REPLY_ON_TIME, d, null, now.get(d).onTimeRate(),
            before.get(d).onTimeRate()));
        figures.add(Figure.of(Section.DEPARTMENT_REPLY_SATISFACTION, d, null, now.get(d).averageSatisfaction(),
            before.get(d).averageSatisfaction()));
      }
    }
    return figures;
  }

  private static void pair(List<Figure> figures, Section section, Map<String, Double> now, Map<String, Double> before,
      List<String> keys) {
    keys.forEach(k -> figures.add(Figure.of(section, k, null, now.get(k), before.get(k))));
  }

  private Map<String, Double> overall(Period p) {
    Map<String, Double> f = jdbc.queryForObject("""
        select count(*) as total,
               sum(case when c.status = 'CLOSED' then 1 else 0 end) as closed,
               sum(case when c.status = 'CLOSED' and c.closure_reason = 'RESOLVED' then 1 else 0 end) as resolved,
               sum(case when %s then 1 else 0 end) as first_contact,
               sum(case when c.first_responded_at <= c.first_response_due_at then 1 else 0 end) as fr_on_time,
               sum(case when c.first_responded_at is not null or c.first_response_due_at < :now then 1 else 0 end)
                 as fr_measured,
               sum(case when c.closed_at <= c.resolution_due_at then 1 else 0 end) as res_on_time,
               sum(case when c.closed_at is not null or c.resolution_due_at < :now then 1 else 0 end) as res_measured,
               sum(case when c.first_response_breached_at is not null or c.resolution_breached_at is not null
                 then 1 else 0 end) as breached,
               sum(case when %s then 1 else 0 end) as escalated,
               sum(case when %s then 1 else 0 end) as reopened
          from complaint c
         where c.received_at >= :from and c.received_at < :to""".formatted(RESOLVED_AT_FIRST_CONTACT, ESCALATED,
        REOPENED), params(p), (rs, n) -> {
          Map<String, Double> m = new LinkedHashMap<>();
          long total = rs.getLong("total");
          m.put(COMPLAINTS, (double) total);
          m.put(CLOSED, (double) rs.getLong("closed"));
          m.put(FIRST_CONTACT_RESOLUTION_RATE, rate(rs.getLong("first_contact"), rs.getLong("resolved")));
          m.put(FIRST_RESPONSE_ON_TIME_RATE, rate(rs.getLong("fr_on_time"), rs.getLong("fr_measured")));
          m.put(RESOLUTION_ON_TIME_RATE, rate(rs.getLong("res_on_time"), rs.getLong("res_measured")));
          m.put(SLA_BREACH_RATE, rate(rs.getLong("breached"), total));
          m.put(ESCALATION_RATE, rate(rs.getLong("escalated"), total));
          m.put(REOPEN_RATE, rate(rs.getLong("reopened"), total));
          return m;
        });
    long inquiries = 0;
    long onTime = 0;
    long due = 0;
    long rated = 0;
    double ratingSum = 0;
    for (DepartmentPerformance.Figures d : byDepartment(p).values()) {
      inquiries += d.inquiries();
      onTime += d.repliedOnTime();
      due += d.replied() + d.overdueOpen();
      rated += d.rated();
      ratingSum += d.averageSatisfaction() == null ? 0 : d.averageSatisfaction() * d.rated();
    }
    f.put(DEPARTMENT_REPLY_ON_TIME_RATE, inquiries == 0 ? null : rate(onTime, due));
    f.put(DEPARTMENT_REPLY_SATISFACTION, rated == 0 ? null : ratingSum / rated);
    return f;
  }

  private Map<String, Double> satisfaction(Period p) {
    return jdbc.queryForObject("""
        select count(*) as surveys,
               avg(cast(channel_ease as double precision)) as channel_ease,
               avg(cast(staff_attitude as double precision)) as staff_attitude,
               avg(cast(handling_time as double precision)) as handling_time,
               avg(cast(handling_result as double precision)) as handling_result,
               sum(case when satisfied then 1 else 0 end) as satisfied,
               count(satisfied) as judged
          from revisit_survey
         where answered_at >= :from and answered_at < :to""", params(p), (rs, n) -> {
          Map<String, Double> m = new LinkedHashMap<>();
          m.put(SURVEYS, (double) rs.getLong("surveys"));
          m.put(CHANNEL_EASE, nullableDouble(rs, "channel_ease"));
          m.put(STAFF_ATTITUDE, nullableDouble(rs, "staff_attitude"));
          m.put(HANDLING_TIME, nullableDouble(rs, "handling_time"));
          m.put(HANDLING_RESULT, nullableDouble(rs, "handling_result"));
          m.put(SATISFIED_RATE, rate(rs.getLong("satisfied"), rs.getLong("judged")));
          return m;
        });
  }

  /** The top {@link #TOP} subjects of the period by complaints, with their counts in the previous period. */
  private void top(List<Figure> figures, Section section, String subject, Period period, Period previous) {
    Map<String, Counted> now = counts(subject, period);
    Map<String, Counted> before = counts(subject, previous);
    now.values().stream()
        .sorted(Comparator.comparingLong(Counted::count).reversed().thenComparing(Counted::key))
        .limit(TOP)
        .forEach(c -> figures.add(Figure.of(section, c.key(), section == Section.PRODUCT ? c.label() : null,
            (double) c.count(), before.containsKey(c.key()) ? before.get(c.key()).count() : 0d)));
  }

  private record Counted(String key, String label, long count) {
  }

  private Map<String, Counted> counts(String subject, Period p) {
    Map<String, Counted> counts = new LinkedHashMap<>();
    jdbc.query("""
        select %s as subject, max(c.product_name) as label, count(*) as complaints
          from complaint c
         where c.received_at >= :from and c.received_at < :to
         group by %s""".formatted(subject, subject), params(p), rs -> {
          String key = rs.getString("subject");
          counts.put(key, new Counted(key, rs.getString("label"), rs.getLong("complaints")));
        });
    return counts;
  }

  /** 万用户投诉比 and PPM of the products whose user base or units shipped are known for the period. */
  private void ratios(List<Figure> figures, Period period, Period previous) {
    Map<String, Ratio> now = ratios(period);
    Map<String, Ratio> before = ratios(previous);
    addRatios(figures, Section.PER_10K_USERS, now, before, Ratio::per10kUsers);
    addRatios(figures, Section.PPM, now, before, Ratio::ppm);
  }

  private static void addRatios(List<Figure> figures, Section section, Map<String, Ratio> now,
      Map<String, Ratio> before, Function<Ratio, Double> value) {
    now.values().stream().filter(r -> value.apply(r) != null)
        .sorted(Comparator.comparing(value).reversed().thenComparing(Ratio::product))
        .forEach(r -> figures.add(Figure.of(section, r.product(), r.name(), value.apply(r),
            before.containsKey(r.product()) ? value.apply(before.get(r.product())) : null)));
  }

  private record Ratio(String product, String name, long complaints, Double users, Long unitsShipped) {
    Double per10kUsers() {
      return users == null || users <= 0 ? null : complaints * 10_000d / users;
    }

    Double ppm() {
      return unitsShipped == null || unitsShipped <= 0 ? null : complaints * 1_000_000d / unitsShipped;
    }
  }

  private Map<String, Ratio> ratios(Period p) {
    MapSqlParameterSource params = params(p).addValue("months", p.months(zone));
    Map<String, Ratio> ratios = new LinkedHashMap<>();
    jdbc.query("""
        select m.product_code,
               coalesce(max(pr.name), m.product_code) as name,
               avg(cast(m.users as double precision)) as users,
               sum(m.units_shipped) as units,
               (select count(*) from complaint c where c.product_code = m.product_code
                   and c.received_at >= :from and c.received_at < :to) as complaints
          from product_month m left join product pr on pr.code = m.product_code
         where m.sales_month in (:months)
         group by m.product_code""", params, rs -> {
          String code = rs.getString("product_code");
          long units = rs.getLong("units");
          Long unitsShipped = rs.wasNull() ? null : units;
          ratios.put(code, new Ratio(code, rs.getString("name"), rs.getLong("complaints"),
              nullableDouble(rs, "users"), unitsShipped));
        });
    return ratios;
  }

  private Map<String, DepartmentPerformance.Figures> byDepartment(Period p) {
    Map<String, DepartmentPerformance.Figures> m = new LinkedHashMap<>();
    departments.between(p.from(), p.to()).forEach(f -> m.put(f.department(), f));
    return m;
  }

  private MapSqlParameterSource params(Period p) {
    return new MapSqlParameterSource().addValue("from", Timestamp.from(p.from())).addValue("to", Timestamp.from(p.to()))
        .addValue("now", Timestamp.from(clock.instant()));
  }

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }
}
