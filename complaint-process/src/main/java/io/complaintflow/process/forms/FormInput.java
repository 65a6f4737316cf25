package io.complaintflow.process.forms;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads what a Camunda Form submitted, whatever JavaScript type Tasklist sent it as, and refuses missing or malformed
 * values with a {@link FormInputException} that names the field.
 */
public final class FormInput {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final VariableScope scope;

  private FormInput(VariableScope scope) {
    this.scope = scope;
  }

  public static FormInput of(VariableScope scope) {
    return new FormInput(scope);
  }

  public String text(String key, String label, int maxLength) {
    Object value = scope.getVariable(key);
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw new FormInputException(key, "「" + label + "」不能超过 " + maxLength + " 个字",
          "'" + key + "' must not be longer than " + maxLength + " characters");
    }
    return text;
  }

  public String requiredText(String key, String label, int maxLength) {
    String text = text(key, label, maxLength);
    if (text == null) {
      throw required(key, label);
    }
    return text;
  }

  public String requiredChoice(String key, String label, Set<String> allowed) {
    String value = requiredText(key, label, 64);
    if (!allowed.contains(value)) {
      throw new FormInputException(key, "「" + label + "」的取值无效:" + value,
          "'" + key + "' must be one of " + allowed + ", not " + value);
    }
    return value;
  }

  public Boolean bool(String key) {
    Object value = scope.getVariable(key);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && !s.isBlank()) {
      return Boolean.parseBoolean(s.strip());
    }
    return null;
  }

  public boolean bool(String key, boolean defaultValue) {
    Boolean value = bool(key);
    return value == null ? defaultValue : value;
  }

  public boolean requiredBool(String key, String label) {
    Boolean value = bool(key);
    if (value == null) {
      throw required(key, label);
    }
    return value;
  }

  public BigDecimal amount(String key, String label) {
    Object value = scope.getVariable(key);
    BigDecimal amount;
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    } else if (value instanceof Number n) {
      amount = new BigDecimal(n.toString());
    } else {
      try {
        amount = new BigDecimal(value.toString().strip());
      } catch (NumberFormatException e) {
        throw new FormInputException(key, "「" + label + "」不是有效金额", "'" + key + "' is not an amount");
      }
    }
    if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("100000000")) >= 0) {
      throw new FormInputException(key, "「" + label + "」须为 0 至 1 亿之间、最多两位小数的金额",
          "'" + key + "' must be an amount between 0 and 100,000,000 with at most two decimals");
    }
    return amount;
  }

  /** A score of 1 to 5, from a select (a string) or the REST API (a number). */
  public int requiredScore(String key, String label) {
    Object value = scope.getVariable(key);
    if (value == null || value.toString().isBlank()) {
      throw required(key, label);
    }
    try {
      int score = value instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue()
          : Integer.parseInt(value.toString().strip());
      if (score >= 1 && score <= 5) {
        return score;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new FormInputException(key, "「" + label + "」须为 1 至 5 分", "'" + key + "' must be a score from 1 to 5");
  }

  /** A date-time from a form-js datetime field: with an offset, or local time in the business time zone. */
  public Instant requiredInstant(String key, String label, ZoneId zone) {
    Object value = scope.getVariable(key);
    if (value instanceof Date d) {
      return d.toInstant();
    }
    if (value == null || value.toString().isBlank()) {
      throw required(key, label);
    }
    String text = value.toString().strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notWithOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new FormInputException(key, "「" + label + "」不是有效的日期时间:" + text,
            "'" + key + "' is not a date and time: " + text);
      }
    }
  }

  /**
   * The values of a checklist: Tasklist submits them as a JSON array (a Spin JSON variable); tests and the REST API
   * may send a Java list. Each value must be one of {@code allowed}.
   */
  public List<String> requiredChoices(String key, String label, Set<String> allowed) {
    Object value = scope.getVariable(key);
    List<String> values = new ArrayList<>();
    if (value instanceof Collection<?> c) {
      c.forEach(v -> values.add(String.valueOf(v)));
    } else if (value != null && !value.toString().isBlank()) {
      try {
        JSON.readTree(value.toString()).forEach(node -> values.add(node.asText()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new FormInputException(key, "「" + label + "」的取值无效", "'" + key + "' is not a list");
      }
    }
    if (values.isEmpty()) {
      throw required(key, label);
    }
    for (String v : values) {
      if (!allowed.contains(v)) {
        throw new FormInputException(key, "「" + label + "」的取值无效:" + v, "'" + key + "' must contain only "
            + allowed + ", not " + v);
      }
    }
    return List.copyOf(new java.util.LinkedHashSet<>(values));
  }

  /** Who completes a task: the authenticated user (Tasklist, engine REST), else its assignee. */
  public static String completedBy(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    throw new FormInputException("assignee", "请先认领任务再提交", "claim the task before completing it");
  }

  private static FormInputException required(String key, String label) {
    return new FormInputException(key, "「" + label + "」为必填项", "'" + key + "' is required");
  }
}
