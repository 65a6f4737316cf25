package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.complaintflow.process.complaint.ComplaintEventType;
import io.complaintflow.process.complaint.ComplaintStatus;
import io.complaintflow.process.complaint.RemedyType;

/** Every text exists in Chinese and English, and every status, event and remedy has its text. */
class MessagesSyncTests {

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    Set<String> zh = keys("messages.properties");
    Set<String> en = keys("messages_en.properties");
    assertThat(en).as("keys missing in messages_en.properties").containsAll(zh);
    assertThat(zh).as("keys missing in messages.properties").containsAll(en);
  }

  @Test
  void everyStatusEventAndRemedyHasAText() throws IOException {
    Set<String> zh = keys("messages.properties");
    Set<String> needed = new TreeSet<>();
    Arrays.stream(ComplaintStatus.values()).forEach(s -> needed.add("status." + s));
    Arrays.stream(ComplaintEventType.values()).forEach(e -> needed.add("event." + e));
    Arrays.stream(RemedyType.values()).forEach(r -> needed.add("remedy." + r));
    assertThat(zh).containsAll(needed);
  }

  @Test
  void noChineseTextIsLeftEmpty() throws IOException {
    Properties p = load("messages.properties");
    assertThat(p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank()).collect(Collectors.toSet()))
        .isEmpty();
  }

  private static Set<String> keys(String resource) throws IOException {
    return new TreeSet<>(load(resource).stringPropertyNames());
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (Reader r = new InputStreamReader(MessagesSyncTests.class.getResourceAsStream("/" + resource),
        StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }
}
