package io.warroom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.incident.ActionItemService;
import io.warroom.incident.DeclareRequest;
import io.warroom.incident.IncidentService;
import io.warroom.incident.Severity;
import io.warroom.incident.StatusUpdate;
import io.warroom.pages.PageLinks;
import io.warroom.support.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The signed pages in a real browser (Chromium, phone width): an incident's page and the insights
 * page render, and their screenshots are kept in {@code target/screenshots/} (CI keeps that folder
 * as an artifact).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesBrowserIT {

  private TestApp app;
  private WebDriver browser;
  private String missing;

  @BeforeAll
  void start() throws IOException {
    Optional<LocalChromium> chromium = LocalChromium.find(System.getenv());
    if (chromium.isEmpty()) {
      missing = "PagesBrowserIT needs a browser: " + LocalChromium.HOW_TO_INSTALL;
      if (LocalChromium.required()) {
        throw new AssertionError(missing);
      }
      System.err.println("[SKIPPED] " + missing);
      return;
    }
    app = TestApp.start(Map.of("warroom.page-secret", "browser-page-secret-5b2d9e"));
    IncidentService incidents = app.bean(IncidentService.class);
    long id =
        incidents
            .declare(
                new DeclareRequest(
                    "browser-1",
                    "Payments API returning 500s",
                    Severity.SEV1,
                    "EU checkout",
                    false,
                    false,
                    "U0ALEX",
                    "U0ALEX"))
            .incident()
            .id();
    incidents.postUpdate(
        id, StatusUpdate.quick("Card payments failing for 30% of EU users"), "U0ALEX");
    app.bean(ActionItemService.class).record(id, "Alert on checkout 5xx rate", "U0SAM", "U0ALEX");
    incidents.mitigate(id, "Rolled back", "U0ALEX");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get().browser().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--window-size=412,1400");
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.get().driver().toFile())
                .usingAnyFreePort()
                .build(),
            options);
    Files.createDirectories(SandboxBrowserIT.SCREENSHOTS);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theSignedPagesRenderInABrowser() {
    Assumptions.assumeTrue(missing == null, missing);
    PageLinks links = app.bean(PageLinks.class);
    long id = app.bean(IncidentService.class).all().get(0).id();
    browser.get(local(links.incident(id)));
    assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Payments API"));
    shot("pages-incident");
    browser.get(local(links.insights()));
    assertEquals("Insights", browser.findElement(By.tagName("h1")).getText());
    assertTrue(browser.findElements(By.tagName("svg")).size() >= 2);
    shot("pages-insights");
  }

  private String local(String link) {
    URI uri = URI.create(link);
    return app.url(uri.getRawPath() + "?" + uri.getRawQuery()).toString();
  }

  private void shot(String name) {
    try {
      Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(
          png,
          SandboxBrowserIT.SCREENSHOTS.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
