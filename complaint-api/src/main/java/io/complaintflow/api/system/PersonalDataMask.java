package io.complaintflow.api.system;

import java.util.regex.Pattern;

/**
 * Masks personal data in text bound for logs: e-mail addresses ({@code w***@example.com}), mainland mobile numbers
 * ({@code 138****8000}, also with {@code +86} and separators), landline numbers ({@code 010-****5678}) and 18-digit
 * resident ID numbers 身份证号 ({@code 110105********123X}: the birth date hidden). Precompiled patterns, and text
 * without a digit or an {@code @} is returned as it is.
 */
public final class PersonalDataMask {

  private static final Pattern EMAIL = Pattern.compile(
      "([A-Za-z0-9_%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");
  private static final Pattern ID_NUMBER = Pattern.compile(
      "(?<![0-9A-Za-z])([1-9]\\d{5})(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])(\\d{3}[0-9Xx])"
          + "(?![0-9A-Za-z])");
  private static final Pattern MOBILE = Pattern.compile(
      "(?<![0-9A-Za-z])((?:\\+?86[ -]?)?1[3-9]\\d)[ -]?\\d{4}[ -]?(\\d{4})(?![0-9A-Za-z])");
  private static final Pattern LANDLINE = Pattern.compile("(?<![0-9A-Za-z])(0\\d{2,3}-)\\d{3,4}(\\d{4})(?![0-9A-Za-z])");

  private PersonalDataMask() {
  }

  public static String mask(String text) {
    if (text == null || !worthLooking(text)) {
      return text;
    }
    String s = text;
    if (s.indexOf('@') >= 0) {
      s = EMAIL.matcher(s).replaceAll("$1***@$2");
    }
    s = ID_NUMBER.matcher(s).replaceAll("$1********$2");
    s = MOBILE.matcher(s).replaceAll("$1****$2");
    return LANDLINE.matcher(s).replaceAll("$1****$2");
  }

  private static boolean worthLooking(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '@' || (c >= '0' && c <= '9')) {
        return true;
      }
    }
    return false;
  }
}
