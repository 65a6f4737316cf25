package io.complaintflow.process.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import io.complaintflow.process.complaint.Complaint;

/**
 * The secret a customer uses to follow their complaint. It is derived (HMAC-SHA256) from a server secret and a random
 * salt kept with the complaint, so the database alone does not reveal it, and a retried intake can hand out the same
 * token again.
 */
@Component
public class TrackingTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;

  public TrackingTokens(IntakeSettings settings) {
    this.key = new SecretKeySpec(settings.trackingSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String newSalt() {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return B64.encodeToString(salt);
  }

  public String tokenFor(Complaint complaint) {
    return tokenFor(complaint.getTicket(), complaint.getTrackingSalt());
  }

  public boolean matches(Complaint complaint, String presented) {
    if (presented == null) {
      return false;
    }
    byte[] expected = tokenFor(complaint).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.US_ASCII));
  }

  private String tokenFor(String ticket, String salt) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return B64.encodeToString(mac.doFinal((ticket + "\n" + salt).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
