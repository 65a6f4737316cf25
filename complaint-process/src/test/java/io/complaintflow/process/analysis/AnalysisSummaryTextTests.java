package io.complaintflow.process.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintflow.process.analysis.Figure.Overall;
import io.complaintflow.process.analysis.Figure.Section;

/** The joint meeting's summary shows product names (which customers may have written) as text, never as markup. */
class AnalysisSummaryTextTests {

  @Test
  void productNamesAreShownAsWrittenOnOneLine() throws Exception {
    List<Figure> figures = List.of(
        Figure.of(Section.OVERALL, Overall.COMPLAINTS, null, 12.0, 10.0),
        Figure.of(Section.PRODUCT, "P-1", "净水器 <img src=x onerror=alert(1)>\n# 全额退款 [点此](https://phish.example/)",
            7.0, 2.0),
        Figure.of(Section.PRODUCT, "P-2", "宽带套餐 B", 5.0, 8.0));
    AnalysisReport report = AnalysisReport.generated(new Period(Instant.parse("2026-10-01T00:00:00Z"),
        Instant.parse("2026-11-01T00:00:00Z")), Instant.parse("2026-11-01T01:00:00Z"), "schedule",
        new ObjectMapper().writeValueAsString(figures));

    String summary = new AnalysisReports(null, null, Clock.systemUTC()).summary(report);

    assertThat(summary).doesNotContain("<img").doesNotContain("[点此]").doesNotContain("\n# ");
    assertThat(summary).contains("- 投诉总数:12(上期 10)")
        .contains("- 投诉最多的产品:净水器 &lt;img src=x onerror=alert(1)> # 全额退款 &#91;点此](https://phish.example/) 7、"
            + "宽带套餐 B 5");
  }
}
