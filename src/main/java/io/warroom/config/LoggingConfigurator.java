package io.warroom.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logging set up in code rather than {@code logback.xml}: the same result without loading Logback's
 * XML machinery, which costs about a second of start-up. INFO to the console; Bolt's request
 * logging stays at WARN so payloads (and secrets) never reach the log, and Bolt's {@code App} and
 * {@code SlackRequestParser} at ERROR: their warnings for a request no listener matches, or of no
 * known shape, carry the request's text. A message is written on one line (CR and LF become spaces,
 * so text from a request cannot forge a line) and cut at {@link #MAX_MESSAGE} characters.
 */
public class LoggingConfigurator extends ContextAwareBase implements Configurator {

  static final int MAX_MESSAGE = 2000;

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(
        "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %.-"
            + MAX_MESSAGE
            + "replace(%msg){'[\\r\\n]+', ' '}%n");
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("STDOUT");
    console.setEncoder(encoder);
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    context.getLogger("com.slack.api").setLevel(Level.WARN);
    context.getLogger("com.slack.api.bolt.App").setLevel(Level.ERROR);
    context.getLogger("com.slack.api.bolt.util.SlackRequestParser").setLevel(Level.ERROR);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Keeps the console to warnings and errors, e.g. in a training run inside the build. */
  public static void warningsOnly() {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    }
  }
}
