package io.complaintflow.notifications.template;

import java.util.Locale;

/** The languages messages exist in: Simplified Chinese (the default) and English. */
public final class Languages {

  public static final String CHINESE = "zh-CN";
  public static final String ENGLISH = "en";

  private Languages() {
  }

  /** {@code en}, {@code en-GB}, {@code EN} → {@code en}; anything else (or nothing) → {@code zh-CN}. */
  public static String normalize(String language) {
    if (language != null && language.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
      return ENGLISH;
    }
    return CHINESE;
  }

  public static Locale locale(String language) {
    return ENGLISH.equals(normalize(language)) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
  }
}
