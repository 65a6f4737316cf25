package io.complaintflow.notifications.outbox;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.util.function.SingletonSupplier;

/** Sending a request for an HTTP channel (SMS gateway, webhook) and telling retryable failures from permanent ones. */
public final class HttpDelivery {

  private HttpDelivery() {
  }

  /**
   * The channel's client, built at its first request: building one sets up TLS (some 400 classes and the trust
   * store), which a node whose SMS gateway or webhooks are not configured never needs, and which would otherwise
   * lengthen every start.
   */
  public static Supplier<HttpClient> client(Duration connectTimeout) {
    return SingletonSupplier.of(() -> HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build());
  }

  /**
   * Sends the request and returns when the receiver answered 2xx. Time-outs, connection failures, 5xx, 408, 425 and
   * 429 are retryable; other answers are not. Interruption (node shutting down) keeps the thread's interrupt flag.
   */
  public static void send(Supplier<HttpClient> client, HttpRequest request) throws DeliveryException {
    HttpResponse<String> response;
    try {
      response = client.get().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw DeliveryException.retryable("no answer within " + request.timeout().map(Duration::toString).orElse("?")
          + " from " + request.uri().getHost() + ":" + request.uri().getPort(), e);
    } catch (IOException e) {
      throw DeliveryException.retryable(e.getClass().getSimpleName() + " talking to " + request.uri().getHost() + ":"
          + request.uri().getPort() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.retryable("interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw DeliveryException.forHttpStatus(response.statusCode(), response.body());
    }
  }
}
