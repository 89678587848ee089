package io.warroom.slack.declare;

import com.slack.api.model.Attachment;
import com.slack.api.model.Message;
import io.warroom.incident.IncidentRules;
import io.warroom.slack.SlackText;

/**
 * A title from a message: its first non-empty line as plain text (mentions and links readable), cut
 * to the longest title Warroom takes. A message with no text (an alert bot's attachment, say) gives
 * its first attachment's title, text or fallback; one with none of these gives "".
 */
final class MessageTitle {

  private MessageTitle() {}

  static String of(Message message) {
    if (message == null) {
      return "";
    }
    String title = firstLine(message.getText());
    if (title.isEmpty() && message.getAttachments() != null) {
      for (Attachment a : message.getAttachments()) {
        for (String candidate : new String[] {a.getTitle(), a.getText(), a.getFallback()}) {
          title = firstLine(candidate);
          if (!title.isEmpty()) {
            return title;
          }
        }
      }
    }
    return title;
  }

  private static String firstLine(String slackText) {
    String plain = SlackText.plain(slackText == null ? "" : slackText);
    for (String line : plain.split("\n")) {
      String t = line.strip().replaceAll("\\s+", " ");
      if (!t.isEmpty()) {
        return cut(t);
      }
    }
    return "";
  }

  private static String cut(String line) {
    int max = IncidentRules.MAX_TITLE;
    if (line.length() <= max) {
      return line;
    }
    String head = line.substring(0, max - 1);
    int space = head.lastIndexOf(' ');
    return (space > max / 2 ? head.substring(0, space) : head) + "…";
  }
}
