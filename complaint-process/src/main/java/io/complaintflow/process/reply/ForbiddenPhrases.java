package io.complaintflow.process.reply;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.complaintflow.process.reply.ReplySettings.ForbiddenPhrase;

/**
 * Checks what staff write to customers against the forbidden phrases (禁语) of the complaint-handling manual
 * (seed 001: 没有这回事, 改天我再和你联系, 我不太清楚, 总会有办法的, 肯定不行 …).
 *
 * <p>Matching survives the usual ways of slipping past a list: spaces and punctuation inside the phrase, full-width
 * characters, and the polite 您 for 你.
 */
@Component
@EnableConfigurationProperties(ReplySettings.class)
public class ForbiddenPhrases {

  private record Compiled(String normalized, ForbiddenPhrase phrase) {
  }

  private final List<Compiled> phrases;

  public ForbiddenPhrases(ReplySettings settings) {
    this.phrases = settings.forbiddenPhrases().stream()
        .map(p -> new Compiled(normalize(p.phrase()), p))
        .filter(c -> !c.normalized().isEmpty())
        .toList();
  }

  public List<ForbiddenPhrase> all() {
    return phrases.stream().map(Compiled::phrase).toList();
  }

  /** The first forbidden phrase the text contains, if any. */
  public Optional<ForbiddenPhrase> find(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String normalized = normalize(text);
    return phrases.stream().filter(c -> normalized.contains(c.normalized())).map(Compiled::phrase).findFirst();
  }

  /** Refuses a reply with a forbidden phrase, naming the field (its key and the label staff see). */
  public void requireClean(String field, String fieldLabel, String text) {
    find(text).ifPresent(p -> {
      throw new ForbiddenPhraseException(field, fieldLabel, p);
    });
  }

  static String normalize(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(nfkc.length());
    nfkc.codePoints()
        .filter(cp -> Character.isLetterOrDigit(cp))
        .map(cp -> cp == '您' ? '你' : Character.toLowerCase(cp))
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
