package dev.flow.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through chromedriver: Debian's chromium and chromium-driver packages.
 */
final class Browser {

  private Browser() {}

  /** The first executable found: the environment variable's path, then the usual names on PATH. */
  static Optional<Path> find(String envVar, List<String> names) {
    String env = System.getenv(envVar);
    Stream<Path> candidates =
        env != null && !env.isBlank()
            ? Stream.of(Path.of(env))
            : names.stream()
                .flatMap(
                    n ->
                        Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                            .map(d -> Path.of(d, n)));
    return candidates.filter(Files::isExecutable).findFirst();
  }

  /**
   * Starts a headless Chromium; without one, the test is skipped with a message, or fails when the
   * environment says CI=true (there the browser must be installed: .ci/run installs it).
   */
  static ChromeDriver start(int width, int height, Path downloads) {
    Optional<Path> chromium =
        find("CHROMIUM_BIN", List.of("chromium", "chromium-browser", "google-chrome"));
    Optional<Path> driver = find("CHROMEDRIVER_BIN", List.of("chromedriver"));
    if (chromium.isEmpty() || driver.isEmpty()) {
      String message =
          "no "
              + (chromium.isEmpty() ? "chromium" : "chromedriver")
              + " binary found (install Debian's chromium and chromium-driver, or set CHROMIUM_BIN"
              + " and CHROMEDRIVER_BIN)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail("CI=true but " + message);
      }
      Assumptions.abort("Browser tests skipped: " + message);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-extensions",
        "--window-size=" + width + "," + height);
    options.setExperimentalOption(
        "prefs",
        java.util.Map.of(
            "download.default_directory",
            downloads.toAbsolutePath().toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile()).build();
    ChromeDriver d = new ChromeDriver(service, options);
    d.manage().window().setSize(new Dimension(width, height));
    d.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return d;
  }

  /**
   * Saves a screenshot as NAME.png into the folder of -Dflow.ui.screenshots (docs/ui to refresh the
   * README's pictures), else target/screenshots.
   */
  static Path screenshot(ChromeDriver d, String name) throws IOException {
    Path dir = Path.of(System.getProperty("flow.ui.screenshots", "target/screenshots"));
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
    return file;
  }
}
