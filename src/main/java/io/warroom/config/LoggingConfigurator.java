package io.warroom.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;

/**
 * Logging set up in code rather than {@code logback.xml}: the same result without loading Logback's
 * XML machinery, which costs about a second of start-up. INFO to the console; Bolt's request
 * logging stays at WARN so payloads (and secrets) never reach the log, and Bolt's {@code App} and
 * {@code SlackRequestParser} at ERROR: their warnings for a request no listener matches, or of no
 * known shape, carry the request's text.
 *
 * <p>Every line carries the date and time in UTC and, for work on one incident, its id (the MDC key
 * {@value IncidentLog#KEY}, see {@link IncidentLog}). A message is written on one line (CR and LF
 * become spaces, so text from a request cannot forge a line) and cut at {@link #MAX_MESSAGE}
 * characters. {@code WARROOM_LOG_FORMAT=json} writes one JSON object per line with Logback's own
 * {@link JsonEncoder} instead (which escapes CR and LF itself): {@code timestamp} (epoch
 * milliseconds), {@code level}, {@code threadName}, {@code loggerName}, {@code mdc}, {@code
 * formattedMessage} and, for errors, {@code throwable}.
 */
public class LoggingConfigurator extends ContextAwareBase implements Configurator {

  static final int MAX_MESSAGE = 2000;

  /** Date, time and zone, then the incident when there is one; the message on one line. */
  static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{36}"
          + "%replace( incident=%X{"
          + IncidentLog.KEY
          + "}){' incident=$', ''} - %.-"
          + MAX_MESSAGE
          + "replace(%msg){'[\\r\\n]+', ' '}%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("STDOUT");
    console.setEncoder(encoder(context, System.getenv("WARROOM_LOG_FORMAT")));
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    context.getLogger("com.slack.api").setLevel(Level.WARN);
    context.getLogger("com.slack.api.bolt.App").setLevel(Level.ERROR);
    context.getLogger("com.slack.api.bolt.util.SlackRequestParser").setLevel(Level.ERROR);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Whether {@code WARROOM_LOG_FORMAT} asks for JSON; unknown values are refused at start-up. */
  public static boolean json(String format) {
    return format != null && format.strip().toLowerCase(Locale.ROOT).equals("json");
  }

  static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
    if (json(format)) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      json.setWithContext(false);
      json.setWithMessage(false); // the template; the formatted message is enough
      json.setWithArguments(false);
      json.setWithFormattedMessage(true);
      json.start();
      return json;
    }
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern(PATTERN);
    text.start();
    return text;
  }

  /** Keeps the console to warnings and errors, e.g. in a training run inside the build. */
  public static void warningsOnly() {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    }
  }
}
