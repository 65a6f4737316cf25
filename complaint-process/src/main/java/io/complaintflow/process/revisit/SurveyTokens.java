package io.complaintflow.process.revisit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/** Single-use survey tokens: 256 random bits for the link; only their SHA-256 is stored. */
@Component
public class SurveyTokens {

  private final SecureRandom random = new SecureRandom();

  /** A new token and the hash to store. */
  public record Issued(String token, String hash) {
  }

  public Issued issue() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new Issued(token, hash(token));
  }

  public String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
