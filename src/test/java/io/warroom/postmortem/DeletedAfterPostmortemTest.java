package io.warroom.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warroom.fakeslack.FakeSlack;
import io.warroom.fakeslack.SlackSimulator.Posted;
import io.warroom.support.Room;
import io.warroom.support.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPEC section 16: a message deleted after its postmortem was posted is gone from Slack's copy too:
 * a new draft is uploaded and shared, and the file that quoted it is deleted.
 */
class DeletedAfterPostmortemTest {

  private static List<Posted> files(Room room) {
    return room.botMessages().stream().filter(m -> !m.files().isEmpty()).toList();
  }

  @Test
  void aPostedPostmortemThatQuotedADeletedMessageIsReplaced() {
    try (TestApp app = TestApp.start(Map.of())) {
      FakeSlack slack = app.slack;
      String alice = slack.user("alice");
      String general = slack.channel("general", false, alice, alice);
      slack.app().command(alice, general, "declare sev2 Token in a finding");
      Room room = Room.awaitContaining(slack, "token-in-a-finding");
      String thread = room.thread().orElseThrow().ts();
      String finding =
          slack.post(alice, room.id, "Found it: the job used xoxb-pasted-by-mistake-42", thread);
      slack.awaitEvents(Duration.ofSeconds(10));
      slack.app().command(alice, room.id, "resolve Rotated the token");
      TestApp.await("the postmortem file", Duration.ofSeconds(20), () -> !files(room).isEmpty());
      String first = files(room).get(0).files().get(0);
      assertTrue(slack.fileContent(first).orElseThrow().contains("xoxb-pasted-by-mistake-42"));

      slack.delete(room.id, finding);
      TestApp.await(
          "a new draft shared and the old file deleted",
          Duration.ofSeconds(20),
          () -> slack.fileContent(first).isEmpty() && files(room).size() == 1);
      String second = files(room).get(0).files().get(0);
      String draft = slack.fileContent(second).orElseThrow();
      assertFalse(draft.contains("xoxb-pasted-by-mistake-42"), draft);
      assertTrue(draft.contains("# Postmortem: Token in a finding"), draft);
      assertEquals(1, slack.calls("files.delete").size());
      assertEquals(List.of(), columnsHolding(app, "xoxb-pasted-by-mistake-42"));
    }
  }

  /** Every text column of every table that still holds this text. */
  static List<String> columnsHolding(TestApp app, String text) {
    List<String> found = new java.util.ArrayList<>();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(app.jdbcUrl, "sa", "");
        java.sql.Statement s = c.createStatement()) {
      List<String[]> columns = new java.util.ArrayList<>();
      try (java.sql.ResultSet r =
          s.executeQuery(
              "SELECT table_name, column_name, data_type FROM information_schema.columns"
                  + " WHERE table_schema = 'public'")) {
        while (r.next()) {
          String type = r.getString(3).toUpperCase(java.util.Locale.ROOT);
          if (type.contains("CHAR") || type.contains("TEXT") || type.contains("CLOB")) {
            columns.add(new String[] {r.getString(1), r.getString(2)});
          }
        }
      }
      assertTrue(columns.size() > 10, "found the text columns: " + columns.size());
      for (String[] column : columns) {
        try (java.sql.ResultSet r =
            s.executeQuery(
                "SELECT COUNT(*) FROM \""
                    + column[0]
                    + "\" WHERE CAST(\""
                    + column[1]
                    + "\" AS VARCHAR) LIKE '%"
                    + text
                    + "%'")) {
          r.next();
          if (r.getInt(1) > 0) {
            found.add(column[0] + "." + column[1]);
          }
        }
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    return found;
  }
}
