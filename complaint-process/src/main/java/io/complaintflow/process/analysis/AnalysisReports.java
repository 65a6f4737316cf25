package io.complaintflow.process.analysis;

import static io.complaintflow.process.analysis.Figure.Overall.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintflow.process.analysis.Figure.Section;
import io.complaintflow.process.forms.MarkdownText;

/** Generates and stores hot-spot analysis reports, and reads them back. */
@Service
@EnableConfigurationProperties(AnalysisSettings.class)
public class AnalysisReports {

  /** Actor of the monthly, scheduled run. */
  public static final String SCHEDULE = "schedule";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> OVERALL_TEXT = Map.of(
      COMPLAINTS, "投诉总数", FIRST_CONTACT_RESOLUTION_RATE, "一次解决率", FIRST_RESPONSE_ON_TIME_RATE, "首次响应及时率",
      RESOLUTION_ON_TIME_RATE, "解决及时率", SLA_BREACH_RATE, "超时率", ESCALATION_RATE, "升级率", REOPEN_RATE, "重开率",
      DEPARTMENT_REPLY_ON_TIME_RATE, "部门回复及时率", HANDLING_RESULT, "处理结果满意度(1–5)");

  private final HotSpotAnalysis analysis;
  private final AnalysisReportRepository reports;
  private final Clock clock;

  public AnalysisReports(HotSpotAnalysis analysis, AnalysisReportRepository reports, Clock clock) {
    this.analysis = analysis;
    this.reports = reports;
    this.clock = clock;
  }

  public ZoneId zone() {
    return analysis.zone();
  }

  /** The period a run without one analyses: the last calendar month. */
  public Period defaultPeriod() {
    return Period.lastMonth(clock.instant(), analysis.zone());
  }

  public AnalysisReport generate(Period period, String by) {
    try {
      return reports.save(AnalysisReport.generated(period, clock.instant(), by,
          JSON.writeValueAsString(analysis.figures(period))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("figures not serializable", e);
    }
  }

  public Optional<AnalysisReport> find(long id) {
    return reports.findById(id);
  }

  public AnalysisReport report(long id) {
    return reports.findById(id).orElseThrow(() -> new IllegalStateException("no analysis report " + id));
  }

  public List<AnalysisReport> all() {
    return reports.findAllByOrderByGeneratedAtDescIdDesc();
  }

  public AnalysisReport save(AnalysisReport report) {
    return reports.save(report);
  }

  public static List<Figure> figuresOf(AnalysisReport report) {
    try {
      return JSON.readValue(report.getFigures(), new TypeReference<List<Figure>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored figures of report " + report.getId() + " unreadable", e);
    }
  }

  /** The period as people say it: 2026-10-01 至 2026-10-31 (the last day included). */
  public String periodText(Period p) {
    LocalDate from = LocalDate.ofInstant(p.from(), zone());
    LocalDate last = LocalDate.ofInstant(p.to().minusNanos(1), zone());
    return from + " 至 " + last;
  }

  /**
   * The key figures of a report as Markdown for the joint meeting's task form (zh-CN, like the forms). Product names
   * may be what customers wrote: they are shown as plain text.
   */
  public String summary(AnalysisReport report) {
    List<Figure> figures = figuresOf(report);
    StringBuilder text = new StringBuilder();
    for (Figure f : figures) {
      if ((f.section() == Section.OVERALL || f.section() == Section.SATISFACTION) && OVERALL_TEXT.containsKey(f.key())) {
        boolean count = COMPLAINTS.equals(f.key());
        boolean score = HANDLING_RESULT.equals(f.key());
        text.append("- ").append(OVERALL_TEXT.get(f.key())).append(":").append(format(f.current(), count, score))
            .append("(上期 ").append(format(f.previous(), count, score)).append(")\n");
      }
    }
    appendTop(text, figures, Section.CATEGORY, "投诉最多的类别");
    appendTop(text, figures, Section.PRODUCT, "投诉最多的产品");
    appendTop(text, figures, Section.PER_10K_USERS, "万用户投诉比最高的产品");
    return text.toString().strip();
  }

  private static void appendTop(StringBuilder text, List<Figure> figures, Section section, String title) {
    List<String> top = figures.stream().filter(f -> f.section() == section).limit(3)
        .map(f -> MarkdownText.plain(f.label() == null ? f.key() : f.label()) + " " + format(f.current(), section != Section.PER_10K_USERS,
            section == Section.PER_10K_USERS))
        .toList();
    if (!top.isEmpty()) {
      text.append("- ").append(title).append(":").append(String.join("、", top)).append('\n');
    }
  }

  private static String format(Double value, boolean count, boolean plain) {
    if (value == null) {
      return "—";
    }
    if (count) {
      return String.valueOf(Math.round(value));
    }
    return plain ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.1f%%", value * 100);
  }
}
