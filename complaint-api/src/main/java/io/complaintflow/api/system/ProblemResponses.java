package io.complaintflow.api.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintflow.api.system.ApiProblems.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes a problem ({@code application/problem+json}, same shape as {@link ApiProblems}) from outside Spring MVC:
 * security, request-size and rate-limit filters answer before a controller is reached.
 */
@Component
public class ProblemResponses {

  private final MessageSource messages;
  private final ObjectMapper json;
  private final LocaleResolver locales;

  public ProblemResponses(MessageSource messages, ObjectMapper json, LocaleResolver locales) {
    this.messages = messages;
    this.json = json;
    this.locales = locales;
  }

  /** Field reasons are message keys, resolved with {@code args} like the detail. */
  public void write(HttpServletRequest req, HttpServletResponse res, HttpStatus status, String type,
      List<FieldProblem> errors, Object... args) throws IOException {
    Locale locale = locales.resolveLocale(req);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", ApiProblems.TYPE_BASE + type);
    body.put("title", messages.getMessage("problem." + type + ".title", args, locale));
    body.put("status", status.value());
    body.put("detail", messages.getMessage("problem." + type + ".detail", args, locale));
    body.put("instance", req.getRequestURI());
    if (!errors.isEmpty()) {
      body.put("errors", errors.stream().map(f -> Map.of("field", f.field(),
          "reason", messages.getMessage(f.reason(), args, f.reason(), locale))).toList());
    }
    res.setStatus(status.value());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    res.setCharacterEncoding("UTF-8");
    json.writeValue(res.getOutputStream(), body);
  }
}
