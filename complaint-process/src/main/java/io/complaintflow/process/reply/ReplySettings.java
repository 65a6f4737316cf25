package io.complaintflow.process.reply;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Phrases staff must never say to a complaining customer (禁语), from configuration
 * ({@code complaintflow.replies.forbidden-phrases}), each with the reason it does harm.
 */
@ConfigurationProperties("complaintflow.replies")
public record ReplySettings(List<ForbiddenPhrase> forbiddenPhrases) {

  public ReplySettings {
    forbiddenPhrases = forbiddenPhrases == null ? List.of() : List.copyOf(forbiddenPhrases);
  }

  /**
   * @param phrase the phrase as people write it; matching ignores spaces and punctuation and treats 您 as 你
   * @param reason why it is forbidden, in Chinese
   * @param reasonEn why it is forbidden, in English
   */
  public record ForbiddenPhrase(String phrase, String reason, String reasonEn) {
  }
}
