package io.complaintflow.api.complaint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person wrote: no control characters (line breaks and tabs excepted), no unpaired surrogates, no
 * zero-width or bidirectional-override characters that would disguise what staff and customers read. The zero-width
 * joiner is allowed where emoji use it, between two emoji (👩‍👩‍👧, 👨🏽‍💻, 🏳️‍🌈).
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

  String message() default "{validation.plainText}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PlainText, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      for (int i = 0; i < value.length(); i++) {
        char ch = value.charAt(i);
        if (Character.isHighSurrogate(ch)) {
          if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
            return false;
          }
          i++;
          continue;
        }
        if (Character.isLowSurrogate(ch)) {
          return false;
        }
        if (ch == '\n' || ch == '\r' || ch == '\t') {
          continue;
        }
        if (ch == '\u200D' && joinsEmoji(value, i)) {
          continue;
        }
        if (Character.isISOControl(ch) || isInvisibleFormatting(ch)) {
          return false;
        }
      }
      return true;
    }

    /** The joiner at {@code i} stands between an emoji (or its modifier) and another emoji. */
    private static boolean joinsEmoji(String value, int i) {
      if (i == 0 || i + 1 >= value.length()) {
        return false;
      }
      int before = value.codePointBefore(i);
      int after = value.codePointAt(i + 1);
      return (isEmoji(before) || before == 0xFE0F || (before >= 0x1F3FB && before <= 0x1F3FF)) && isEmoji(after);
    }

    private static boolean isEmoji(int codePoint) {
      return Character.getType(codePoint) == Character.OTHER_SYMBOL;
    }

    private static boolean isInvisibleFormatting(char ch) {
      return (ch >= '\u200B' && ch <= '\u200F') || (ch >= '\u202A' && ch <= '\u202E')
          || (ch >= '\u2066' && ch <= '\u2069') || ch == '\uFEFF';
    }
  }
}
