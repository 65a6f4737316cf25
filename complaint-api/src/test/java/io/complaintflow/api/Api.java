package io.complaintflow.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP client for the running application, as an outside caller sees it. */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Api(int port) {
    this.base = "http://localhost:" + port;
  }

  /** An answer: status, headers and body (parsed as JSON when it is). */
  public record Answer(int status, Map<String, String> headers, String raw, JsonNode json) {
    public String header(String name) {
      return headers.get(name.toLowerCase());
    }

    /** The field names of a problem's errors. */
    public java.util.List<String> errorFields() {
      java.util.List<String> fields = new java.util.ArrayList<>();
      json.path("errors").forEach(e -> fields.add(e.path("field").asText()));
      return fields;
    }
  }

  public Request request(String method, String path) {
    return new Request(method, path);
  }

  public Request get(String path) {
    return request("GET", path);
  }

  public Request post(String path, String json) {
    return request("POST", path).json(json);
  }

  public Request put(String path, String json) {
    return request("PUT", path).json(json);
  }

  public final class Request {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;

    private Request(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Request json(String json) {
      this.body = json;
      return header("Content-Type", "application/json");
    }

    public Request body(String contentType, String content) {
      this.body = content;
      return header("Content-Type", contentType);
    }

    public Request as(String user, String password) {
      return header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Request english() {
      return header("Accept-Language", "en");
    }

    public Answer send() {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
      headers.forEach(b::header);
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      try {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Map<String, String> h = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
        JsonNode json = null;
        String ct = h.getOrDefault("content-type", "");
        if (ct.contains("json") && !r.body().isEmpty()) {
          json = JSON.readTree(r.body());
        }
        return new Answer(r.statusCode(), h, r.body(), json);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
