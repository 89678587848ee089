package io.warroom.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.fakeslack.SlackSimulator.Posted;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts of a message that Slack parses for mentions and links: the top-level {@code text} and
 * every {@code mrkdwn} text object. {@code plain_text} is shown literally, so it is left out.
 */
public final class Mrkdwns {

  private Mrkdwns() {}

  public static List<String> of(Posted message) {
    List<String> out = new ArrayList<>();
    out.add(message.text());
    collect(message.blocks(), out);
    return out;
  }

  public static List<String> of(JsonNode blocks) {
    List<String> out = new ArrayList<>();
    collect(blocks, out);
    return out;
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node == null) {
      return;
    }
    if (node.isObject() && "mrkdwn".equals(node.path("type").asText()) && node.has("text")) {
      out.add(node.get("text").asText());
    }
    node.forEach(child -> collect(child, out));
  }

  /** Whether any parsed text would ping a whole channel or group. */
  public static boolean pingsEveryone(Posted message) {
    return of(message).stream()
        .anyMatch(
            t ->
                t.contains("<!channel")
                    || t.contains("<!here")
                    || t.contains("<!everyone")
                    || t.contains("<!subteam"));
  }
}
