package dev.flow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * In a real Chromium on the real server: a manual run on the local environment, its counts on the
 * runs page, the record that failed on the error-records page, and its replay.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunsAndErrorsITCase {
  static final String RATIO =
      """
      name: ratio
      stages:
        - name: orders
          action: Inline Records
          props:
            records:
              - {id: 1, amount: 4}
          out: [ratio]
        - name: ratio
          action: Map
          props:
            fields:
              share: 100 / amount
          out: [print]
        - name: print
          action: Log
          props: {}
      """;

  static UiServer server;
  static ChromeDriver d;
  static Pages p;
  static String flowId;
  static String missing;

  /** Skips the test, naming the endpoint, on a server without the runs API. */
  static void needsTheRunsApi() {
    if (missing != null) {
      System.err.println("Skipped: " + missing);
    }
    Assumptions.assumeTrue(missing == null, missing);
  }

  @BeforeAll
  static void start() throws Exception {
    d = Browser.start(1280, 900, Files.createTempDirectory(Path.of("target"), "downloads-"));
    server = new UiServer();
    p = new Pages(d, server.url());
    for (String route : List.of("/runs", "/runs/stats", "/error-records")) {
      if (server.status(route) == 404) {
        missing =
            "the server has no GET /api/v1" + route + " endpoint (the runs and error-records API)";
        return;
      }
    }
    flowId = server.api("POST", "/flows", Map.of("yaml", RATIO)).get("id").asText();
    server.api(
        "POST",
        "/flows/" + flowId + "/trigger",
        Map.of("records", List.of(Map.of("id", 1, "amount", 4), Map.of("id", 2, "amount", 0))));
  }

  @AfterAll
  static void stop() {
    if (d != null) d.quit();
    if (server != null) server.close();
  }

  @Test
  @Order(1)
  void theRunsPageShowsTheManualRunWithItsCounts() throws Exception {
    needsTheRunsApi();
    p.signIn(server.adminToken());
    p.open("/flows/" + flowId + "/runs");
    p.waitUntil(
        x -> {
          // Each posted record is a run of its own: two records, two runs.
          if (p.all("[data-testid=runs] tbody tr").size() < 2) {
            d.findElement(By.xpath("//button[.='Refresh']")).click();
            return false;
          }
          return true;
        });
    WebElement run = p.all("[data-testid=runs] tbody tr").get(0);
    assertThat(run.findElement(By.cssSelector("td[data-label=Started] .label")).getText())
        .isEqualTo("manual");
    assertThat(run.findElement(By.cssSelector("td[data-label=Environment]")).getText())
        .isEqualTo("local");
    assertThat(
            p.all("[data-testid=runs] tbody tr").stream()
                .map(r -> r.findElement(By.cssSelector("td[data-label=Errors]")).getText())
                .toList())
        .containsExactlyInAnyOrder("0", "1");
    assertThat(d.findElement(By.cssSelector("[data-stat=runs]")).getText()).isEqualTo("2");
    Browser.screenshot(d, "runs");
  }

  @Test
  @Order(2)
  void theErrorRecordIsShownAndReplayed() throws Exception {
    needsTheRunsApi();
    p.open("/flows/" + flowId + "/errors");
    WebElement row = p.visible(By.cssSelector("[data-testid=error-records] tbody tr"));
    assertThat(row.findElement(By.cssSelector("td[data-label=Stage]")).getText())
        .startsWith("ratio");
    row.findElement(By.cssSelector("td[data-label=When] button")).click();
    WebElement body = p.visible(By.cssSelector("[data-testid=error-record-body]"));
    assertThat(body.getText()).contains("\"amount\": 0").contains("\"id\": 2");
    Browser.screenshot(d, "error-records");
    row.findElement(By.cssSelector("input[type=checkbox]")).click();
    d.findElement(By.xpath("//button[.='Replay selected (1)']")).click();
    p.waitText(By.cssSelector("[data-testid=errors-page] .notice"), "Replayed 1 record(s) in run ");
  }
}
