package io.complaintflow.api.privacy;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Erases one customer's personal data from a text: their name, phone numbers and email addresses as we know them,
 * and anything that looks like a mainland ID number (居民身份证号), a mobile number or an email address. Everything
 * else of the text (what happened, what was done) stays.
 */
final class PersonalData {

  /** What personal data are replaced with. */
  static final String ERASED = "[已匿名]";

  private static final List<Pattern> PATTERNS = List.of(
      // 18-digit resident ID (last character may be X) and the old 15-digit one
      Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{16}[0-9Xx](?![0-9A-Za-z])"),
      Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{14}(?![0-9A-Za-z])"),
      // mainland mobile numbers, with or without +86 and separators
      Pattern.compile("(?<![0-9])(?:\\+?86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}(?![0-9])"),
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"));

  private final List<String> known;

  /** The customer's own name(s), phone number(s) and email address(es) as stored. */
  PersonalData(Collection<String> known) {
    this.known = known.stream().filter(Objects::nonNull).map(String::strip).filter(s -> s.length() >= 2)
        .filter(s -> !s.equals(ERASED)).distinct()
        // longest first: "王建国" before a shorter token it contains
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /** The text without the personal data; {@code null} stays {@code null}. */
  String scrub(String text) {
    String s = scrubKnown(text);
    if (s == null || s.isEmpty()) {
      return s;
    }
    for (Pattern p : PATTERNS) {
      s = p.matcher(s).replaceAll(Matcher.quoteReplacement(ERASED));
    }
    return s;
  }

  /**
   * The text without this customer's known name, phones and emails, but nothing else: for texts about many complaints,
   * where another customer's number or a figure that looks like one must stay.
   */
  String scrubKnown(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = text;
    for (String k : known) {
      s = s.replace(k, ERASED);
    }
    return s;
  }

  /** The known identifiers, for a search with {@code like}. */
  List<String> known() {
    return known;
  }
}
