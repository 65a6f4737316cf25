package io.complaintflow.process.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.complaintflow.process.reply.ReplySettings.ForbiddenPhrase;

class ForbiddenPhrasesTests {

  private final ForbiddenPhrases phrases = new ForbiddenPhrases(new ReplySettings(List.of(
      new ForbiddenPhrase("没有这回事", "否认客户的陈述", "denies what the customer says"),
      new ForbiddenPhrase("改天我再和你联系", "没有确切时间的承诺", "a promise without a time"),
      new ForbiddenPhrase("肯定不行", "生硬拒绝", "a flat refusal"))));

  @Test
  void findsAPhraseInsideASentence() {
    assertThat(phrases.find("王先生,这个要求肯定不行,请理解。")).map(ForbiddenPhrase::phrase).hasValue("肯定不行");
  }

  @Test
  void seesThroughSpacesPunctuationAndThePoliteYou() {
    assertThat(phrases.find("改天 我再和您联系!")).map(ForbiddenPhrase::phrase).hasValue("改天我再和你联系");
    assertThat(phrases.find("没有,这回事。")).map(ForbiddenPhrase::phrase).hasValue("没有这回事");
    assertThat(phrases.find("肯定　不行")).map(ForbiddenPhrase::phrase).hasValue("肯定不行");
  }

  @Test
  void acceptsAConcreteCourteousReply() {
    assertThat(phrases.find("非常抱歉给您带来不便,我们将于明天 15:00 前为您办理退款 200 元。")).isEmpty();
    assertThat(phrases.find(null)).isEmpty();
  }

  @Test
  void refusesNamingFieldPhraseAndReasonInBothLanguages() {
    assertThatThrownBy(() -> phrases.requireClean("remedyDescription", "处理方案", "这个肯定不行"))
        .isInstanceOf(ForbiddenPhraseException.class)
        .hasMessageContaining("处理方案").hasMessageContaining("肯定不行").hasMessageContaining("生硬拒绝")
        .hasMessageContaining("remedyDescription").hasMessageContaining("a flat refusal")
        .extracting(e -> ((ForbiddenPhraseException) e).field()).isEqualTo("remedyDescription");
  }
}
