package io.complaintflow.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature receivers check: {@code X-ComplaintFlow-Signature: sha256=<hex HMAC-SHA256 of timestamp + "." +
 * body>}, keyed with the endpoint's secret; {@code X-ComplaintFlow-Timestamp} is the send time in epoch seconds
 * (receivers should refuse stale ones, e.g. older than 5 minutes, against replays).
 */
public final class WebhookSignature {

  public static final String TIMESTAMP_HEADER = "X-ComplaintFlow-Timestamp";
  public static final String SIGNATURE_HEADER = "X-ComplaintFlow-Signature";

  private WebhookSignature() {
  }

  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
