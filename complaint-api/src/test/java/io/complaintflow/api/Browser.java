package io.complaintflow.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for all browser tests of a test run (Debian's {@code chromium} and {@code chromium-driver},
 * never a downloaded driver), in Chinese, in Shanghai time, with a fresh profile. Screenshots go to
 * {@code target/screenshots/}.
 *
 * <p>Without the browser a test is aborted with the command that installs it; under {@code CI=true} it fails instead.
 */
public final class Browser {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** Sign-in attempts before a test fails (see {@link #signIn}). */
  private static final int ATTEMPTS = 5;

  private static WebDriver shared;

  private Browser() {
  }

  /** The shared browser, started on first use; aborts (or under CI fails) the calling test when it is missing. */
  public static synchronized WebDriver open() {
    if (shared == null) {
      requireInstalled();
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          shared.quit();
        } catch (RuntimeException ignored) {
          // the browser is gone already
        }
      }));
    }
    return shared;
  }

  private static void requireInstalled() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    String message = "Browser tests need Debian's Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER
        + "), which are missing: sudo apt-get install chromium chromium-driver fonts-wqy-microhei";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }

  private static WebDriver start() {
    Path profile;
    try {
      profile = Files.createTempDirectory("complaintflow-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--lang=zh-CN", "--window-size=1400,1100", "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    // the console (failed requests with their status among it), read when a sign-in fails
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withEnvironment(Map.of("TZ", "Asia/Shanghai", "LANG", "zh_CN.UTF-8"))
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** Waits up to 30 seconds for an element to be visible (a loaded 2-core machine needs that long now and then). */
  public static WebElement visible(WebDriver driver, By by) {
    return visible(driver, by, Duration.ofSeconds(30));
  }

  public static WebElement visible(WebDriver driver, By by, Duration timeout) {
    return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public static List<WebElement> all(WebDriver driver, By by) {
    return driver.findElements(by);
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}; returns the file. */
  public static Path screenshot(WebDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Signs in to a Camunda webapp ({@code cockpit}, {@code tasklist}, {@code admin}) of an engine through its login
   * form, signing out first whoever was signed in, and waits for the app to show.
   *
   * <p>Right after a login the webapps sometimes answer the app's first requests with 401 and show the login form
   * again (more often in a fresh JVM); the form is then filled in once more, after a pause that lets the app's
   * requests of the failed attempt settle. A page that never gets past its loading spinner is loaded afresh. Five
   * attempts in all; when they fail, the assertion quotes what the browser's console said at each (failed requests and
   * their status).
   *
   * <p>The user is unlocked before each attempt. Tests hold the engine's clock still ({@code ClockUtil}), and the
   * engine locks a user until a few seconds after a failed login: under a still clock one glitch at the form (a
   * password typed while the app re-rendered it) would lock the user for the rest of the test, and every further
   * attempt would fail as well.
   */
  public static void signIn(WebDriver driver, int port, String engine, String app, String user) {
    String base = "http://localhost:" + port + "/camunda/app/" + app + "/" + engine + "/";
    By form = By.cssSelector("form[name='signinForm']");
    StringBuilder console = new StringBuilder();
    console(driver);
    for (int attempt = 1; ; attempt++) {
      if (attempt > 1) {
        console.append("\n  attempt ").append(attempt - 1).append(": ").append(console(driver));
        pause(Duration.ofSeconds(2));
      }
      unlock(engine, user);
      driver.get(base);
      driver.manage().deleteAllCookies();
      driver.navigate().refresh();
      // the app may still re-render the form after it shows: type until what was typed stays put
      // the webapp's first load (its scripts, translations, plugins) is slow on a busy machine
      try {
        visible(driver, By.cssSelector("input[ng-model='username']"), Duration.ofSeconds(60));
      } catch (org.openqa.selenium.TimeoutException e) {
        screenshot(driver, "sign-in-form-missing-" + app + "-" + user);
        if (attempt < ATTEMPTS) {
          // seen on a loaded machine: the app's spinner, forever, after the refresh; a fresh load shows the form
          continue;
        }
        String body = driver.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst().orElse("");
        throw new AssertionError("no sign-in form at " + driver.getCurrentUrl() + " (" + driver.getTitle() + "): "
            + body.substring(0, Math.min(body.length(), 600)) + "; the browser's console:" + console
            + "\n  attempt " + attempt + ": " + console(driver), e);
      }
      new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(d -> {
        WebElement name = visible(d, By.cssSelector("input[ng-model='username']"));
        WebElement password = d.findElement(By.cssSelector("input[ng-model='password']"));
        name.clear();
        name.sendKeys(user);
        password.clear();
        password.sendKeys("demo");
        return user.equals(name.getAttribute("value")) && "demo".equals(password.getAttribute("value"));
      });
      driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
      try {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.invisibilityOfElementLocated(form));
        // still signed in a moment later?
        pause(Duration.ofSeconds(1));
        if (driver.findElements(form).stream().noneMatch(WebElement::isDisplayed)) {
          return;
        }
      } catch (org.openqa.selenium.TimeoutException notYet) {
        // try again below
      }
      if (attempt == ATTEMPTS) {
        screenshot(driver, "sign-in-failed-" + app + "-" + user);
        String shown = driver.findElements(By.cssSelector(".notifications, .alert")).stream()
            .map(WebElement::getText).filter(text -> !text.isBlank()).findFirst().orElse("no notification");
        throw new AssertionError(user + " could not sign in to " + app + " at " + base + " (the page says: " + shown
            + "; " + lockState(engine, user) + "); the browser's console:" + console + "\n  attempt " + attempt + ": "
            + console(driver) + "\n(the application logs each refused sign-in with its reason, logger "
            + "org.camunda.bpm.webapp)");
      }
    }
  }

  /** The errors in the browser's console since it was last read (failed requests with their status among them). */
  private static String console(WebDriver driver) {
    try {
      List<String> lines = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
          .map(LogEntry::getMessage).toList();
      return lines.isEmpty() ? "(nothing)" : String.join(" | ", lines);
    } catch (RuntimeException e) {
      return "(not readable: " + e + ")";
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Unlocks the user in the engine of this JVM (the application under test), as a Camunda admin would. */
  private static void unlock(String engine, String user) {
    ProcessEngine processEngine = ProcessEngines.getProcessEngine(engine);
    if (processEngine == null) {
      return;
    }
    IdentityService identity = processEngine.getIdentityService();
    Authentication current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      identity.unlockUser(user);
    } finally {
      identity.setAuthentication(current);
    }
  }

  private static String lockState(String engine, String user) {
    ProcessEngine processEngine = ProcessEngines.getProcessEngine(engine);
    User found = processEngine == null ? null
        : processEngine.getIdentityService().createUserQuery().userId(user).singleResult();
    if (!(found instanceof UserEntity entity)) {
      return "user not found in engine " + engine;
    }
    return "failed attempts " + entity.getAttempts() + ", locked until " + entity.getLockExpirationTime();
  }
}
