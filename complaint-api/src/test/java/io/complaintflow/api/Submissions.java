package io.complaintflow.api;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Complaint submissions for tests: a valid one, and ways to spoil it one field at a time. */
public final class Submissions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode node;

  private Submissions(ObjectNode node) {
    this.node = node;
  }

  public static Submissions valid() {
    try {
      return new Submissions((ObjectNode) JSON.readTree("""
          {"customer": {"name": "王建国", "phone": "13800138000", "email": "wang@example.com", "tier": "STANDARD"},
           "channel": "WEB",
           "product": {"code": "RC-2026", "name": "智能电饭煲 RC-2026"},
           "occurredAt": "2026-11-20T15:30:00+08:00",
           "description": "收到的电饭煲内胆有裂纹,无法使用。",
           "desiredRemedy": "换一台新的"}"""));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets a value at a path such as {@code customer/tier}; a String value is a JSON string. */
  public Submissions with(String path, Object value) {
    JsonPointer p = JsonPointer.compile("/" + path);
    ObjectNode parent = (ObjectNode) node.at(p.head());
    parent.set(p.last().getMatchingProperty(), JSON.valueToTree(value));
    return this;
  }

  public Submissions without(String path) {
    JsonPointer p = JsonPointer.compile("/" + path);
    ((ObjectNode) node.at(p.head())).remove(p.last().getMatchingProperty());
    return this;
  }

  public JsonNode node() {
    return node;
  }

  public String json() {
    return node.toString();
  }
}
