package dev.flow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** In a real Chromium on the real server: create, validate, fix, save, graph, preview, versions. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlowEditingITCase {
  static final String BAD =
      """
      name: orders
      description: Keeps the big orders.
      stages:
        - name: orders
          action: Inline Records
          props:
            records:
              - {id: 1, amount: 120}
              - {id: 2, amount: 15}
          out: [big]

        - name: big
          action: Filter
          props:
            conditon: amount > 100
          out: [print]

        - name: print
          action: Log
          props: {}
      """;

  static UiServer server;
  static ChromeDriver d;
  static Pages p;
  static String flowId;

  @BeforeAll
  static void start() throws Exception {
    d = Browser.start(1280, 900, Files.createTempDirectory(Path.of("target"), "downloads-"));
    server = new UiServer();
    p = new Pages(d, server.url());
  }

  @AfterAll
  static void stop() {
    if (d != null) d.quit();
    if (server != null) server.close();
  }

  @Test
  @Order(1)
  void createSeeTheLocatedProblemFixItAndSave() throws Exception {
    p.open("/");
    p.visible(By.id("token"));
    Browser.screenshot(d, "login");
    p.signIn(server.adminToken());
    p.visible(By.linkText("New flow")).click();
    p.setEditorText(BAD);
    p.waitText(By.cssSelector("[data-testid=problems]"), "unknown prop 'conditon'");
    WebElement first = p.all("[data-testid=problems] button").get(0);
    assertThat(first.getAttribute("data-line")).isEqualTo("15");
    assertThat(first.getText()).contains("line 15:7").contains("stage 'big'");
    p.waitUntil(x -> p.markerLines().contains(15L));
    assertThat(p.markerLines()).containsOnly(15L);
    Browser.screenshot(d, "new-flow-problems");

    p.setEditorText(BAD.replace("conditon", "condition"));
    p.visible(By.cssSelector("[data-testid=valid]"));
    assertThat(p.editorText()).contains("      condition: amount > 100\n");
    assertThat(p.markerLines()).isEmpty();

    p.visible(By.name("message")).clear();
    d.findElement(By.name("message")).sendKeys("First version", Keys.ENTER);
    p.waitText(By.cssSelector("[data-testid=flow-name]"), "orders");
    flowId = d.getCurrentUrl().replaceAll(".*#/flows/([^/]+)/editor.*", "$1");
    JsonNode flow = server.api("GET", "/flows/" + flowId, null);
    assertThat(flow.get("version").asInt()).isEqualTo(1);
    assertThat(flow.get("yaml").asText()).contains("condition: amount > 100");

    // Save an edit as version 2, with a message.
    p.setEditorText(p.editorText().replace("amount > 100", "amount > 50"));
    p.visible(By.cssSelector("[data-testid=valid]"));
    d.findElement(By.name("message")).sendKeys("Lower the threshold");
    d.findElement(By.cssSelector("[data-testid=save]")).click();
    p.waitText(By.cssSelector(".notice"), "Saved as version 2.");
    assertThat(server.api("GET", "/flows/" + flowId + "/versions/2", null).get("message").asText())
        .isEqualTo("Lower the threshold");
    Browser.screenshot(d, "editor");
  }

  @Test
  @Order(2)
  void aStaleVersionConflictIsShownAndTheTextKept() throws Exception {
    JsonNode current = server.api("GET", "/flows/" + flowId, null);
    server.api(
        "PUT",
        "/flows/" + flowId,
        Map.of(
            "baseVersion",
            2,
            "yaml",
            current.get("yaml").asText().replace("Keeps", "Keeps only"),
            "message",
            "someone else"));
    p.setEditorText(p.editorText().replace("amount > 50", "amount > 60"));
    p.visible(By.cssSelector("[data-testid=valid]"));
    d.findElement(By.cssSelector("[data-testid=save]")).click();
    WebElement conflict = p.visible(By.cssSelector("[data-testid=conflict]"));
    assertThat(conflict.getText()).contains("Version 3 was saved by someone else after version 2");
    assertThat(p.visible(By.cssSelector("[data-testid=error]")).getText()).startsWith("409");
    assertThat(p.editorText()).contains("amount > 60");
    Browser.screenshot(d, "editor-conflict");
    d.findElement(By.xpath("//button[contains(., 'Keep my text')]")).click();
    d.findElement(By.cssSelector("[data-testid=save]")).click();
    p.waitText(By.cssSelector(".notice"), "Saved as version 4.");
    assertThat(server.api("GET", "/flows/" + flowId, null).get("yaml").asText())
        .contains("amount > 60");
  }

  @Test
  @Order(3)
  void theGraphShowsEachStageWithItsActionPropsAndDocs() throws Exception {
    d.findElement(By.cssSelector("[data-tab=graph]")).click();
    p.waitUntil(x -> p.all("[data-testid=graph] g.stage").size() == 3);
    d.findElement(By.cssSelector("g.stage[data-name=big]")).click();
    assertThat(p.visible(By.cssSelector("[data-testid=stage-action]")).getText())
        .isEqualTo("Filter");
    assertThat(d.findElement(By.cssSelector("[data-testid=stage-props]")).getText())
        .contains("\"condition\": \"amount > 60\"");
    assertThat(d.findElement(By.cssSelector("[data-testid=stage-details]")).getText())
        .contains("A boolean expression; records for which it is true pass");
    Browser.screenshot(d, "graph");
    // The keyboard reaches a stage too.
    d.findElement(By.cssSelector("g.stage[data-name=print]")).sendKeys(Keys.ENTER);
    p.waitText(By.cssSelector("[data-testid=stage-action]"), "Log");
  }

  @Test
  @Order(4)
  void previewShowsEachStagesRecords() throws Exception {
    d.findElement(By.cssSelector("[data-tab=preview]")).click();
    p.visible(By.id("records"))
        .sendKeys("{\"id\":7,\"amount\":500}\n{\"id\":8,\"amount\":5}\n{\"id\":9}");
    d.findElement(By.cssSelector("[data-testid=run-preview]")).click();
    WebElement big = p.visible(By.cssSelector("article[data-stage=big]"));
    assertThat(big.findElement(By.cssSelector("[data-kind=input] summary")).getText())
        .isEqualTo("Input (3)");
    assertThat(big.findElements(By.cssSelector("[data-kind=output] li")))
        .extracting(WebElement::getText)
        .containsExactly("{\"id\":7,\"amount\":500}");
    assertThat(big.findElement(By.cssSelector("[data-kind=errors]")).getText())
        .contains("Errors (1)")
        .contains("amount");
    WebElement print = d.findElement(By.cssSelector("article[data-stage=print]"));
    assertThat(print.findElements(By.cssSelector("[data-kind=input] li")))
        .extracting(WebElement::getText)
        .containsExactly("{\"id\":7,\"amount\":500}");
    Browser.screenshot(d, "preview");
  }

  @Test
  @Order(5)
  void versionsDiffWithFindingsAndRestore() throws Exception {
    d.findElement(By.cssSelector("[data-tab=versions]")).click();
    p.waitUntil(x -> p.all("[data-testid=versions] tbody tr").size() == 4);
    new Select(d.findElement(By.xpath("//label[starts-with(., 'From')]/select")))
        .selectByValue("1");
    new Select(d.findElement(By.xpath("//label[starts-with(., 'To')]/select"))).selectByValue("4");
    d.findElement(By.xpath("//button[.='Compare']")).click();
    WebElement diff = p.visible(By.cssSelector("[data-testid=diff]"));
    assertThat(diff.findElements(By.cssSelector(".del")))
        .extracting(WebElement::getText)
        .contains("-      condition: amount > 100");
    assertThat(diff.findElements(By.cssSelector(".add")))
        .extracting(WebElement::getText)
        .contains("+      condition: amount > 60");
    Browser.screenshot(d, "versions");
    d.findElement(By.cssSelector("[aria-label='Restore version 1']")).click();
    p.waitText(By.cssSelector(".notice"), "Version 1 restored as version 5.");
    assertThat(server.api("GET", "/flows/" + flowId, null).get("yaml").asText())
        .contains("amount > 100");
  }

  @Test
  @Order(6)
  void settingsChangeTheErrorPolicy() throws Exception {
    d.findElement(By.cssSelector("[data-tab=settings]")).click();
    WebElement policy = p.visible(By.id("s-errors.policy"));
    new Select(policy).selectByValue("STAGE_RECORD");
    d.findElement(By.xpath("//button[starts-with(., 'Save settings')]")).click();
    p.waitText(By.cssSelector(".notice"), "Saved as version 6.");
    assertThat(server.api("GET", "/flows/" + flowId + "/configuration", null).toString())
        .contains("\"errors.policy\":\"STAGE_RECORD\"");
    ((org.openqa.selenium.JavascriptExecutor) d).executeScript("window.scrollTo(0, 0)");
    Browser.screenshot(d, "settings");
  }
}
