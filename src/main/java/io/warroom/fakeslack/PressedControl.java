package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The {@code actions[0]} of a {@code block_actions} payload: the control a user pressed or picked,
 * found in the blocks they saw, described as Slack describes it (a button's text, value and style;
 * a select's chosen option).
 */
final class PressedControl {

  private PressedControl() {}

  static ObjectNode action(Workspace ws, JsonNode blocks, String actionId, String selected) {
    ObjectNode action = ws.json.createObjectNode();
    action.put("action_id", actionId);
    Optional<JsonNode[]> found =
        findElement(blocks, actionId, selected).or(() -> findElement(blocks, actionId, null));
    JsonNode block = found.map(f -> f[0]).orElse(null);
    JsonNode element = found.map(f -> f[1]).orElse(null);
    action.put("block_id", block == null ? "" : block.path("block_id").asText(""));
    String type = element == null ? "button" : element.path("type").asText("button");
    if (type.equals("button")) {
      if (element != null) {
        action.set("text", element.get("text"));
        action.put("value", element.path("value").asText(""));
        if (element.has("style")) {
          action.put("style", element.path("style").asText());
        }
      }
    } else {
      JsonNode option = null;
      if (element != null) {
        for (JsonNode o : element.path("options")) {
          if (o.path("value").asText().equals(selected)) {
            option = o;
          }
        }
      }
      ObjectNode chosen = action.putObject("selected_option");
      chosen.set("text", option == null ? ws.json.createObjectNode() : option.get("text"));
      chosen.put("value", selected);
    }
    action.put("type", type);
    action.put("action_ts", ws.newTs());
    return action;
  }

  /**
   * The control with this action id; with a value, the one with that value, since one message may
   * hold a row of the same buttons for each of several items (action ids are unique per block).
   */
  private static Optional<JsonNode[]> findElement(JsonNode blocks, String actionId, String value) {
    if (blocks == null) {
      return Optional.empty();
    }
    for (JsonNode block : blocks) {
      JsonNode accessory = block.get("accessory");
      if (accessory != null && matches(accessory, actionId, value)) {
        return Optional.of(new JsonNode[] {block, accessory});
      }
      for (JsonNode element : block.path("elements")) {
        if (matches(element, actionId, value)) {
          return Optional.of(new JsonNode[] {block, element});
        }
      }
    }
    return Optional.empty();
  }

  private static boolean matches(JsonNode element, String actionId, String value) {
    return actionId.equals(element.path("action_id").asText())
        && (value == null || value.equals(element.path("value").asText(null)));
  }
}
