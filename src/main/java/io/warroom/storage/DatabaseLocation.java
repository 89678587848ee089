package io.warroom.storage;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at start-up where an H2 file database is, as an absolute path: the default {@code
 * ./data/warroom} is relative to the working directory, and starting from another folder would
 * otherwise silently give an empty database.
 */
@Singleton
class DatabaseLocation {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseLocation.class);
  private static final String H2_FILE = "jdbc:h2:file:";

  private final String url;

  DatabaseLocation(@Value("${datasources.default.url:}") String url) {
    this.url = url;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    h2File(url)
        .ifPresent(
            file ->
                LOG.info(
                    "Database: H2 file {}.mv.db (set DATASOURCES_DEFAULT_URL to use another)",
                    file));
  }

  /** The absolute path of an H2 file database's URL, without H2's own suffix. */
  static java.util.Optional<Path> h2File(String url) {
    if (url == null || !url.startsWith(H2_FILE)) {
      return java.util.Optional.empty();
    }
    String path = url.substring(H2_FILE.length());
    int options = path.indexOf(';');
    if (options >= 0) {
      path = path.substring(0, options);
    }
    return java.util.Optional.of(Path.of(path).toAbsolutePath().normalize());
  }
}
