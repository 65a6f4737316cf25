package io.complaintflow.notifications.outbox;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sending a request for an HTTP channel (SMS gateway, webhook) and telling retryable failures from permanent ones. */
public final class HttpDelivery {

  private HttpDelivery() {
  }

  public static HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * Sends the request and returns when the receiver answered 2xx. Time-outs, connection failures, 5xx, 408, 425 and
   * 429 are retryable; other answers are not. Interruption (node shutting down) keeps the thread's interrupt flag.
   */
  public static void send(HttpClient client, HttpRequest request) throws DeliveryException {
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
