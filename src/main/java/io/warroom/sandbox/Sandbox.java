package io.warroom.sandbox;

import io.warroom.fakeslack.SlackSimulator;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The local workspace Warroom runs against when there is no Slack (SPEC section 10): a {@link
 * SlackSimulator} with a few demo people, {@code #general} and {@code #incidents}, and the settings
 * that point Warroom at it. Warroom itself is configured exactly as for Slack: a bot token, a
 * signing secret and {@code SLACK_API_URL}; only the values are local.
 */
public final class Sandbox implements AutoCloseable {

  /** The people you can act as in the page, in the order the page offers them. */
  static final List<String[]> DEMO_PEOPLE =
      List.of(
          new String[] {"alex", "Alex Morgan"},
          new String[] {"sam", "Sam Okafor"},
          new String[] {"priya", "Priya Natarajan"},
          new String[] {"jordan", "Jordan Lee"});

  /** An H2 database of the sandbox's own, gone when the app stops, like the workspace itself. */
  static final String DATABASE_URL =
      "jdbc:h2:mem:warroom-sandbox;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

  /** The only interface Warroom listens on while the sandbox runs. */
  static final String LOOPBACK = "127.0.0.1";

  private final SlackSimulator slack;
  private final String botToken;
  private final String signingSecret;
  private final List<String> people;
  private final String general;
  private final String incidents;
  private final String alerts;

  /** The integration token alert sources present: the environment's, else one for this run. */
  private volatile String integrationToken = "sandbox-" + java.util.UUID.randomUUID();

  private Sandbox(SlackSimulator slack, String botToken, String signingSecret) {
    this.slack = slack;
    this.botToken = botToken;
    this.signingSecret = signingSecret;
    this.people = DEMO_PEOPLE.stream().map(p -> slack.user(p[0], p[1])).toList();
    String[] everyone = people.toArray(String[]::new);
    this.general = slack.channel("general", false, people.get(0), everyone);
    // Warroom announces declarations here, so it is a member, as if invited long ago.
    String[] withBot =
        java.util.stream.Stream.concat(
                people.stream(), java.util.stream.Stream.of(slack.botUserId()))
            .toArray(String[]::new);
    this.incidents = slack.channel("incidents", false, people.get(0), withBot);
    // Alerts wait for triage here; the page's "Fire a sample alert" sends one.
    this.alerts = slack.channel("alerts", false, people.get(0), withBot);
  }

  /**
   * Whether to start the sandbox: {@code WARROOM_SANDBOX=true}, or no {@code SLACK_BOT_TOKEN} at
   * all.
   *
   * @param env the process environment
   */
  public static boolean wanted(Map<String, String> env) {
    String flag = env.getOrDefault("WARROOM_SANDBOX", "").strip().toLowerCase(Locale.ROOT);
    // Set but empty is a deployment whose secret went missing, not a request for the sandbox: it
    // stops start-up (SlackSettingsFactory) instead of sweeping that deployment's database.
    return flag.equals("true") || !env.containsKey("SLACK_BOT_TOKEN");
  }

  /** Starts the local workspace's Web API on a free loopback port, with fresh credentials. */
  public static Sandbox start() {
    SecureRandom random = new SecureRandom();
    byte[] token = new byte[12];
    byte[] secret = new byte[16];
    random.nextBytes(token);
    random.nextBytes(secret);
    String botToken = "xoxb-sandbox-" + HexFormat.of().formatHex(token);
    String signingSecret = HexFormat.of().formatHex(secret);
    SlackSimulator slack = SlackSimulator.start(botToken, signingSecret);
    slackConditions(slack, System.getenv());
    return new Sandbox(slack, botToken, signingSecret);
  }

  /**
   * Makes the workspace behave like Slack over the internet when asked: {@code
   * WARROOM_SANDBOX_RATE_LIMITS=true} switches Slack's rate limits on, {@code
   * WARROOM_SANDBOX_LATENCY=100-250} makes every Web API answer take 100 to 250 ms.
   */
  static void slackConditions(SlackSimulator slack, Map<String, String> env) {
    String limits = env.getOrDefault("WARROOM_SANDBOX_RATE_LIMITS", "").strip();
    slack.rateLimits(limits.equalsIgnoreCase("true"));
    String latency = env.getOrDefault("WARROOM_SANDBOX_LATENCY", "").strip();
    if (!latency.isEmpty()) {
      String[] range = latency.split("-", 2);
      try {
        long min = Long.parseLong(range[0].strip());
        long max = range.length > 1 ? Long.parseLong(range[1].strip()) : min;
        slack.latency(java.time.Duration.ofMillis(min), java.time.Duration.ofMillis(max));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "WARROOM_SANDBOX_LATENCY must be milliseconds, e.g. 100-250, not " + latency, e);
      }
    }
  }

  /**
   * The settings that point Warroom at this workspace. They win over the environment: a set {@code
   * SLACK_BOT_TOKEN} or {@code SLACK_APP_TOKEN} would point at a real workspace the sandbox is not.
   * The database is the sandbox's own unless {@code DATASOURCES_DEFAULT_URL} names one.
   */
  public Map<String, Object> settings(Map<String, String> env) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("slack.bot-token", botToken);
    settings.put("slack.signing-secret", signingSecret);
    settings.put("slack.app-token", "");
    settings.put("slack.api-url", slack.apiUrl());
    settings.put("warroom.announce-channel", incidents);
    settings.put("warroom.alerts.channel", alerts);
    String token = env.getOrDefault("WARROOM_INTEGRATION_TOKEN", "");
    if (token.isBlank()) {
      settings.put("warroom.integration-token", integrationToken);
    } else {
      integrationToken = token;
    }
    settings.put("warroom.sandbox", "true");
    // The sandbox has no login: only this machine may reach it (SPEC section 10).
    settings.put("micronaut.server.host", LOOPBACK);
    if (env.getOrDefault("DATASOURCES_DEFAULT_URL", "").isBlank()) {
      settings.put("datasources.default.url", DATABASE_URL);
    }
    return settings;
  }

  public SlackSimulator slack() {
    return slack;
  }

  /** The demo people's user ids. */
  public List<String> people() {
    return people;
  }

  public String generalChannel() {
    return general;
  }

  public String incidentsChannel() {
    return incidents;
  }

  public String alertsChannel() {
    return alerts;
  }

  /** What the sandbox's sample alert presents as its bearer token. */
  String integrationToken() {
    return integrationToken;
  }

  @Override
  public void close() {
    slack.close();
  }
}
