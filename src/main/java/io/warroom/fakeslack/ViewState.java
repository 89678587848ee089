package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Builds a modal's {@code state.values} from what a user entered, in Slack's shapes per element.
 */
final class ViewState {

  private ViewState() {}

  /**
   * @param entered each input's {@code action_id} to its value: text, an option value, a user id,
   *     or comma-separated checkbox values
   */
  static ObjectNode values(Workspace ws, JsonNode view, Map<String, String> entered) {
    ObjectNode values = ws.json.createObjectNode();
    for (JsonNode block : view.path("blocks")) {
      if (!"input".equals(block.path("type").asText())) {
        continue;
      }
      JsonNode element = block.path("element");
      String actionId = element.path("action_id").asText();
      String value = entered.get(actionId);
      ObjectNode state = values.putObject(block.path("block_id").asText()).putObject(actionId);
      String type = element.path("type").asText();
      state.put("type", type);
      switch (type) {
        case "static_select", "radio_buttons" -> {
          JsonNode option = option(element, value);
          if (option == null) {
            state.putNull("selected_option");
          } else {
            state.set("selected_option", option);
          }
        }
        case "checkboxes" -> {
          ArrayNode selected = state.putArray("selected_options");
          if (value != null && !value.isBlank()) {
            for (String v : value.split(",")) {
              JsonNode option = option(element, v.trim());
              if (option != null) {
                selected.add(option);
              }
            }
          }
        }
        case "users_select" -> {
          if (value == null) {
            state.putNull("selected_user");
          } else {
            state.put("selected_user", value);
          }
        }
        default -> {
          if (value == null) {
            state.putNull("value");
          } else {
            state.put("value", value);
          }
        }
      }
    }
    return values;
  }

  private static JsonNode option(JsonNode element, String value) {
    if (value == null) {
      return null;
    }
    for (JsonNode o : element.path("options")) {
      if (o.path("value").asText().equals(value)) {
        return o.deepCopy();
      }
    }
    return null;
  }
}
