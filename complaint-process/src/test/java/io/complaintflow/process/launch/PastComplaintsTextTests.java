package io.complaintflow.process.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.complaintflow.process.forms.MarkdownText;
import io.complaintflow.process.launch.PastComplaints.CategoryCount;
import io.complaintflow.process.launch.PastComplaints.Example;
import io.complaintflow.process.launch.PastComplaints.Found;

/** What customers wrote reaches the launch review form as text, never as markup of theirs. */
class PastComplaintsTextTests {

  @Test
  void customerTextIsShownAsWrittenOnOneLine() {
    Found found = new Found(2, List.of(new CategoryCount("QUALITY", 2)), List.of(
        new Example("CF-20261101-000001", LocalDate.of(2026, 11, 1), "电饭煲 <img src=x onerror=alert(1)>", "QUALITY",
            "内胆裂了\n# 立即退款 [点此领取](https://phish.example/) ![t](https://tracker.example/p.png)"),
        new Example("CF-20261102-000002", LocalDate.of(2026, 11, 2), "电饭煲 RC-2026", "QUALITY", "按键失灵")));

    String text = found.text();

    assertThat(text).doesNotContain("<img").doesNotContain("[点此领取]").doesNotContain("![t]")
        .doesNotContain("\n# ");
    assertThat(text).contains("- CF-20261101-000001(2026-11-01,电饭煲 &lt;img src=x onerror=alert(1)>,QUALITY):"
        + "内胆裂了 # 立即退款 &#91;点此领取](https://phish.example/) !&#91;t](https://tracker.example/p.png)");
    assertThat(text).contains("- CF-20261102-000002(2026-11-02,电饭煲 RC-2026,QUALITY):按键失灵");
    assertThat(text).startsWith("同类产品共有 2 件历史投诉。");
  }

  @Test
  void ordinaryTextIsUnchanged() {
    assertThat(MarkdownText.plain("内胆有裂纹,已拍照 (3 张)")).isEqualTo("内胆有裂纹,已拍照 (3 张)");
    assertThat(MarkdownText.plain(null)).isEmpty();
  }
}
