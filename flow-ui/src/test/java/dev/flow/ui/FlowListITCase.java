package dev.flow.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** In a real Chromium on the real server: the flows list, import/export, roles, narrow width. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlowListITCase {
  static UiServer server;
  static ChromeDriver d;
  static Pages p;
  static Path downloads;

  static String yaml(String name) {
    return "name: "
        + name
        + "\nstages:\n  - name: in\n    action: Inline Records\n    props:\n      records: [{id: 1}]\n"
        + "    out: [out]\n  - name: out\n    action: Log\n    props: {}\n";
  }

  @BeforeAll
  static void start() throws Exception {
    downloads = Files.createTempDirectory(Path.of("target"), "downloads-");
    d = Browser.start(1280, 900, downloads);
    server = new UiServer();
    p = new Pages(d, server.url());
    server.api("POST", "/flows", Map.of("yaml", yaml("alpha"), "labels", Map.of("team", "red")));
    for (int i = 0; i < 24; i++) {
      server.api("POST", "/flows", Map.of("yaml", yaml(String.format("bulk %02d", i))));
    }
  }

  @AfterAll
  static void stop() {
    if (d != null) d.quit();
    if (server != null) server.close();
  }

  WebElement row(String name) {
    return p.visible(By.cssSelector("tr[data-flow='" + name + "']"));
  }

  @Test
  @Order(1)
  void searchLabelsAndPages() throws Exception {
    p.signIn(server.adminToken());
    p.waitText(By.cssSelector("[data-testid=page]"), "Page 1 of 2 (25)");
    assertThat(p.all("[data-testid=flows] tbody tr")).hasSize(20);
    Browser.screenshot(d, "flows");
    d.findElement(By.xpath("//button[.='Next']")).click();
    p.waitText(By.cssSelector("[data-testid=page]"), "Page 2 of 2 (25)");
    p.waitUntil(x -> p.all("[data-testid=flows] tbody tr").size() == 5);
    d.findElement(By.name("q")).sendKeys("alph", Keys.ENTER);
    p.waitUntil(x -> p.all("[data-testid=flows] tbody tr").size() == 1);
    assertThat(row("alpha").getText()).contains("team=red").contains("not deployed");
  }

  @Test
  @Order(2)
  void duplicateExportAndImportWithRename() throws Exception {
    row("alpha").findElement(By.xpath(".//button[.='Duplicate']")).click();
    WebElement name = p.visible(By.cssSelector("dialog input[name=name]"));
    name.sendKeys(Keys.ESCAPE);
    p.waitUntil(x -> p.all("dialog[open]").isEmpty());
    row("alpha").findElement(By.xpath(".//button[.='Duplicate']")).click();
    name = p.visible(By.cssSelector("dialog input[name=name]"));
    assertThat(name.getAttribute("value")).isEqualTo("alpha copy");
    name.sendKeys(Keys.ENTER);
    p.waitText(By.cssSelector(".notice"), "Duplicated as alpha copy.");
    assertThat(server.api("GET", "/flows/by-name/alpha%20copy", null).get("yaml").asText())
        .isEqualTo(yaml("alpha"));

    row("alpha").findElement(By.cssSelector("input[type=checkbox]")).click();
    d.findElement(By.cssSelector("[data-testid=export]")).click();
    Path zip = downloads.resolve("alpha.zip");
    p.waitUntil(x -> Files.exists(zip));

    d.findElement(By.xpath("//button[.='Import…']")).click();
    p.visible(By.cssSelector("dialog input[type=file]")).sendKeys(zip.toAbsolutePath().toString());
    d.findElement(By.cssSelector("dialog input[value=rename]")).click();
    d.findElement(By.xpath("//dialog//button[.='Import']")).click();
    WebElement report = p.visible(By.cssSelector("[data-testid=import-report]"));
    assertThat(report.findElement(By.cssSelector("tr[data-import=alpha]")).getText())
        .contains("renamed")
        .contains("alpha (1)");
    Browser.screenshot(d, "import-report");
    d.findElement(By.xpath("//dialog//button[.='Close']")).click();
    assertThat(server.api("GET", "/flows/by-name/alpha%20(1)", null).get("yaml").asText())
        .isEqualTo(yaml("alpha"));

    d.findElement(By.name("q")).clear();
    d.findElement(By.name("q")).sendKeys("alpha (1)", Keys.ENTER);
    row("alpha (1)").findElement(By.xpath(".//button[.='Delete']")).click();
    p.visible(By.xpath("//dialog//button[.='Delete']")).click();
    p.waitText(By.cssSelector(".notice"), "Deleted alpha (1).");
  }

  @Test
  @Order(3)
  void parameterSetSecretsAreMaskedAndNeverReadBack() throws Exception {
    server.api(
        "POST",
        "/parameter-sets",
        Map.of(
            "name",
            "shop",
            "parameters",
            Map.of(
                "host", Map.of("value", "db.local", "secret", false),
                "password", Map.of("value", "s3cr3t-value", "secret", true))));
    p.open("/params/shop");
    WebElement pw = p.visible(By.cssSelector("tr[data-param=password] input[type=password]"));
    assertThat(pw.getAttribute("value")).isEmpty();
    assertThat(d.getPageSource()).doesNotContain("s3cr3t-value");
    Browser.screenshot(d, "parameter-sets");
    pw.sendKeys("n3w-secret");
    d.findElement(By.xpath("//button[.='Save']")).click();
    p.waitText(By.cssSelector(".notice"), "Saved.");
    assertThat(d.getPageSource()).doesNotContain("n3w-secret");
  }

  @Test
  @Order(4)
  void serverErrorsAreShownWithTheirMessage() {
    p.open("/flows/no-such-flow/editor");
    assertThat(p.visible(By.cssSelector("[data-testid=error]")).getText()).startsWith("404");
  }

  @Test
  @Order(5)
  void aReadOnlyTokenHasNoEditControlsAndItsWritesAreRefused() throws Exception {
    String token =
        server
            .api("POST", "/tokens", Map.of("name", "viewer", "role", "read"))
            .get("token")
            .asText();
    p.signIn(token);
    assertThat(p.visible(By.cssSelector("[data-testid=role]")).getText()).isEqualTo("read");
    row("alpha");
    assertThat(p.all("a.button.primary")).isEmpty();
    assertThat(d.findElements(By.xpath("//button[.='Duplicate' or .='Delete' or .='Import…']")))
        .isEmpty();
    row("alpha").findElement(By.linkText("alpha")).click();
    p.visible(By.cssSelector(".cm-content"));
    assertThat(d.findElement(By.cssSelector(".cm-content")).getAttribute("contenteditable"))
        .isEqualTo("false");
    assertThat(p.all("[data-testid=save]")).isEmpty();
    Browser.screenshot(d, "read-only-editor");
    Object status =
        ((JavascriptExecutor) d)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/v1/flows/' + location.hash.split('/')[2], {method: 'DELETE',"
                    + " headers: {Authorization: 'Bearer ' + sessionStorage.getItem('flow.token')}})"
                    + ".then(r => done(r.status));");
    assertThat(status).isEqualTo(403L);
  }

  @Test
  @Order(6)
  void aNarrowWindowHasNoSidewaysScrolling() throws Exception {
    p.signIn(server.adminToken());
    d.manage().window().setSize(new Dimension(400, 860));
    row("alpha");
    Browser.screenshot(d, "narrow-flows");
    assertThat(p.overflowsHorizontally()).as(p.overflowing()).isFalse();
    row("alpha").findElement(By.linkText("alpha")).click();
    p.visible(By.cssSelector("[data-testid=valid]"));
    Browser.screenshot(d, "narrow-editor");
    assertThat(p.overflowsHorizontally()).as(p.overflowing()).isFalse();
  }
}
