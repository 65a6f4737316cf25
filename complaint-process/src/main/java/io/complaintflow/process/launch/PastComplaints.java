package io.complaintflow.process.launch;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import io.complaintflow.process.forms.MarkdownText;

/**
 * The complaints on products like a new one: the same product code (a relaunch, a new version) or the same product
 * line in the catalogue. What customer service reviews a launch against.
 */
@Service
public class PastComplaints {

  /** What was found: how many, per category, and the most recent ones. */
  public record Found(int total, List<CategoryCount> categories, List<Example> examples) {

    /**
     * As Markdown for the task forms (zh-CN). What customers wrote (product name, summary) is shown as the text it is:
     * on one line, with no markup or link of theirs rendered.
     */
    public String text() {
      if (total == 0) {
        return "同类产品暂无历史投诉。";
      }
      StringBuilder s = new StringBuilder("同类产品共有 " + total + " 件历史投诉。\n\n按类别:");
      s.append(String.join("、", categories.stream().map(c -> c.category() + " " + c.count() + " 件").toList()));
      s.append("\n\n最近的投诉:\n");
      examples.forEach(e -> s.append("- ").append(e.ticket()).append("(").append(e.receivedOn()).append(",")
          .append(MarkdownText.plain(e.productName())).append(",").append(e.category()).append("):").append(MarkdownText.plain(e.summary()))
          .append('\n'));
      return s.toString().strip();
    }
  }

  public record CategoryCount(String category, long count) {
  }

  public record Example(String ticket, LocalDate receivedOn, String productName, String category, String summary) {
  }

  private static final String SAME_CODE = " from complaint c where c.product_code = :code";
  private static final String SAME_LINE = " or c.product_code in (select p.code from product p where p.product_line = :line)";

  private final NamedParameterJdbcTemplate jdbc;

  public PastComplaints(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Found similarTo(String productCode, String productLine, int examples, ZoneId zone) {
    MapSqlParameterSource params = new MapSqlParameterSource().addValue("code", productCode)
        .addValue("line", productLine).addValue("limit", examples);
    String similar = productLine == null ? SAME_CODE : SAME_CODE + SAME_LINE;
    List<CategoryCount> categories = new ArrayList<>();
    jdbc.query("select coalesce(c.category, '未分类') as category, count(*) as n" + similar
        + " group by coalesce(c.category, '未分类') order by n desc, category", params,
        rs -> {
          categories.add(new CategoryCount(rs.getString("category"), rs.getLong("n")));
        });
    List<Example> recent = jdbc.query("select c.ticket, c.received_at, c.product_name, coalesce(c.category, '未分类') "
        + "as category, c.description" + similar + " order by c.received_at desc, c.id desc limit :limit", params,
        (rs, n) -> new Example(rs.getString("ticket"),
            LocalDate.ofInstant(rs.getTimestamp("received_at").toInstant(), zone), rs.getString("product_name"),
            rs.getString("category"), shorten(rs.getString("description"))));
    int total = (int) categories.stream().mapToLong(CategoryCount::count).sum();
    return new Found(total, categories, recent);
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.codePointCount(0, oneLine.length()) <= 60 ? oneLine
        : oneLine.substring(0, oneLine.offsetByCodePoints(0, 60)) + "…";
  }
}
