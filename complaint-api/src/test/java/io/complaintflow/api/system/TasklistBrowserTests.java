package io.complaintflow.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintflow.api.ApiIntegrationTest;
import io.complaintflow.api.Browser;
import io.complaintflow.api.Submissions;

/**
 * What an agent sees and does in Tasklist (headless Chromium, Chinese): the registration task of a complaint a
 * customer filed through the API, its form with the complaint summary at the top, claimed, filled and completed.
 */
class TasklistBrowserTests extends ApiIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  RepositoryService repository;

  @Test
  void anAgentRegistersAComplaintFiledThroughTheApi() {
    WebDriver browser = Browser.open();
    // filed "three days ago": its first response is overdue, the most urgent of the agents' tasks
    String ticket;
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(3))));
    try {
      ticket = file(Submissions.valid().with("customer/name", "王建国").with("customer/tier", "GOLD")
          .with("occurredAt", Instant.now().minus(Duration.ofDays(4)).toString())).json().path("ticket").asText();
    } finally {
      ClockUtil.reset();
    }
    awaitTask(ticket, "Task_RegisterComplaint");

    Browser.signIn(browser, port, "default", "tasklist", "zhangwei");
    // the group's unclaimed tasks, most urgent first: the new complaint with its ticket, customer and tier on top
    Browser.visible(browser, By.xpath("//*[contains(@class, 'filters')]//*[normalize-space(text())='待认领']")).click();
    WebElement first = Browser.visible(browser, By.cssSelector(".tasks-list li.task"));
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".tasks-list li.task"), ticket));
    first = browser.findElement(By.cssSelector(".tasks-list li.task"));
    Browser.screenshot(browser, "tasklist-group-tasks");
    // (Tasklist shows the first two variables, the tier behind the arrow)
    assertThat(first.getText()).contains("登记投诉并核实事实").contains("工单号").contains(ticket).contains("王建国");
    first.findElement(By.cssSelector("a")).click();

    Browser.visible(browser, By.cssSelector("button.claim")).click();
    Browser.visible(browser, By.cssSelector("button.unclaim"));
    WebElement form = Browser.visible(browser, By.cssSelector(".fjs-form"));
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElement(form, ticket));
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(
        ExpectedConditions.elementToBeClickable(field(browser, "事情经过", "textarea")));
    Browser.screenshot(browser, "tasklist-register-form");
    String summary = form.findElement(By.cssSelector(".fjs-form-field-text")).getText();
    assertThat(summary).contains("投诉 " + ticket).contains("王建国(金卡客户)").contains("首次响应时限:")
        .containsPattern("已超时 \\d+ 小时 \\d+ 分").doesNotContain("{{").doesNotContain("GOLD");

    // the agent listens, confirms the facts and solves it on the spot
    field(browser, "事情经过", "textarea").sendKeys("内胆有裂纹,客户已发来照片");
    field(browser, "客户诉求", "textarea").sendKeys("换一台新的");
    WebElement problemType = field(browser, "问题类型", "*[contains(@class, 'fjs-input-group')]");
    scrollTo(browser, problemType);
    problemType.click();
    Browser.visible(browser, By.xpath("//*[contains(@class, 'fjs-dropdownlist-item')][normalize-space(.)='产品质量问题']"))
        .click();
    WebElement resolvable = field(browser, "本次联系中能当场解决", "input[@type='checkbox']");
    scrollTo(browser, resolvable);
    resolvable.click();
    Browser.screenshot(browser, "tasklist-register-form-filled");
    WebElement complete = browser.findElement(By.cssSelector("button[ng-click='complete()']"));
    scrollTo(browser, complete);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(complete)).click();

    // the task is done and the complaint is registered, with zhangwei as its owner
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> tasks.createTaskQuery()
        .processInstanceBusinessKey(ticket).taskDefinitionKey("Task_RegisterComplaint").count() == 0);
    Browser.screenshot(browser, "tasklist-register-completed");
    JsonNode complaint = eventually(() -> {
      JsonNode c = api.get("/api/staff/complaints/" + ticket).as("zhangwei", "demo").send().json();
      return "RECEIVED".equals(c.path("summary").path("status").asText()) ? null : c;
    });
    assertThat(complaint.path("summary").path("status").asText()).isIn("IN_PROGRESS", "REMEDY_PROPOSED");
    assertThat(complaint.path("summary").path("owner").asText()).isEqualTo("zhangwei");
    assertThat(complaint.path("facts").asText()).isEqualTo("内胆有裂纹,客户已发来照片");
    assertThat(complaint.path("problemType").asText()).isEqualTo("PRODUCT_DEFECT");
  }

  /** A reply with a forbidden phrase is refused; staff read which field and why, in Chinese and English, and no more. */
  @Test
  void markupACustomerWroteNeverRunsInAForm() {
    WebDriver browser = Browser.open();
    String hostile = "<script>window.cfXss=1</script><img src=x onerror=\"window.cfXss=2\">王";
    String links = "[点此登录](https://phish.example/login) ![t](https://tracker.example/p.png) [a][b]\n\n[b]: https://phish.example/";
    String ticket = api.post("/api/complaints", Submissions.valid().with("customer/name", hostile)
        .with("product/name", hostile).with("description", links).json()).as("zhangwei", "demo").send().json()
        .path("ticket").asText();
    openRemedyProposal(browser, ticket, hostile);
    pause(500);
    Browser.screenshot(browser, "tasklist-hostile-customer-name");

    assertThat(((JavascriptExecutor) browser).executeScript("return window.cfXss === undefined")).isEqualTo(true);
    assertThat(browser.findElements(By.cssSelector(".fjs-form script, .fjs-form img[onerror], .fjs-form [onerror]")))
        .isEmpty();
    // shown as the text it is: no image, and no link but a visible address made clickable (never a disguised one)
    assertThat(browser.findElements(By.cssSelector(".fjs-form-field-text img"))).isEmpty();
    for (WebElement a : browser.findElements(By.cssSelector(".fjs-form-field-text a"))) {
      assertThat(a.getAttribute("href")).isEqualTo(a.getText());
    }
    String summary = browser.findElement(By.cssSelector(".fjs-form .fjs-form-field-text")).getText();
    assertThat(summary).contains(ticket).contains("客户:" + hostile)
        .contains("[点此登录](https://phish.example/login)").contains("![t](https://tracker.example/p.png)");
  }

  @Test
  void aRefusedFormSaysWhichFieldAndWhy() {
    WebDriver browser = Browser.open();
    String ticket = api.post("/api/complaints", Submissions.valid().json()).as("zhangwei", "demo").send().json()
        .path("ticket").asText();
    Task propose = openRemedyProposal(browser, ticket, "内胆有裂纹");
    Browser.visible(browser, By.cssSelector("button.unclaim"));
    pause(300);
    field(browser, "处理方案", "textarea").sendKeys("这个要求肯定不行,只能给您退 50 元。");
    fillRequiredFields(browser);
    WebElement complete = browser.findElement(By.cssSelector("button[ng-click='complete()']"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", complete);

    WebElement notice = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElements(
        By.cssSelector("[uib-alert].alert-danger")).stream().filter(a -> a.isDisplayed() && a.getText().contains("禁语"))
        .findFirst().orElse(null));
    Browser.screenshot(browser, "tasklist-refused-form");
    assertThat(notice.getText()).contains("「处理方案(告知客户)」含有禁语「肯定不行」")
        .contains("The field 'remedyDescription' contains the forbidden phrase \"肯定不行\"")
        .doesNotContain("ENGINE-").doesNotContain("TaskListener");
    assertThat(tasks.createTaskQuery().taskId(propose.getId()).count()).isOne();
  }

  /**
   * Every Camunda Form of the models, opened in Tasklist on a task of a throw-away process with the variables the
   * real processes give it: it renders (no raw template left, no empty value), and its summary says what the task is
   * about. A complaint's forms name the ticket, the customer and the SLA due time with the time left; the forms of
   * after-action and prevention (accountability review, batch incident, revisit, analysis, case library, launch
   * review) their own subject.
   */
  /** The forms that are not about one complaint in handling, and what their summary must name instead. */
  private static final Map<String, String> AFTER_ACTION_SUBJECTS = Map.ofEntries(
      Map.entry("Form_RecordAccountability", "问责复盘:CF-20261123-999999(升级至总监)"),
      Map.entry("Form_SignOffAccountability", "问责复盘:CF-20261123-999999(升级至总监)"),
      Map.entry("Form_CompleteCorrectiveAction", "问责复盘:CF-20261123-999999(升级至总监)"),
      Map.entry("Form_PrepareScriptedAnswer", "批量投诉事件 BATCH-42"),
      Map.entry("Form_ResolveBatchIssue", "批量投诉事件 BATCH-42"),
      Map.entry("Form_ConfirmBatchClosure", "批量投诉事件 BATCH-42"),
      Map.entry("Form_RevisitCustomer", "李秀英(VIP 客户),电话 13900000000"),
      Map.entry("Form_ReviewUnsatisfiedRevisit", "李秀英(VIP 客户),电话 13900000000"),
      Map.entry("Form_HoldJointMeeting", "热点分析报告 2026-10(报告编号 7)"),
      Map.entry("Form_ReportProjectResult", "攻关项目:内胆涂层攻关"),
      Map.entry("Form_SuperviseOverdueProject", "逾期攻关项目:内胆涂层攻关"),
      Map.entry("Form_ReviewCase", "推荐的典型案例(投诉 CF-20261123-999999)"),
      Map.entry("Form_ReworkCase", "修改典型案例(投诉 CF-20261123-999999)"),
      Map.entry("Form_ReviewLaunch", "新产品测评:智能电饭煲 RC-2026(RC-2027)"),
      Map.entry("Form_RecordHandlingPlan", "新产品测评:智能电饭煲 RC-2026(RC-2027)"),
      Map.entry("Form_RespondToImprovements", "新产品测评:智能电饭煲 RC-2026(RC-2027)"));

  @Test
  void everyFormShowsTheComplaintSummaryWithTheTimeLeft() throws Exception {
    WebDriver browser = Browser.open();
    Map<String, String> forms = new TreeMap<>();
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      forms.put(JSON.readTree(r.getInputStream()).path("id").asText(), r.getFilename());
    }
    assertThat(forms).hasSizeGreaterThanOrEqualTo(17);
    ProcessBuilder process = Bpmn.createExecutableProcess("FormPreviewProcess").camundaHistoryTimeToLive(1);
    var fork = process.startEvent().parallelGateway("Gateway_Fork");
    for (String form : forms.keySet()) {
      fork.moveToNode("Gateway_Fork").userTask("Task_" + form).name(forms.get(form)).camundaFormRef(form)
          .camundaFormRefBinding("latest").camundaAssignee("zhangwei").endEvent();
    }
    String deployment = repository.createDeployment().name("form preview")
        .addModelInstance("form-preview.bpmn", fork.done()).deploy().getId();
    try {
      Instant due = Instant.now().plus(Duration.ofHours(5)).plus(Duration.ofMinutes(30));
      Map<String, Object> variables = new HashMap<>(Map.ofEntries(Map.entry("ticket", "CF-20261123-999999"),
          Map.entry("customerName", "李秀英"), Map.entry("customerTier", "VIP"), Map.entry("customerPhone", "13900000000"),
          Map.entry("productName", "智能电饭煲 RC-2026"), Map.entry("description", "内胆有裂纹"),
          Map.entry("desiredRemedy", "换新"), Map.entry("facts", "内胆有裂纹,已拍照"), Map.entry("customerRequest", "换新"),
          Map.entry("firstResponseDueAt", Date.from(due)), Map.entry("resolutionDueAt", Date.from(due)),
          Map.entry("replyDueAt", Date.from(due)), Map.entry("remedyType", "REFUND"), Map.entry("remedyAmount", 100),
          Map.entry("remedyDescription", "为您退款 100 元。"), Map.entry("proposer", "zhangwei"),
          Map.entry("requiredLevelTitle", "主管"), Map.entry("approvalLevelTitle", "主管"),
          Map.entry("authorityRule", "退费 200 元以上"), Map.entry("owner", "zhangwei"),
          Map.entry("consultationQuestion", "裂纹原因?"), Map.entry("consultationOpinions", "质量部:涂层不合格"),
          Map.entry("findings", "批次问题"), Map.entry("declineReason", "金额太少"), Map.entry("actionsTaken", "已退款"),
          Map.entry("demand", "MEDIA"), Map.entry("demandNote", "要发微博"), Map.entry("departmentTitle", "质量部"),
          Map.entry("departmentReply", "涂层不合格"), Map.entry("inquiry", "请核实批次"), Map.entry("maliciousReason", "索赔过高")));
      // after-action and prevention
      variables.putAll(Map.ofEntries(Map.entry("triggerTitle", "升级至总监"), Map.entry("batchIncidentId", 42),
          Map.entry("category", "QUALITY"), Map.entry("complaintCount", 6), Map.entry("periodText", "2026-10"),
          Map.entry("reportId", 7), Map.entry("reportSummary", "质量类投诉 12 件"), Map.entry("projectTitle", "内胆涂层攻关"),
          Map.entry("projectGoal", "裂纹投诉减半"), Map.entry("projectDepartmentTitle", "质量部"),
          Map.entry("projectDueAt", "2026-12-31"), Map.entry("productCode", "RC-2027"), Map.entry("productLine", "厨房电器"),
          Map.entry("launchDate", "2027-01-15"), Map.entry("productDescription", "新款电饭煲"),
          Map.entry("nominatedBy", "zhangwei"), Map.entry("reviewNote", "请补充分析"),
          Map.entry("remedySummary", "退款 100 元")));
      String instance = runtime.startProcessInstanceByKey("FormPreviewProcess", variables).getId();
      Browser.signIn(browser, port, "default", "tasklist", "zhangwei");
      String base = "http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=";

      for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
        String form = task.getTaskDefinitionKey().substring("Task_".length());
        browser.get(base + task.getId());
        WebElement rendered;
        try {
          rendered = Browser.visible(browser, By.cssSelector(".fjs-form .fjs-form-field-text"));
        } catch (RuntimeException e) {
          Browser.screenshot(browser, "form-" + forms.get(form).replace(".form", "") + "-not-rendered");
          throw e;
        }
        String subject = AFTER_ACTION_SUBJECTS.get(form);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElement(rendered,
            subject == null ? "CF-20261123-999999" : subject));
        String text = browser.findElement(By.cssSelector(".fjs-form")).getText();
        String summary = rendered.getText();
        Browser.screenshot(browser, "form-" + forms.get(form).replace(".form", ""));

        assertThat(text).as(form).doesNotContain("{{").doesNotContain("}}").doesNotContain("null");
        assertThat(summary).as(form + ": a value missing").doesNotContain("()").doesNotContainPattern("(?m)[::]\\s*$");
        if (subject == null) {
          assertThat(summary).as(form).contains("投诉 CF-20261123-999999").contains("李秀英(VIP 客户)");
          java.util.regex.Matcher left = java.util.regex.Pattern
              .compile("(时限|期限):\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(还剩 (\\d+) 小时 (\\d+) 分\\)").matcher(summary);
          assertThat(left.find()).as(form + ": due time with the time left in " + summary).isTrue();
          long minutesLeft = Duration.between(Instant.now(), due).toMinutes();
          assertThat(Long.parseLong(left.group(2)) * 60 + Long.parseLong(left.group(3))).as(form + ": minutes left")
              .isBetween(minutesLeft - 1, minutesLeft + 1);
        } else {
          assertThat(summary).as(form).contains(subject);
        }

        // and it can be submitted: every required field filled in as staff would (the registration form, whose
        // date picker needs more, is submitted for real above)
        if (!form.equals("Form_RegisterComplaint")) {
          Browser.visible(browser, By.cssSelector("button.unclaim"));
          // staff close the notice that the previous task was completed; it would cover the form's lower part
          ((JavascriptExecutor) browser).executeScript(
              "document.querySelectorAll('[uib-alert] button.close').forEach(b => b.click())");
          fillRequiredFields(browser);
          WebElement complete = browser.findElement(By.cssSelector("button[ng-click='complete()']"));
          scrollTo(browser, complete);
          new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(complete));
          // (the notice that the previous task was completed may still cover the button)
          ((JavascriptExecutor) browser).executeScript("arguments[0].click()", complete);
          try {
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> tasks.createTaskQuery().taskId(task.getId())
                .count() == 0);
          } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(browser, "form-" + forms.get(form).replace(".form", "") + "-not-submitted");
            throw new AssertionError(form + " could not be submitted", e);
          }
          // Tasklist leaves the completed task (drops it from the address) before the next one is opened
          new WebDriverWait(browser, Duration.ofSeconds(10))
              .until(d -> !d.getCurrentUrl().contains("task=" + task.getId()));
        }
      }
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  /** Fills every visible, empty, required field of the open form, again while filling reveals more. */
  /**
   * zhangwei registers the complaint (through the engine, with the facts given) and opens the remedy proposal that
   * follows in Tasklist; returns once its summary shows.
   */
  private Task openRemedyProposal(WebDriver browser, String ticket, String facts) {
    Task register = awaitTask(ticket, "Task_RegisterComplaint");
    identity.setAuthentication("zhangwei", List.of("agents"));
    try {
      tasks.complete(register.getId(), Map.of("facts", facts, "customerRequest", "换新", "problemType",
          "PRODUCT_DEFECT", "personalInjury", false, "resolvableAtFirstContact", true, "suspectedMalicious", false));
    } finally {
      identity.clearAuthentication();
    }
    Task propose = awaitTask(ticket, "Task_ProposeRemedy");
    Browser.signIn(browser, port, "default", "tasklist", "zhangwei");
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + propose.getId());
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".fjs-form .fjs-form-field-text"), ticket));
    return propose;
  }

  private void fillRequiredFields(WebDriver browser) {
    // the form may still be rendered anew once the task has loaded: fill until a pass finds nothing left to fill
    for (int pass = 0; pass < 6; pass++) {
      pause(200);
      boolean filled = false;
      for (WebElement f : browser.findElements(By.cssSelector(".fjs-form .fjs-form-field"))) {
        List<WebElement> labels = f.findElements(By.cssSelector("label.fjs-form-field-label"));
        if (!f.isDisplayed() || labels.isEmpty() || !labels.get(0).getText().trim().endsWith("*")) {
          continue;
        }
        filled |= fill(browser, f);
      }
      if (!filled) {
        return;
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean fill(WebDriver browser, WebElement field) {
    String type = field.getAttribute("class");
    scrollTo(browser, field);
    if (type.contains("fjs-form-field-textarea") || type.contains("fjs-form-field-textfield")
        || type.contains("fjs-form-field-number")) {
      WebElement input = field.findElement(By.cssSelector("textarea, input"));
      if (!input.getAttribute("value").isEmpty()) {
        return false;
      }
      input.sendKeys(type.contains("number") ? "8" : "已核实");
      return true;
    }
    if (type.contains("fjs-form-field-select")) {
      // (an empty select shows form-js's untranslated placeholder "Select")
      if (!field.findElements(By.cssSelector(".fjs-select-display")).stream()
          .allMatch(e -> e.getText().isBlank() || e.getText().trim().equals("Select"))) {
        return false;
      }
      field.findElement(By.cssSelector(".fjs-input-group")).click();
      Browser.visible(browser, By.cssSelector(".fjs-dropdownlist-item")).click();
      return true;
    }
    if (type.contains("fjs-form-field-datetime")) {
      // typed as staff type them: the date as the picker shows it (mm/dd/yyyy), the time as hh:mm
      boolean filled = false;
      for (WebElement input : field.findElements(By.cssSelector("input"))) {
        if (!input.isDisplayed() || !input.getAttribute("value").isEmpty()) {
          continue;
        }
        String placeholder = String.valueOf(input.getAttribute("placeholder"));
        input.sendKeys(placeholder.contains("yyyy") ? "12/31/2026" : "10:00");
        input.sendKeys(org.openqa.selenium.Keys.TAB);
        filled = true;
      }
      return filled;
    }
    if (type.contains("fjs-form-field-radio") || type.contains("fjs-form-field-checklist")) {
      List<WebElement> options = field.findElements(By.cssSelector("input"));
      if (options.stream().anyMatch(WebElement::isSelected)) {
        return false;
      }
      options.get(0).click();
      return true;
    }
    return false;
  }

  /** The input of the form field whose label starts with the given text. */
  private static WebElement field(WebDriver browser, String label, String input) {
    return browser.findElement(By.xpath("//div[contains(@class, 'fjs-form-field')][.//label[starts-with(normalize-space(.), '"
        + label + "')]]//" + input));
  }

  private void scrollTo(WebDriver browser, WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
  }
}
