package io.warroom.sandbox;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Chromium and chromedriver the browser test drives: {@code CHROME_BIN} and {@code
 * CHROMEDRIVER} when set, else the first of the usual names on the {@code PATH}.
 */
record LocalChromium(Path browser, Path driver) {

  static final String HOW_TO_INSTALL =
      "install Chromium and its driver (Debian: apt-get install chromium chromium-driver; macOS:"
          + " brew install --cask chromium chromedriver) or set CHROME_BIN and CHROMEDRIVER";

  /** {@code -Dwarroom.browser-test=required} (set by .ci/run) fails instead of skipping. */
  static boolean required() {
    return "required".equalsIgnoreCase(System.getProperty("warroom.browser-test", ""));
  }

  static Optional<LocalChromium> find(Map<String, String> env) {
    Optional<Path> browser =
        executable(
            env, "CHROME_BIN", List.of("chromium", "chromium-browser", "google-chrome", "chrome"));
    Optional<Path> driver = executable(env, "CHROMEDRIVER", List.of("chromedriver"));
    return browser.isPresent() && driver.isPresent()
        ? Optional.of(new LocalChromium(browser.get(), driver.get()))
        : Optional.empty();
  }

  private static Optional<Path> executable(
      Map<String, String> env, String variable, List<String> names) {
    String set = env.get(variable);
    if (set != null && !set.isBlank()) {
      Path p = Path.of(set);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = env.getOrDefault("PATH", "");
    for (String name : names) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
          return Optional.of(Path.of(dir, name));
        }
      }
    }
    return Optional.empty();
  }
}
