package io.warroom.postmortem;

import io.warroom.output.UserText;
import java.util.Map;

/**
 * Slack mrkdwn made readable, and inert, in Markdown: mentions become {@code @name}, channel links
 * {@code #name}, Slack's own links {@code [label](url)} (http, https and mailto only), and Slack's
 * entities literal characters that Markdown shows as text, never as HTML or a link ({@link
 * UserText#markdown}).
 */
final class Readable {

  private Readable() {}

  static String text(String slack, Map<String, String> names) {
    return UserText.slackToMarkdown(slack, names::get);
  }

  /** One line of text: newlines folded, for list items and table cells. */
  static String line(String slack, Map<String, String> names) {
    return text(slack, names).replaceAll("\\s*[\\r\\n]+\\s*", " / ").replace("|", "\\|").strip();
  }

  static String user(String id, Map<String, String> names) {
    if (id == null) {
      return "Warroom";
    }
    return "@" + UserText.markdown(names.getOrDefault(id, id));
  }
}
