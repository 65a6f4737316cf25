package io.complaintflow.api.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every client mistake becomes an RFC 9457 problem ({@code application/problem+json}) that says, in the caller's
 * language, which field is wrong and why: {@code errors: [{field, reason}]}. Nothing of the request is stored.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  public static final String TYPE_BASE = "https://complaintflow.io/problems/";

  private final MessageSource messages;

  public ApiProblems(MessageSource messages) {
    this.messages = messages;
  }

  /** One wrong field: its path in the request ({@code customer.phone}, a header or a parameter name) and why. */
  public record FieldProblem(String field, String reason) {
  }

  /** A client error with its problem type (the last segment of the type URI), status, fields and message key. */
  public static class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final List<FieldProblem> errors;
    private final transient Object[] args;

    public ApiException(HttpStatus status, String type, List<FieldProblem> errors, Object... args) {
      super(type);
      this.status = status;
      this.type = type;
      this.errors = errors;
      this.args = args;
    }

    public static ApiException field(HttpStatus status, String type, String field, String reason, Object... args) {
      return new ApiException(status, type, List.of(new FieldProblem(field, reason)), args);
    }
  }

  /** Field reasons of an {@link ApiException} are message keys (or plain text), resolved with the exception's args. */
  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    List<FieldProblem> errors = e.errors.stream().map(f -> new FieldProblem(f.field(), msg(f.reason(), e.args))).toList();
    return problem(e.status, e.type, errors, e.args);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    for (FieldError fe : e.getBindingResult().getFieldErrors()) {
      errors.add(new FieldProblem(fe.getField(), fe.getDefaultMessage()));
    }
    e.getBindingResult().getGlobalErrors()
        .forEach(ge -> errors.add(new FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
    return cast(problem(HttpStatus.BAD_REQUEST, "validation", errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    List<FieldProblem> errors = new ArrayList<>();
    for (ParameterValidationResult r : e.getParameterValidationResults()) {
      if (r instanceof ParameterErrors body) {
        // a @Valid request body: name the fields inside it
        body.getFieldErrors().forEach(fe -> errors.add(new FieldProblem(fe.getField(), fe.getDefaultMessage())));
        body.getGlobalErrors().forEach(ge -> errors.add(new FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
      } else {
        String name = parameterName(r.getMethodParameter());
        r.getResolvableErrors().forEach(err -> errors.add(new FieldProblem(name,
            err.getDefaultMessage() != null ? err.getDefaultMessage() : messages.getMessage(err, locale))));
      }
    }
    return cast(problem(HttpStatus.BAD_REQUEST, "validation", errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getCause();
    JsonParseException syntax = causeOfType(cause, JsonParseException.class);
    FieldProblem problem;
    if (syntax != null) {
      problem = new FieldProblem("body", msg("problem.body.malformed",
          syntax.getLocation() == null ? 0 : syntax.getLocation().getLineNr(),
          syntax.getLocation() == null ? 0 : syntax.getLocation().getColumnNr()));
    } else if (cause instanceof UnrecognizedPropertyException u) {
      problem = new FieldProblem(path(u), msg("problem.field.unknown", u.getPropertyName()));
    } else if (cause instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      String allowed = java.util.Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", "));
      problem = new FieldProblem(path(f), msg("problem.field.enum", String.valueOf(f.getValue()), allowed));
    } else if (cause instanceof InvalidTypeIdException t) {
      problem = new FieldProblem(path(t), msg("problem.field.type"));
    } else if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      problem = new FieldProblem(path(m), msg("problem.field.type"));
    } else {
      problem = new FieldProblem("body", msg("problem.body.unreadable"));
    }
    return cast(problem(HttpStatus.BAD_REQUEST, "malformed-request", List.of(problem)));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return cast(problem(HttpStatus.BAD_REQUEST, "validation",
        List.of(new FieldProblem(e.getParameterName(), msg("problem.field.required")))));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", List.of());
  }

  /**
   * A fault of ours, not the client's: logged with an incident id the client can quote; no details leak. A client that
   * went away mid-answer (a browser leaving the page while a script loads) is no incident: noted at debug level, and
   * nobody is left to answer.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
      log.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
      return null;
    }
    String incident = UUID.randomUUID().toString();
    log.error("Incident {}: {} {} failed", incident, request.getMethod(), request.getRequestURI(), e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", List.of(), incident);
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
    return problem(HttpStatus.BAD_REQUEST, "validation",
        List.of(new FieldProblem(e.getHeaderName(), msg("problem.field.required"))));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    String reason = type != null && type.isEnum()
        ? msg("problem.field.enum", String.valueOf(e.getValue()), java.util.Arrays.stream(type.getEnumConstants())
            .map(Object::toString).collect(Collectors.joining(", ")))
        : msg("problem.field.type");
    return problem(HttpStatus.BAD_REQUEST, "validation", List.of(new FieldProblem(e.getName(), reason)));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return cast(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
        List.of(new FieldProblem("Content-Type", msg("problem.contentType", "application/json")))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return cast(problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", List.of()));
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return cast(problem(HttpStatus.NOT_FOUND, "not-found", List.of()));
  }

  private ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, List<FieldProblem> errors, Object... args) {
    ProblemDetail body = ProblemDetail.forStatus(status);
    body.setType(URI.create(TYPE_BASE + type));
    body.setTitle(msg("problem." + type + ".title"));
    body.setDetail(msg("problem." + type + ".detail", args));
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "reason", f.reason())).toList());
    }
    return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  private static <T extends Throwable> T causeOfType(Throwable t, Class<T> type) {
    for (; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** The name a client knows a method parameter by: the header or request parameter it binds. */
  private static String parameterName(org.springframework.core.MethodParameter p) {
    var header = p.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
    if (header != null && !header.name().isEmpty()) {
      return header.name();
    }
    var param = p.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
    if (param != null && !param.name().isEmpty()) {
      return param.name();
    }
    return p.getParameterName();
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> e) {
    return (ResponseEntity) e;
  }
}
