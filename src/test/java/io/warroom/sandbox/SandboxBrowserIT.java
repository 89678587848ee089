package io.warroom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.support.WarroomProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sandbox as a newcomer meets it: {@code java -jar target/warroom.jar} with no Slack settings
 * at all, and headless Chromium driving the page through a whole incident. Screenshots of the main
 * steps are kept in {@code target/screenshots/}.
 */
class SandboxBrowserIT {

  static final Path SCREENSHOTS = Path.of("target/screenshots");
  static final Duration WAIT = Duration.ofSeconds(40);

  static WarroomProcess app;
  static String sandboxUrl;
  static WebDriver browser;

  /** Why the test is skipped here: no Chromium on this machine. */
  static String missing;

  @BeforeEach
  void needsABrowser() {
    Assumptions.assumeTrue(missing == null, missing);
  }

  @BeforeAll
  static void start() throws IOException {
    Path jar = Path.of("target/warroom.jar");
    assertTrue(Files.exists(jar), "run mvn package first");
    Optional<LocalChromium> chromium = LocalChromium.find(System.getenv());
    if (chromium.isEmpty()) {
      String line = "SandboxBrowserIT needs a browser: " + LocalChromium.HOW_TO_INSTALL;
      if (LocalChromium.required()) {
        throw new AssertionError(line + " (required here: -Dwarroom.browser-test=required)");
      }
      System.err.println("[SKIPPED] " + line);
      missing = line;
      return;
    }
    // No SLACK_* variables at all (WarroomProcess removes the caller's), and the class-data
    // archive the build wrote: the README's command for the sandbox.
    app = WarroomProcess.startWithArchive(Map.of(), jar);
    app.awaitHealthy(Duration.ofSeconds(90));
    sandboxUrl = awaitAnnouncedUrl();
    assertEquals("http://localhost:" + app.port + "/sandbox", sandboxUrl);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get().browser().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-extensions",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1440,1000");
    ChromeDriverService driver =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromium.get().driver().toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(driver, options);
    Files.createDirectories(SCREENSHOTS);
  }

  /** The one line the jar prints, e.g. "Warroom sandbox: open http://localhost:8080/sandbox". */
  private static String awaitAnnouncedUrl() {
    Pattern line = Pattern.compile("Warroom sandbox: open (http://\\S+/sandbox)");
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      Matcher m = line.matcher(app.stdout());
      if (m.find()) {
        assertEquals(1, app.stdout().split("Warroom sandbox: open", -1).length - 1);
        return m.group(1);
      }
      sleep(100); // the poll interval of this wait for the line
    }
    throw new AssertionError("no sandbox line in:\n" + app.output());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void aWholeIncidentByHand() {
    browser.get(sandboxUrl);
    await("the channel list", () -> channel("incidents") != null);
    click("#channels li[data-channel-name='incidents']");
    await("#incidents open", () -> text("#channel-name").contains("incidents"));
    shot("01-sandbox");

    // Declare by typing the command, as Alex.
    send("#text", "/incident declare sev1 Payments API returning 500s");
    await(
        "the ephemeral answer",
        () ->
            text("#messages").contains("Only visible to you")
                && text("#messages").contains("Declared"));
    await("the announcement", () -> text("#messages").contains("SEV1 declared"));
    await("the war room in the channel list", () -> warRoom() != null);
    shot("02-declared");

    click("#channels li[data-channel-name*='payments-api-returning-500s']");
    await(
        "the card with Take command",
        () ->
            !browser
                .findElements(By.cssSelector("button[data-action-id=warroom_take_command]"))
                .isEmpty());
    assertTrue(text("#channel-topic").startsWith("SEV1 | Investigating"), text("#channel-topic"));

    // Take command.
    click("button[data-action-id=warroom_take_command]");
    await("Alex as IC on the topic", () -> text("#channel-topic").contains("IC: @Alex Morgan"));
    await("the card redrawn", () -> card().getText().contains("Incident Commander\n@Alex Morgan"));
    shot("03-took-command");

    // A finding in the technical exploration thread.
    hoverClick(() -> message("Technical exploration thread"), ".hover-actions [data-open-thread]");
    await("the thread pane", () -> browser.findElement(By.id("side")).isDisplayed());
    send(
        "#reply-text",
        "Found it: payments-db connection pool exhausted (50/50 in use) <b>really</b>");
    await("the reply in the thread", () -> text("#thread").contains("connection pool exhausted"));
    assertTrue(
        threadMessage("connection pool exhausted").getText().contains("<b>really</b>"),
        "user text is shown, not interpreted");

    // Pin it with a pushpin reaction.
    hoverClick(
        () -> threadMessage("connection pool exhausted"), ".hover-actions [data-react=pushpin]");
    await(
        "the pushpin on the finding",
        () -> threadMessage("connection pool exhausted").getText().contains("📌 1"));
    await("the reply count", () -> text("#messages").contains("1 reply"));
    shot("04-pinned-finding");

    // Edit the finding: the timeline follows the edit.
    hoverClick(() -> threadMessage("connection pool exhausted"), ".hover-actions [data-edit]");
    await(
        "the edit box",
        () -> !browser.findElements(By.cssSelector("#thread .edit-text")).isEmpty());
    WebElement box = browser.findElement(By.cssSelector("#thread .edit-text"));
    assertTrue(
        box.getAttribute("value").startsWith("Found it: payments-db"), box.getAttribute("value"));
    box.clear();
    box.sendKeys("Found it: payments-db connection pool exhausted (confirmed in the pool metrics)");
    click("#thread [data-edit-save]");
    await(
        "the edited finding",
        () -> threadMessage("confirmed in the pool metrics").getText().contains("(edited)"));
    browser.findElement(By.id("side-close")).click();

    // A wrong guess, pinned, then deleted: it must not reach the postmortem.
    send("#text", "Hypothesis: DNS is broken again");
    await("the guess", () -> text("#messages").contains("DNS is broken again"));
    hoverClick(() -> message("DNS is broken again"), ".hover-actions [data-react=pushpin]");
    await("the guess pinned", () -> message("DNS is broken again").getText().contains("📌 1"));
    hoverClick(() -> message("DNS is broken again"), ".hover-actions [data-delete]");
    await(
        "the delete confirmation",
        () -> browser.findElement(By.id("confirm-backdrop")).isDisplayed());
    browser.findElement(By.id("confirm-ok")).click();
    await("the guess gone", () -> !text("#messages").contains("DNS is broken again"));

    // A status update through the modal.
    click("button[data-action-id=warroom_post_update]");
    await("the update modal", () -> browser.findElement(By.id("modal-backdrop")).isDisplayed());
    assertTrue(text("#modal-title").toLowerCase().contains("update"), text("#modal-title"));
    WebElement modal = browser.findElement(By.id("modal-body"));
    new Select(modal.findElement(By.cssSelector("[data-input=update_status]")))
        .selectByVisibleText("Identified");
    fill(modal, "update_impact", "Card payments fail for about 30% of EU customers.");
    fill(modal, "update_actions", "Raised the payments-db pool size; restarting API pods.");
    fill(modal, "update_next_steps", "Watch the error rate for 15 minutes.");
    shot("05-update-modal");
    browser.findElement(By.id("modal-submit")).click();
    await("the modal closed", () -> !browser.findElement(By.id("modal-backdrop")).isDisplayed());
    await(
        "the update in the war room",
        () -> text("#messages").contains("Card payments fail for about 30% of EU customers."));
    await("the topic follows", () -> text("#channel-topic").startsWith("SEV1 | Identified"));
    shot("06-update-posted");

    // Hypotheses on the board: one ruled out, one confirmed, with the board's buttons.
    send("#text", "/incident hypothesis the card processor is down");
    await("the board", () -> board().getText().contains("H1 the card processor is down"));
    send("#text", "/incident hypothesis the payments-db pool is too small");
    await(
        "H2 on the board",
        () -> board().getText().contains("H2 the payments-db pool is too small"));
    clickOnBoard("I'll check H1");
    await("Alex checks H1", () -> board().getText().contains("investigating: @Alex Morgan"));
    // The one being investigated comes first: its Rule out is the board's first.
    clickOnBoard("Rule out");
    await(
        "the rule-out confirmation",
        () -> browser.findElement(By.id("confirm-backdrop")).isDisplayed());
    browser.findElement(By.id("confirm-ok")).click();
    await("H1 ruled out", () -> board().getText().contains("H1 ruled out by @Alex Morgan"));
    clickOnBoard("Confirm");
    await(
        "the confirm confirmation",
        () -> browser.findElement(By.id("confirm-backdrop")).isDisplayed());
    browser.findElement(By.id("confirm-ok")).click();
    await("H2 confirmed", () -> board().getText().contains("H2 confirmed by @Alex Morgan"));
    shot("06b-hypothesis-board");
    // A decision, recorded and posted.
    send("#text", "/incident decision Roll back deploy 4521 now");
    await("the decision", () -> text("#messages").contains("Roll back deploy 4521 now"));

    // Alex hands command to Sam with a note; only Sam can accept it.
    send("#text", "/incident handoff @sam");
    await("the handover modal", () -> browser.findElement(By.id("modal-backdrop")).isDisplayed());
    assertTrue(text("#modal-title").toLowerCase().contains("hand over"), text("#modal-title"));
    WebElement handover = browser.findElement(By.id("modal-body"));
    fill(handover, "handover_state", "Pool raised; API pods restarting. Errors falling.");
    fill(handover, "handover_next", "Resolve once the error rate is normal for 15 minutes.");
    browser.findElement(By.id("modal-submit")).click();
    await("the modal closed", () -> !browser.findElement(By.id("modal-backdrop")).isDisplayed());
    await("the handover note", () -> text("#messages").contains("Handover of command"));
    await("pending on the card", () -> card().getText().contains("pending"));
    new Select(browser.findElement(By.id("as"))).selectByVisibleText("Sam Okafor (@sam)");
    await("Sam's view", () -> "Sam Okafor (@sam)".equals(selectedPerson()));
    click("#channels li[data-channel-name*='payments-api-returning-500s']");
    click("button[data-action-id=warroom_accept_command]");
    await("Sam as IC on the topic", () -> text("#channel-topic").contains("IC: @Sam Okafor"));
    await("the acceptance", () -> text("#messages").contains("accepted command from"));
    shot("065-handover-accepted");
    new Select(browser.findElement(By.id("as"))).selectByVisibleText("Alex Morgan (@alex)");
    await("Alex's view", () -> "Alex Morgan (@alex)".equals(selectedPerson()));
    click("#channels li[data-channel-name*='payments-api-returning-500s']");

    // Resolve, through Slack's confirmation dialog.
    click("button[data-action-id=warroom_resolve]");
    await("the confirmation", () -> browser.findElement(By.id("confirm-backdrop")).isDisplayed());
    browser.findElement(By.id("confirm-ok")).click();
    await("resolved on the topic", () -> text("#channel-topic").contains("Resolved"));
    await(
        "the postmortem file",
        () -> !browser.findElements(By.cssSelector("#messages .file")).isEmpty());
    shot("07-resolved");

    // Read the postmortem.
    assertTrue(text("#messages .file").contains(".md"), text("#messages .file"));
    click("#messages .file");
    await("the postmortem in the file view", () -> text("#file-view").contains("Timeline"));
    String postmortem = text("#file-view");
    assertTrue(postmortem.contains("Payments API returning 500s"), postmortem);
    assertTrue(
        postmortem.contains("confirmed in the pool metrics"), "the pinned finding, as edited");
    assertFalse(postmortem.contains("DNS is broken again"), "a deleted message never appears");
    assertTrue(postmortem.contains("alex"), "display names, not user ids: " + postmortem);
    assertFalse(postmortem.contains("<@U"), postmortem);
    assertTrue(postmortem.contains("H1 the card processor is down — raised"), postmortem);
    assertTrue(postmortem.contains("; ruled out "), postmortem);
    assertTrue(postmortem.contains("H2 the payments-db pool is too small — raised"), postmortem);
    assertTrue(postmortem.contains("; confirmed "), postmortem);
    assertTrue(
        postmortem.contains("Declared → the confirmed hypothesis first raised (H2)"), postmortem);
    assertTrue(postmortem.contains("Roll back deploy 4521 now"), "the decision");
    assertTrue(postmortem.contains("Handovers"), postmortem);
    assertTrue(postmortem.contains("Pool raised; API pods restarting."), "the handover note");
    shot("08-postmortem");
  }

  @Test
  void switchingPeopleShowsWhatEachOneSees() {
    browser.get(sandboxUrl);
    await("the channel list", () -> channel("general") != null);
    new Select(browser.findElement(By.id("as"))).selectByVisibleText("Sam Okafor (@sam)");
    await("Sam's view", () -> "Sam Okafor (@sam)".equals(selectedPerson()));
    click("#channels li[data-channel-name='general']");
    await("#general open", () -> text("#channel-name").contains("general"));
    send("#text", "/incident wat");
    await(
        "help, only for Sam",
        () ->
            text("#messages").contains("Only visible to you")
                && text("#messages").contains("/incident declare"));
    new Select(browser.findElement(By.id("as"))).selectByVisibleText("Priya Natarajan (@priya)");
    await("Priya's view", () -> "Priya Natarajan (@priya)".equals(selectedPerson()));
    await("no ephemeral for Priya", () -> !text("#messages").contains("Only visible to you"));
    new Select(browser.findElement(By.id("as"))).selectByVisibleText("Alex Morgan (@alex)");
  }

  @Test
  void aDrillDeclaredThroughTheForm() {
    browser.get(sandboxUrl);
    await("the channel list", () -> channel("general") != null);
    new Select(browser.findElement(By.id("as"))).selectByVisibleText("Jordan Lee (@jordan)");
    click("#channels li[data-channel-name='general']");
    await("#general open", () -> text("#channel-name").contains("general"));
    send("#text", "/incident");
    await("the Declare form", () -> browser.findElement(By.id("modal-backdrop")).isDisplayed());
    WebElement modal = browser.findElement(By.id("modal-body"));
    browser.findElement(By.id("modal-submit")).click();
    await(
        "the form's own error, in the form",
        () ->
            !browser.findElements(By.cssSelector("#modal-body .field-error")).stream()
                .allMatch(e -> e.getText().isEmpty()));
    fill(modal, "declare_title", "Game day: primary database fails over");
    new Select(modal.findElement(By.cssSelector("[data-input=declare_severity]")))
        .selectByValue("SEV2");
    new Select(modal.findElement(By.cssSelector("[data-input=declare_commander]")))
        .selectByVisibleText("Priya Natarajan");
    modal.findElement(By.cssSelector("[data-input=declare_options][value=drill]")).click();
    shot("09-drill-form");
    browser.findElement(By.id("modal-submit")).click();
    await("the form closed", () -> !browser.findElement(By.id("modal-backdrop")).isDisplayed());
    await(
        "the drill's war room, marked",
        () ->
            browser
                .findElement(By.cssSelector("#channels li[data-channel-name*='-drill-']"))
                .getText()
                .contains("drill"));
    click("#channels li[data-channel-name*='-drill-']");
    await("the drill's topic", () -> text("#channel-topic").startsWith("[DRILL]"));
    await("Priya is IC", () -> text("#channel-topic").contains("IC: @Priya Natarajan"));
    shot("10-drill-room");
    new Select(browser.findElement(By.id("as"))).selectByVisibleText("Alex Morgan (@alex)");
  }

  // ---- helpers ----

  private static String selectedPerson() {
    return new Select(browser.findElement(By.id("as"))).getFirstSelectedOption().getText();
  }

  private static WebElement channel(String name) {
    List<WebElement> found =
        browser.findElements(By.cssSelector("#channels li[data-channel-name='" + name + "']"));
    return found.isEmpty() ? null : found.get(0);
  }

  private static WebElement warRoom() {
    List<WebElement> found =
        browser.findElements(
            By.cssSelector("#channels li[data-channel-name*='payments-api-returning-500s']"));
    return found.isEmpty() ? null : found.get(0);
  }

  private static WebElement card() {
    return browser.findElements(By.cssSelector("#messages .message")).stream()
        .filter(m -> m.getText().contains("Incident Commander"))
        .findFirst()
        .orElseThrow();
  }

  private static WebElement board() {
    return message("Hypothesis board");
  }

  /** Clicks the board's first button with this label, again if a redraw replaced it. */
  private static void clickOnBoard(String label) {
    await(
        "clicked " + label + " on the board",
        () -> {
          board().findElements(By.cssSelector("button")).stream()
              .filter(b -> b.getText().strip().equals(label))
              .findFirst()
              .orElseThrow()
              .click();
          return true;
        });
  }

  private static WebElement message(String containing) {
    return browser.findElements(By.cssSelector("#messages .message")).stream()
        .filter(m -> m.getText().contains(containing))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no message with " + containing));
  }

  private static WebElement threadMessage(String containing) {
    return browser.findElements(By.cssSelector("#thread .message")).stream()
        .filter(m -> m.getText().contains(containing))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no reply with " + containing));
  }

  /** Clicks what the css selects, again if a redraw replaced it meanwhile. */
  private static void click(String css) {
    await(
        "clicked " + css,
        () -> {
          browser.findElement(By.cssSelector(css)).click();
          return true;
        });
  }

  /** Hovers over a message, then clicks one of its hover actions. */
  private static void hoverClick(java.util.function.Supplier<WebElement> message, String css) {
    await(
        "clicked " + css,
        () -> {
          WebElement m = message.get();
          new Actions(browser).moveToElement(m).perform();
          m.findElement(By.cssSelector(css)).click();
          return true;
        });
  }

  private static String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private static void send(String css, String typed) {
    WebElement box = browser.findElement(By.cssSelector(css));
    box.click();
    box.sendKeys(typed);
    box.sendKeys(Keys.ENTER);
  }

  private static void fill(WebElement modal, String actionId, String value) {
    WebElement field = modal.findElement(By.cssSelector("[data-input=" + actionId + "]"));
    field.clear();
    field.sendKeys(value);
  }

  private static void await(String what, java.util.function.BooleanSupplier condition) {
    ExpectedCondition<Boolean> met =
        driver -> {
          try {
            return condition.getAsBoolean();
          } catch (StaleElementReferenceException
              | java.util.NoSuchElementException
              | org.openqa.selenium.ElementNotInteractableException e) {
            return false;
          } catch (AssertionError notYet) {
            return false; // message() and threadMessage() before the page has redrawn
          }
        };
    try {
      new WebDriverWait(browser, WAIT).withMessage(what).until(met);
    } catch (RuntimeException e) {
      shot("failed-" + what.replaceAll("[^a-zA-Z0-9]+", "-"));
      throw e;
    }
  }

  private static void shot(String name) {
    try {
      Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
