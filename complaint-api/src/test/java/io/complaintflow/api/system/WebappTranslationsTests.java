package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintflow.api.Api.Answer;
import io.complaintflow.api.ApiIntegrationTest;

/**
 * The Camunda webapps (Tasklist, Cockpit, Admin, Welcome) in Simplified Chinese: our {@code zh.json} next to the
 * {@code en.json} the webjar ships, and our {@code scripts/config.js} in place of the shipped one, making Chinese the
 * default and keeping English available. Each translation must cover exactly the English keys, keep every placeholder
 * and actually be Chinese.
 */
class WebappTranslationsTests extends ApiIntegrationTest {

  private static final String APPS = "/META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** angular-translate interpolations ({{count}}, {{ name }}) and indexed or ng-pluralize placeholders ({0}, {}). */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|\\{\\d*}");
  private static final Pattern LETTER = Pattern.compile("[A-Za-z]");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseHasExactlyTheKeysOfTheShippedEnglishInTheSameOrder(String app) {
    Map<String, JsonNode> en = flatten(locale(app, "en"));
    Map<String, JsonNode> zh = flatten(locale(app, "zh"));

    assertThat(zh.keySet()).as("keys of %s zh.json", app).containsExactlyElementsOf(en.keySet());
    en.forEach((key, value) -> assertThat(zh.get(key).getNodeType()).as("type of %s %s", app, key)
        .isEqualTo(value.getNodeType()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void noChineseTextIsEmpty(String app) {
    Map<String, JsonNode> zh = flatten(locale(app, "zh"));

    assertThat(zh.entrySet()).as("empty values in %s zh.json", app)
        .filteredOn(e -> e.getValue().isTextual() && e.getValue().asText().isBlank())
        .extracting(Map.Entry::getKey).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyChineseTextKeepsThePlaceholdersOfItsEnglishOriginal(String app) {
    Map<String, JsonNode> en = flatten(locale(app, "en"));
    Map<String, JsonNode> zh = flatten(locale(app, "zh"));

    List<String> differing = new ArrayList<>();
    en.forEach((key, value) -> {
      if (value.isTextual() && zh.containsKey(key)
          && !placeholders(value.asText()).equals(placeholders(zh.get(key).asText()))) {
        differing.add(key + ": " + value.asText() + " -> " + zh.get(key).asText());
      }
    });
    assertThat(differing).as("values of %s zh.json whose placeholders differ from en.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void atLeastNinetyPercentOfTheTextsAreWrittenInChinese(String app) {
    Map<String, JsonNode> en = flatten(locale(app, "en"));
    Map<String, JsonNode> zh = flatten(locale(app, "zh"));

    List<String> words = en.entrySet().stream()
        .filter(e -> e.getValue().isTextual() && LETTER.matcher(e.getValue().asText()).find())
        .map(Map.Entry::getKey).toList();
    long chinese = words.stream().filter(key -> zh.containsKey(key) && HAN.matcher(zh.get(key).asText()).find())
        .count();

    assertThat(words).isNotEmpty();
    assertThat((double) chinese / words.size()).as("share of Chinese texts in %s zh.json", app)
        .isGreaterThanOrEqualTo(0.9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseIsTheDefaultLanguageAndEnglishIsAvailable(String app) {
    String config = withoutComments(resource(APPS + app + "/scripts/config.js"));

    Matcher available = Pattern.compile("availableLocales['\"]?\\s*:\\s*\\[([^]]*)]").matcher(config);
    assertThat(available.find()).as("availableLocales in %s config.js", app).isTrue();
    assertThat(available.group(1).replaceAll("[\\s'\"]", "").split(",")).containsExactlyInAnyOrder("zh", "en");
    assertThat(config).containsPattern("fallbackLocale['\"]?\\s*:\\s*['\"]zh['\"]");
  }

  @Test
  void theRunningApplicationServesOurTranslationAndConfigurationAndStillTheEnglishOne() {
    Answer zh = api.get("/camunda/app/tasklist/locales/zh.json").send();
    Answer config = api.get("/camunda/app/cockpit/scripts/config.js").send();
    // HEAD: the shipped en.json starts with a byte order mark, which Api's JSON parsing does not accept
    Answer en = api.request("HEAD", "/camunda/app/tasklist/locales/en.json").send();

    assertThat(zh.status()).isEqualTo(200);
    assertThat(zh.raw()).isEqualTo(resource(APPS + "tasklist/locales/zh.json"));
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.raw()).isEqualTo(resource(APPS + "cockpit/scripts/config.js")).contains("fallbackLocale: 'zh'");
    assertThat(en.status()).isEqualTo(200);
  }

  /** The locale file of an app: en.json from the Camunda webjar, zh.json from our resources. */
  private static JsonNode locale(String app, String language) {
    String path = APPS + app + "/locales/" + language + ".json";
    URL url = WebappTranslationsTests.class.getResource(path);
    assertThat(url).as(path).isNotNull();
    try (InputStream in = url.openStream()) {
      return JSON.readTree(in); // Jackson skips the byte order mark the shipped en.json files start with
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the classpath serves first under a path, as the webapps get it. */
  private static String resource(String path) {
    URL url = WebappTranslationsTests.class.getResource(path);
    assertThat(url).as(path).isNotNull();
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every leaf value by its path, in document order: labels.TASKS, dateLocales.months[0], … */
  private static Map<String, JsonNode> flatten(JsonNode node) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", node, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> flatten(path.isEmpty() ? f.getKey() : path + "." + f.getKey(),
          f.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    Collections.sort(found);
    return found;
  }

  /** The script without its block and line comments, so that the shipped commented-out examples do not count. */
  private static String withoutComments(String script) {
    return script.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
  }
}
