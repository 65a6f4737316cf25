package io.complaintflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import io.complaintflow.api.Api.Answer;

/**
 * {@code /actuator/prometheus} as Prometheus scrapes it (HTTP Basic, the demo's monitoring user): the text format read
 * into series ({@code name{label="value",…}}) and their values.
 */
public final class Prometheus {

  public static final String USER = "prometheus";

  private final Map<String, Double> series = new LinkedHashMap<>();
  private final String raw;

  private Prometheus(String raw) {
    this.raw = raw;
    for (String line : raw.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
  }

  public static Prometheus scrape(Api api) {
    Answer a = api.get("/actuator/prometheus").as(USER, "demo").send();
    assertThat(a.status()).as(a.raw()).isEqualTo(200);
    assertThat(a.header("Content-Type")).startsWith("text/plain");
    return new Prometheus(a.raw());
  }

  /**
   * The value of a series with (at least) these labels, e.g. {@code value("complaintflow_complaints_open", "status",
   * "RECEIVED")}; fails when there is none or more than one.
   */
  public double value(String name, String... labels) {
    Double found = null;
    for (Map.Entry<String, Double> e : series.entrySet()) {
      String key = e.getKey();
      String seriesName = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
      if (!seriesName.equals(name)) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < labels.length; i += 2) {
        all &= key.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
      }
      if (all) {
        assertThat(found).as("more than one series " + name + " with " + String.join(",", labels)).isNull();
        found = e.getValue();
      }
    }
    assertThat(found).as(name + " " + String.join(",", labels) + " in\n" + raw).isNotNull();
    return found;
  }

  public boolean has(String name) {
    return series.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
  }
}
