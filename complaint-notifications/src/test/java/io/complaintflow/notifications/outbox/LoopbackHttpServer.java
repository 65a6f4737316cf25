package io.complaintflow.notifications.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port, standing in for an SMS gateway or a webhook receiver: records every
 * request and answers as the test says (status, and optionally a delay before answering).
 */
public final class LoopbackHttpServer implements AutoCloseable {

  /** A request as received: method, path, headers (lower-case names) and body. */
  public record Received(String method, String path, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  /** How to answer a request: status, body, and how long to wait before answering. */
  public record Answer(int status, String body, long delayMillis) {
    public static Answer ok() {
      return new Answer(200, "{\"ok\":true}", 0);
    }

    public static Answer status(int status) {
      return new Answer(status, "{\"error\":\"" + status + "\"}", 0);
    }

    public static Answer slow(long delayMillis) {
      return new Answer(200, "{\"ok\":true}", delayMillis);
    }
  }

  private final HttpServer server;
  public final List<Received> received = new CopyOnWriteArrayList<>();
  public volatile Function<Received, Answer> answers = r -> Answer.ok();

  public LoopbackHttpServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Map<String, String> headers = new java.util.HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
      Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body);
      received.add(r);
      Answer a = answers.apply(r);
      if (a.delayMillis() > 0) {
        try {
          Thread.sleep(a.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
      try {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(a.status(), out.length);
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      } catch (IOException e) {
        // the client gave up waiting (time-out test)
      }
    });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Requests received with an Idempotency-Key, counted per key. */
  public Map<String, Long> countByIdempotencyKey() {
    return received.stream().filter(r -> r.header("Idempotency-Key") != null)
        .collect(java.util.stream.Collectors.groupingBy(r -> r.header("Idempotency-Key"),
            java.util.stream.Collectors.counting()));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
