package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Slack's Block Kit limits (Slack's Block Kit reference): a message or view that breaks one is
 * refused with {@code invalid_blocks} and messages shaped like Slack's.
 */
final class BlockRules {

  static final int MESSAGE_BLOCKS = 50;
  static final int VIEW_BLOCKS = 100;

  private final List<String> errors = new ArrayList<>();

  private BlockRules() {}

  /** The problems with a message's blocks; empty when Slack would accept them. */
  static List<String> checkMessage(JsonNode blocks) {
    BlockRules rules = new BlockRules();
    rules.blocks(blocks, MESSAGE_BLOCKS, "/blocks");
    return rules.errors;
  }

  /** The problems with a modal view. */
  static List<String> checkView(JsonNode view) {
    BlockRules rules = new BlockRules();
    if (view == null || !view.isObject()) {
      rules.errors.add("view must be an object [json-pointer:/view]");
      return rules.errors;
    }
    boolean modal = !"home".equals(view.path("type").asText());
    rules.plainText(view.get("title"), 24, "/view/title", modal);
    boolean hasInput = false;
    for (JsonNode b : view.path("blocks")) {
      hasInput |= "input".equals(b.path("type").asText());
    }
    if (hasInput && view.get("submit") == null) {
      rules.errors.add(
          "submit is required when a view has input blocks [json-pointer:/view/submit]");
    }
    rules.plainText(view.get("submit"), 24, "/view/submit", false);
    rules.plainText(view.get("close"), 24, "/view/close", false);
    rules.maxLength(view.path("private_metadata").asText(""), 3000, "/view/private_metadata");
    rules.maxLength(view.path("callback_id").asText(""), 255, "/view/callback_id");
    rules.blocks(view.get("blocks"), VIEW_BLOCKS, "/view/blocks");
    return rules.errors;
  }

  private void blocks(JsonNode blocks, int max, String at) {
    if (blocks == null || blocks.isNull()) {
      return;
    }
    if (!blocks.isArray()) {
      errors.add("must be an array [json-pointer:" + at + "]");
      return;
    }
    if (blocks.size() > max) {
      errors.add("must be less than " + (max + 1) + " items [json-pointer:" + at + "]");
    }
    Set<String> blockIds = new HashSet<>();
    for (int i = 0; i < blocks.size(); i++) {
      JsonNode b = blocks.get(i);
      String p = at + "/" + i;
      String id = b.path("block_id").asText(null);
      if (id != null) {
        maxLength(id, 255, p + "/block_id");
        if (!blockIds.add(id)) {
          errors.add("duplicate block_id [json-pointer:" + p + "/block_id]");
        }
      }
      block(b, p);
    }
  }

  private void block(JsonNode b, String p) {
    switch (b.path("type").asText()) {
      case "header" -> plainText(b.get("text"), 150, p + "/text", true);
      case "section" -> {
        if (b.get("text") == null && b.get("fields") == null) {
          errors.add("must provide either text or fields [json-pointer:" + p + "]");
        }
        text(b.get("text"), 3000, p + "/text");
        JsonNode fields = b.get("fields");
        if (fields != null) {
          if (fields.size() > 10) {
            errors.add("must be less than 11 items [json-pointer:" + p + "/fields]");
          }
          for (int i = 0; i < fields.size(); i++) {
            text(fields.get(i), 2000, p + "/fields/" + i);
          }
        }
        if (b.get("accessory") != null) {
          element(b.get("accessory"), p + "/accessory");
        }
      }
      case "context" -> {
        JsonNode elements = b.path("elements");
        if (elements.size() == 0 || elements.size() > 10) {
          errors.add("must have 1 to 10 elements [json-pointer:" + p + "/elements]");
        }
        for (int i = 0; i < elements.size(); i++) {
          JsonNode e = elements.get(i);
          if (!"image".equals(e.path("type").asText())) {
            text(e, 3000, p + "/elements/" + i);
          }
        }
      }
      case "actions" -> {
        JsonNode elements = b.path("elements");
        if (elements.size() == 0 || elements.size() > 25) {
          errors.add("must have 1 to 25 elements [json-pointer:" + p + "/elements]");
        }
        Set<String> actionIds = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
          String actionId = elements.get(i).path("action_id").asText(null);
          if (actionId != null && !actionIds.add(actionId)) {
            errors.add("duplicate action_id [json-pointer:" + p + "/elements/" + i + "]");
          }
          element(elements.get(i), p + "/elements/" + i);
        }
      }
      case "input" -> {
        plainText(b.get("label"), 2000, p + "/label", true);
        plainText(b.get("hint"), 2000, p + "/hint", false);
        element(b.get("element"), p + "/element");
      }
      case "divider", "image", "rich_text" -> {}
      case "markdown" -> maxLength(b.path("text").asText(""), 12000, p + "/text");
      default -> errors.add("unknown block type [json-pointer:" + p + "/type]");
    }
  }

  private void element(JsonNode e, String p) {
    if (e == null) {
      errors.add("is required [json-pointer:" + p + "]");
      return;
    }
    maxLength(e.path("action_id").asText(""), 255, p + "/action_id");
    switch (e.path("type").asText()) {
      case "button" -> {
        plainText(e.get("text"), 75, p + "/text", true);
        maxLength(e.path("value").asText(""), 2000, p + "/value");
        String style = e.path("style").asText(null);
        if (style != null && !style.equals("primary") && !style.equals("danger")) {
          errors.add("must be primary or danger [json-pointer:" + p + "/style]");
        }
        confirm(e.get("confirm"), p + "/confirm");
      }
      case "static_select", "radio_buttons", "checkboxes", "overflow" -> {
        int max =
            switch (e.path("type").asText()) {
              case "overflow" -> 5;
              case "static_select" -> 100;
              default -> 10;
            };
        JsonNode options = e.path("options");
        if (options.size() == 0 || options.size() > max) {
          errors.add("must have 1 to " + max + " options [json-pointer:" + p + "/options]");
        }
        for (int i = 0; i < options.size(); i++) {
          text(options.get(i).get("text"), 75, p + "/options/" + i + "/text");
          maxLength(options.get(i).path("value").asText(""), 150, p + "/options/" + i + "/value");
        }
        plainText(e.get("placeholder"), 150, p + "/placeholder", false);
        confirm(e.get("confirm"), p + "/confirm");
      }
      case "plain_text_input" -> {
        if (e.path("max_length").asInt(0) > 3000) {
          errors.add("must be at most 3000 [json-pointer:" + p + "/max_length]");
        }
        plainText(e.get("placeholder"), 150, p + "/placeholder", false);
      }
      case "users_select",
          "conversations_select",
          "channels_select",
          "number_input",
          "datepicker",
          "timepicker" ->
          plainText(e.get("placeholder"), 150, p + "/placeholder", false);
      default -> errors.add("unknown element type [json-pointer:" + p + "/type]");
    }
  }

  private void confirm(JsonNode c, String p) {
    if (c == null) {
      return;
    }
    plainText(c.get("title"), 100, p + "/title", true);
    text(c.get("text"), 300, p + "/text");
    plainText(c.get("confirm"), 30, p + "/confirm", true);
    plainText(c.get("deny"), 30, p + "/deny", true);
  }

  private void text(JsonNode t, int max, String p) {
    if (t == null) {
      return;
    }
    String type = t.path("type").asText();
    if (!type.equals("mrkdwn") && !type.equals("plain_text")) {
      errors.add("must be a text object [json-pointer:" + p + "/type]");
      return;
    }
    String value = t.path("text").asText("");
    if (value.isEmpty()) {
      errors.add("must be more than 0 characters [json-pointer:" + p + "/text]");
    }
    maxLength(value, max, p + "/text");
  }

  private void plainText(JsonNode t, int max, String p, boolean required) {
    if (t == null) {
      if (required) {
        errors.add("is required [json-pointer:" + p + "]");
      }
      return;
    }
    if (!"plain_text".equals(t.path("type").asText())) {
      errors.add("must be plain_text [json-pointer:" + p + "/type]");
      return;
    }
    String value = t.path("text").asText("");
    if (value.isEmpty()) {
      errors.add("must be more than 0 characters [json-pointer:" + p + "/text]");
    }
    maxLength(value, max, p + "/text");
  }

  private void maxLength(String value, int max, String p) {
    if (value.length() > max) {
      errors.add("must be less than " + (max + 1) + " characters [json-pointer:" + p + "]");
    }
  }
}
