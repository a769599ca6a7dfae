package dev.flow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * In a real Chromium on the real server with its embedded Flink: deploy a flow on the local
 * environment from the UI, see it running with its live per-stage counters, stop it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploymentPageITCase {
  static final String TICKER =
      """
      name: ticker
      stages:
        - name: ticks
          action: Generator
          props:
            fields: {id: seq, amount: 'int(1,500)'}
            rate: 50
          out: [keep]
        - name: keep
          action: Filter
          props:
            condition: amount > 0
          out: [drop]
        - name: drop
          action: Trash
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
    flowId = server.api("POST", "/flows", Map.of("yaml", TICKER)).get("id").asText();
  }

  @AfterAll
  static void stop() {
    if (d != null) d.quit();
    if (server != null) server.close();
  }

  @Test
  @Order(1)
  void deployOnTheLocalEnvironmentSeeItRunWithItsCountersAndStopIt() throws Exception {
    p.signIn(server.adminToken());
    p.open("/flows/" + flowId + "/deploy");
    p.visible(By.cssSelector("[data-testid=no-deployments]"));
    assertThat(d.findElement(By.cssSelector("[data-testid=no-deployments]")).getText())
        .isEqualTo("Not deployed yet.");
    WebElement form = p.visible(By.cssSelector("form[aria-label=Deploy]"));
    p.waitUntil(
        x -> !form.findElements(By.cssSelector("select[name=environment] option")).isEmpty());
    assertThat(
            new Select(form.findElement(By.cssSelector("select[name=environment]")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("local (local)");
    form.findElement(By.xpath(".//button[.='Deploy']")).click();
    p.waitText(By.cssSelector("form[aria-label=Deploy] .notice"), "Deployed version 1 on local.");

    WebElement card = p.visible(By.cssSelector("article.deployment"));
    p.waitText(By.cssSelector("[data-testid=deployment-state]"), "running");
    assertThat(card.findElement(By.cssSelector("h2")).getText()).isEqualTo("On local");
    assertThat(card.findElement(By.cssSelector("[data-testid=deployment-version]")).getText())
        .isEqualTo("1");
    JsonNode dep = server.api("GET", "/deployments?flowId=" + flowId, null).get("items").get(0);
    String jobId = dep.get("jobId").asText();
    WebElement job = card.findElement(By.cssSelector("[data-testid=job-id] a"));
    assertThat(job.getText()).isEqualTo(jobId);
    assertThat(job.getAttribute("href")).endsWith("/#/job/running/" + jobId + "/overview");

    // The live counters: every stage appears, and the Filter's records in keep rising.
    p.waitUntil(x -> p.all("[data-testid=metrics] tr[data-stage]").size() == 3);
    assertThat(p.all("[data-testid=metrics] tr[data-stage]"))
        .extracting(e -> e.getAttribute("data-stage"))
        .containsExactlyInAnyOrder("ticks", "keep", "drop");
    assertThat(p.all("[data-testid=metrics] thead th"))
        .extracting(WebElement::getText)
        .containsExactly("Stage", "In", "Out", "Errors", "In/s", "Out/s", "Last minute");
    long first = keepIn();
    p.waitUntil(x -> keepIn() > first && keepIn() > 0);
    p.waitUntil(x -> !inPerSecond().equals("0"));
    assertThat(d.findElement(By.cssSelector("tr[data-stage=keep] [data-metric=errors]")).getText())
        .isEqualTo("0");
    Browser.screenshot(d, "deployment-running");

    // The list of every deployment shows it too.
    p.open("/deployments");
    WebElement row =
        p.visible(By.cssSelector("tr[data-deployment='" + dep.get("id").asText() + "']"));
    assertThat(row.findElements(By.cssSelector("td")))
        .extracting(WebElement::getText)
        .startsWith("ticker", "local", "running", "1", jobId);
    Browser.screenshot(d, "deployments");

    // Stop without a savepoint.
    p.open("/flows/" + flowId + "/deploy");
    WebElement sp = p.visible(By.xpath("//label[contains(., 'with a savepoint')]/input"));
    if (sp.isSelected()) sp.click();
    d.findElement(By.xpath("//button[.='Stop']")).click();
    p.waitText(By.cssSelector("article.deployment .notice"), "Stopped.");
    p.waitText(By.cssSelector("[data-testid=deployment-state]"), "stopped");
    List<String> actions =
        p.all("[data-testid=history] tbody tr td:nth-child(2)").stream()
            .map(WebElement::getText)
            .toList();
    // Oldest first: the deploy, the state changes the server saw, and a stop without a savepoint.
    assertThat(actions).first().isEqualTo("deploy");
    assertThat(actions).last().isEqualTo("cancel");
    assertThat(
            server.api("GET", "/deployments/" + dep.get("id").asText(), null).get("state").asText())
        .isEqualTo("STOPPED");
    Browser.screenshot(d, "deployment-stopped");
  }

  @Test
  @Order(2)
  void aRefusedUpgradeShowsTheFindingsAndGoesAheadOnlyWhenDroppingStateIsAllowed()
      throws Exception {
    String v1 =
        """
        name: dedupe ticker
        stages:
          - name: ticks
            action: Generator
            props: {fields: {id: seq}, rate: 20}
            out: [dedupe]
          - name: dedupe
            action: Deduplicate
            props: {keyField: id, ttl: 1h}
            out: [drop]
          - name: drop
            action: Trash
            props: {}
        """;
    String v2 =
        """
        name: dedupe ticker
        stages:
          - name: ticks
            action: Generator
            props: {fields: {id: seq}, rate: 20}
            out: [drop]
          - name: drop
            action: Trash
            props: {}
        """;
    String id = server.api("POST", "/flows", Map.of("yaml", v1)).get("id").asText();
    server.api("PUT", "/flows/" + id, Map.of("yaml", v2, "baseVersion", 1, "message", "no dedupe"));
    server.api("POST", "/deployments", Map.of("flowId", id, "version", 1));
    p.open("/flows/" + id + "/deploy");
    p.waitText(By.cssSelector("[data-testid=deployment-state]"), "running");
    new Select(p.visible(By.cssSelector("[data-testid=upgrade-version]"))).selectByValue("2");
    d.findElement(By.xpath("//button[.='Upgrade']")).click();
    WebElement refused = p.visible(By.cssSelector("[data-testid=refused]"));
    assertThat(refused.findElement(By.cssSelector("strong")).getText())
        .isEqualTo("The upgrade would lose state");
    assertThat(refused.findElements(By.cssSelector("li"))).isNotEmpty();
    assertThat(refused.getText()).contains("dedupe");
    WebElement anyway = refused.findElement(By.xpath(".//button[.='Upgrade anyway']"));
    assertThat(anyway.isEnabled()).isFalse();
    ((org.openqa.selenium.JavascriptExecutor) d)
        .executeScript("arguments[0].scrollIntoView({block: 'end'})", refused);
    Browser.screenshot(d, "upgrade-refused");
    refused.findElement(By.cssSelector("[data-testid=allow-state-loss]")).click();
    anyway.click();
    p.waitText(By.cssSelector("article.deployment .notice"), "Upgraded to version 2.");
    p.waitText(By.cssSelector("[data-testid=deployment-version]"), "2");
  }

  private long keepIn() {
    List<WebElement> e = p.all("tr[data-stage=keep] [data-metric=recordsIn]");
    return e.isEmpty() ? -1 : Long.parseLong(e.get(0).getText());
  }

  private String inPerSecond() {
    List<WebElement> e = p.all("tr[data-stage=keep] td[data-label='In/s']");
    return e.isEmpty() ? "0" : e.get(0).getText();
  }
}
