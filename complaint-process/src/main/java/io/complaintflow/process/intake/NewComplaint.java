package io.complaintflow.process.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.complaintflow.process.complaint.Channel;
import io.complaintflow.process.complaint.Complaint.Customer;

/** A complaint as a channel hands it over; the API has validated its form. */
public record NewComplaint(Customer customer, Channel channel, String productCode, String productName,
    Instant occurredAt, String description, String desiredRemedy) {

  /** Identifies the content of the request, so that a reused idempotency key with other content is refused. */
  public String fingerprint() {
    String canonical = Stream.of(customer.name(), customer.phone(), customer.email(), customer.tier(),
            customer.language(), customer.contactChannel(), channel, productCode, productName, occurredAt, description, desiredRemedy)
        .map(v -> Objects.toString(v, ""))
        .collect(Collectors.joining("\u0000"));
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
