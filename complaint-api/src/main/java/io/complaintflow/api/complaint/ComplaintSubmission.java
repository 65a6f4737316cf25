package io.complaintflow.api.complaint;

import java.time.OffsetDateTime;

import io.complaintflow.process.complaint.Channel;
import io.complaintflow.process.complaint.ContactChannel;
import io.complaintflow.process.complaint.CustomerTier;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A complaint as a customer (or a staff member taking it) files it. */
@Schema(description = "投诉登记 / A new complaint")
record ComplaintSubmission(
    @NotNull(message = "{validation.required}") @Valid CustomerDetails customer,
    @NotNull(message = "{validation.required}") @Schema(example = "WEB") Channel channel,
    @NotNull(message = "{validation.required}") @Valid ProductReference product,
    @NotNull(message = "{validation.required}") @Schema(example = "2026-11-20T15:30:00+08:00") OffsetDateTime occurredAt,
    @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") @PlainText
    @Schema(example = "收到的电饭煲内胆有裂纹,无法使用。") String description,
    @Size(max = 1000, message = "{validation.tooLong}") @PlainText @Schema(example = "换一台新的") String desiredRemedy) {

  /** Who complains. At least one of phone and email is needed to reach them. */
  record CustomerDetails(
      @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") @PlainText
      @Schema(example = "王建国") String name,
      @Pattern(regexp = "^\\+?[0-9][0-9 -]{5,18}[0-9]$", message = "{validation.phone}") @Schema(example = "13800138000")
      String phone,
      @Email(message = "{validation.email}") @Size(max = 254, message = "{validation.tooLong}")
      @Schema(example = "wang@example.com") String email,
      @Schema(description = "默认 STANDARD") CustomerTier tier,
      @Pattern(regexp = "^(zh-CN|en)$", message = "{validation.language}") @Schema(description = "zh-CN(默认)或 en")
      String language,
      @Schema(description = "希望的联系方式;默认有邮箱用 EMAIL,否则 SMS") ContactChannel preferredChannel) {
  }

  /** The product or service the complaint is about: a catalogue code if known, and its name as the customer says it. */
  record ProductReference(
      @Size(max = 50, message = "{validation.tooLong}") @Pattern(regexp = "^[A-Za-z0-9._-]+$", message = "{validation.productCode}")
      @Schema(example = "RC-2026") String code,
      @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") @PlainText
      @Schema(example = "智能电饭煲 RC-2026") String name) {
  }
}
