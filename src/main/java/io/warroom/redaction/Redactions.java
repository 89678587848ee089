package io.warroom.redaction;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.warroom.chat.Mrkdwn;
import io.warroom.room.delivery.RoomPosts;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes a secret from one incident: from every column that holds text Warroom stored (timeline
 * text and details, tasks, action items, hypotheses, handover notes, events not yet sent, the
 * outbox), and from the posts Warroom made, which are queued for {@code chat.update} with the same
 * text redacted (a post still on its way gets its update too, delivered after it), and the messages
 * drawn from state (the hypothesis board) are redrawn. The timeline then records that a redaction
 * was made, and by whom, never what.
 *
 * <p>It works on the tables directly, in one transaction, because a secret can sit in any of them,
 * in the forms it was written in: as typed, escaped for Slack, and escaped inside JSON. Keep the
 * list of columns in step with the migrations.
 */
@Singleton
public class Redactions {

  /** What replaces the secret everywhere. */
  public static final String MARK = "[redacted]";

  /** Shorter text would match too much by accident. */
  public static final int MIN_LENGTH = 4;

  private static final String[][] COLUMNS = {
    {"timeline_entry", "text"},
    {"timeline_entry", "data"},
    {"task", "text"},
    {"action_item", "text"},
    {"hypothesis", "text"},
    {"hypothesis", "note"},
    {"handover", "current_state"},
    {"handover", "being_tried"},
    {"handover", "next_steps"},
    {"webhook_delivery", "body"},
  };

  private final JdbcOperations jdbc;
  private final Clock clock;
  private final RoomPosts posts;

  Redactions(JdbcOperations jdbc, Clock clock, RoomPosts posts) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.posts = posts;
  }

  /** What a redaction changed: stored values and posts queued for an update. */
  public record Result(int stored, int posts) {
    public boolean any() {
      return stored + posts > 0;
    }
  }

  /**
   * Redacts {@code secret} (plain text, as the user means it) from incident {@code incidentId}.
   *
   * @param by who asked, recorded in the timeline
   */
  @Transactional
  public Result redact(long incidentId, String secret, String by) {
    if (secret == null || secret.strip().length() < MIN_LENGTH) {
      throw new IllegalArgumentException("at least " + MIN_LENGTH + " characters");
    }
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    forms.add(Mrkdwn.escape(secret));
    forms.add(json(secret));
    forms.add(json(Mrkdwn.escape(secret)));
    try {
      Connection c = jdbc.getConnection();
      int stored = 0;
      for (String[] column : COLUMNS) {
        for (String form : forms) {
          stored += replace(c, column[0], column[1], incidentId, form);
        }
      }
      int updated = redactOutbox(c, incidentId, forms);
      if (stored > 0) {
        updated += redrawDrawings(c, incidentId);
      }
      if (stored + updated > 0) {
        record(c, incidentId, by);
      }
      return new Result(stored, updated);
    } catch (SQLException e) {
      throw new IllegalStateException("redaction failed: " + e.getSQLState(), e);
    }
  }

  private static int replace(
      Connection c, String table, String column, long incidentId, String form) throws SQLException {
    String sql =
        "UPDATE "
            + table
            + " SET "
            + column
            + " = REPLACE("
            + column
            + ", ?, ?) WHERE incident_id = ? AND "
            + column
            + " LIKE ? ESCAPE '!'";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, form);
      s.setString(2, MARK);
      s.setLong(3, incidentId);
      s.setString(4, "%" + like(form) + "%");
      return s.executeUpdate();
    }
  }

  /**
   * Rewrites every outbox body that holds the secret; a message already posted gets a new entry
   * that updates it in place ({@code chat.update}) with the redacted text.
   */
  private int redactOutbox(Connection c, long incidentId, Set<String> forms) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, channel_id, kind, body, ts, delivered_at, ref, update_ref FROM outbox"
                + " WHERE incident_id = ? AND kind = 'MESSAGE' AND update_ts IS NULL ORDER BY id")) {
      s.setLong(1, incidentId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              new Object[] {
                r.getLong(1),
                r.getString(2),
                r.getString(4),
                r.getString(5),
                r.getTimestamp(6),
                r.getString(7),
                r.getString(8)
              });
        }
      }
    }
    int posts = 0;
    for (Object[] row : rows) {
      String body = (String) row[2];
      String redacted = body;
      for (String form : forms) {
        redacted = redacted.replace(form, MARK);
      }
      if (redacted.equals(body)) {
        continue;
      }
      try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET body = ? WHERE id = ?")) {
        s.setString(1, redacted);
        s.setLong(2, (Long) row[0]);
        s.executeUpdate();
      }
      if (row[4] != null && row[3] != null) {
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO outbox (incident_id, channel_id, update_ts, kind, body, created_at)"
                    + " VALUES (?, ?, ?, 'MESSAGE', ?, ?)")) {
          s.setLong(1, incidentId);
          s.setString(2, (String) row[1]);
          s.setString(3, (String) row[3]);
          s.setString(4, redacted);
          s.setTimestamp(5, Timestamp.from(clock.instant()));
          s.executeUpdate();
        }
        posts++;
      } else if (row[4] == null) {
        // Not delivered yet, but perhaps on its way with the old text: an update by name follows
        // it (the outbox delivers in order), so whatever the post carried is replaced.
        String target = (String) row[6];
        if (target == null) {
          target = (String) row[5];
        }
        if (target == null) {
          target = "redacted:" + row[0];
          try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET ref = ? WHERE id = ?")) {
            s.setString(1, target);
            s.setLong(2, (Long) row[0]);
            s.executeUpdate();
          }
        }
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO outbox (incident_id, channel_id, update_ref, kind, body, created_at)"
                    + " VALUES (?, ?, ?, 'MESSAGE', ?, ?)")) {
          s.setLong(1, incidentId);
          s.setString(2, (String) row[1]);
          s.setString(3, target);
          s.setString(4, redacted);
          s.setTimestamp(5, Timestamp.from(clock.instant()));
          s.executeUpdate();
        }
        posts++;
      }
    }
    return posts;
  }

  /** Queues a redraw of each message drawn from state (the hypothesis board) in this incident. */
  private int redrawDrawings(Connection c, long incidentId) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT DISTINCT ref FROM outbox WHERE incident_id = ? AND kind = 'DRAWN'"
                + " AND ref LIKE 'drawn:%'")) {
      s.setLong(1, incidentId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          names.add(r.getString(1).substring("drawn:".length()));
        }
      }
    }
    names.forEach(name -> posts.redraw(incidentId, name));
    return names.size();
  }

  private void record(Connection c, long incidentId, String by) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO timeline_entry (incident_id, kind, at, actor, text)"
                + " VALUES (?, 'REDACTED', ?, ?, 'Removed text Warroom had echoed')")) {
      s.setLong(1, incidentId);
      s.setTimestamp(2, Timestamp.from(clock.instant()));
      s.setString(3, by);
      s.executeUpdate();
    }
  }

  private static String like(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /** The text as it appears inside a JSON string. */
  private static String json(String text) {
    String quoted = com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    return quoted.substring(1, quoted.length() - 1);
  }
}
