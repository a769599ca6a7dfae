package dev.flow.ui;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests do on the UI's pages: sign in, open a page, edit the YAML, wait. */
final class Pages {
  final ChromeDriver d;
  final String base;
  private final WebDriverWait wait;

  Pages(ChromeDriver d, String base) {
    this.d = d;
    this.base = base;
    this.wait = new WebDriverWait(d, Duration.ofSeconds(30));
  }

  /** Signs in through the form with the keyboard: the token, then Enter. */
  void signIn(String token) {
    d.manage().deleteAllCookies();
    d.get(base + "/#/flows");
    ((JavascriptExecutor) d).executeScript("sessionStorage.clear()");
    d.navigate().refresh();
    WebElement input = visible(By.id("token"));
    input.sendKeys(token, Keys.ENTER);
    visible(By.cssSelector("[data-testid=role]"));
  }

  void open(String hashPath) {
    d.get(base + "/#" + hashPath);
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void waitText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  void waitUntil(java.util.function.Function<ChromeDriver, Boolean> condition) {
    wait.until(x -> condition.apply(d));
  }

  List<WebElement> all(String css) {
    return d.findElements(By.cssSelector(css));
  }

  /** The YAML editor's text. */
  String editorText() {
    return (String)
        ((JavascriptExecutor) d)
            .executeScript("return document.querySelector('.editor').cmView.state.doc.toString()");
  }

  /** Replaces the YAML editor's text, as a paste would. */
  void setEditorText(String text) {
    visible(By.cssSelector(".cm-content"));
    ((JavascriptExecutor) d)
        .executeScript(
            "const v = document.querySelector('.editor').cmView;"
                + "v.dispatch({changes: {from: 0, to: v.state.doc.length, insert: arguments[0]}});",
            text);
  }

  /** The 1-based editor line of each inline error marker. */
  @SuppressWarnings("unchecked")
  List<Long> markerLines() {
    return (List<Long>)
        ((JavascriptExecutor) d)
            .executeScript(
                "const lines = [...document.querySelectorAll('.cm-line')];"
                    + "return [...document.querySelectorAll('.cm-lintRange-error')]"
                    + ".map(e => lines.indexOf(e.closest('.cm-line')) + 1);");
  }

  /** The elements that stick out of the window on the right, for a failure message. */
  String overflowing() {
    return String.valueOf(
        ((JavascriptExecutor) d)
            .executeScript(
                "return [...document.querySelectorAll('body *')].filter(e =>"
                    + " e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap, .cm-editor'))"
                    + ".slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' +"
                    + " Math.round(e.getBoundingClientRect().right)).join(', ')"));
  }

  /** Whether the page is wider than the window (a horizontal scroll bar on the whole page). */
  boolean overflowsHorizontally() {
    return (Boolean)
        ((JavascriptExecutor) d)
            .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
  }
}
