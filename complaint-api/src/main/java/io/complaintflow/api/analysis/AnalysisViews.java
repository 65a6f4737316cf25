package io.complaintflow.api.analysis;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.complaintflow.process.analysis.Figure;
import io.complaintflow.process.analysis.Figure.Section;
import io.complaintflow.process.analysis.Period;
import io.complaintflow.process.staff.Department;

/**
 * A hot-spot analysis as the API shows it: as JSON with each figure named in the caller's language, or as CSV for
 * Excel (UTF-8 with a byte-order mark, so that Excel reads the Chinese correctly; header row in the caller's language).
 */
@Component
class AnalysisViews {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final MessageSource messages;

  AnalysisViews(MessageSource messages) {
    this.messages = messages;
  }

  /** A figure with what it is called: {@code name} for the subject, {@code sectionName} for its section. */
  record FigureView(String section, String sectionName, String key, String name, Double current, Double previous,
      Double delta) {
  }

  record Analysis(Instant from, Instant to, Instant previousFrom, Instant previousTo, List<FigureView> figures) {
  }

  Analysis analysis(Period period, ZoneId zone, List<Figure> figures, Locale locale) {
    Period previous = period.previous(zone);
    return new Analysis(period.from(), period.to(), previous.from(), previous.to(),
        figures.stream().map(f -> view(f, locale)).toList());
  }

  FigureView view(Figure f, Locale locale) {
    return new FigureView(f.section().name(), text("analysis.section." + f.section(), locale), f.key(), name(f, locale),
        f.current(), f.previous(), f.delta());
  }

  private String name(Figure f, Locale locale) {
    return switch (f.section()) {
      case OVERALL, SATISFACTION -> text("analysis.figure." + f.key(), locale);
      case CATEGORY -> messages.getMessage("analysis.category." + f.key(), null, f.key(), locale);
      case PRODUCT, PER_10K_USERS, PPM -> f.label() == null ? f.key() : f.label() + " (" + f.key() + ")";
      case DEPARTMENT, DEPARTMENT_REPLY_ON_TIME, DEPARTMENT_REPLY_SATISFACTION ->
          messages.getMessage("analysis.department." + f.key(), null, departmentTitle(f.key()), locale);
    };
  }

  private static String departmentTitle(String code) {
    try {
      return Department.of(code).title();
    } catch (IllegalArgumentException unknown) {
      return code;
    }
  }

  /** The CSV file: one row per figure — section, subject, this period, previous period, change. */
  ResponseEntity<byte[]> csv(Period period, ZoneId zone, List<Figure> figures, Locale locale) {
    Period previous = period.previous(zone);
    StringBuilder csv = new StringBuilder("\uFEFF");
    row(csv, text("analysis.csv.section", locale), text("analysis.csv.subject", locale),
        text("analysis.csv.current", locale) + " " + days(period, zone),
        text("analysis.csv.previous", locale) + " " + days(previous, zone), text("analysis.csv.delta", locale));
    for (Figure f : figures) {
      FigureView v = view(f, locale);
      row(csv, v.sectionName(), v.name(), number(f.current()), number(f.previous()), number(f.delta()));
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
    String file = "hot-spot-analysis-" + LocalDate.ofInstant(period.from(), zone) + ".csv";
    return ResponseEntity.ok().contentType(TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
        .body(body.toByteArray());
  }

  /** Whether the caller asked for CSV: {@code format=csv} or {@code Accept: text/csv}. */
  static boolean wantsCsv(String format, String accept) {
    return "csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains("text/csv"));
  }

  private static String days(Period p, ZoneId zone) {
    return LocalDate.ofInstant(p.from(), zone) + "~" + LocalDate.ofInstant(p.to().minusNanos(1), zone);
  }

  private static String number(Double value) {
    return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static void row(StringBuilder csv, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        csv.append(',');
      }
      String cell = cells[i];
      if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
        cell = '"' + cell.replace("\"", "\"\"") + '"';
      }
      csv.append(cell);
    }
    csv.append("\r\n");
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
