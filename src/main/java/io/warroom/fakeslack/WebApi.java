package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Web API methods the workspace serves, by name. Each family of methods registers its handlers
 * here; a handler gets the call's parameters and answers the JSON body, or throws {@link
 * SlackError} for {@code ok:false}.
 */
final class WebApi {

  /** A handler of one method. */
  interface Method {
    ObjectNode call(Call call);
  }

  /** One call: its parameters as Slack receives them (form fields, or JSON body values). */
  record Call(String method, Map<String, String> params, String caller) {

    String required(String name) {
      String value = params.get(name);
      if (value == null || value.isBlank()) {
        throw new SlackError(name.equals("channel") ? "channel_not_found" : "invalid_arguments");
      }
      return value;
    }

    String optional(String name) {
      String value = params.get(name);
      return value == null || value.isBlank() ? null : value;
    }

    boolean flag(String name) {
      String value = params.get(name);
      return "true".equalsIgnoreCase(value) || "1".equals(value);
    }

    int number(String name, int fallback) {
      try {
        return Integer.parseInt(params.getOrDefault(name, "").trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
  }

  /** Methods that work without a token. */
  static final Set<String> NO_TOKEN = Set.of("api.test");

  private final Map<String, Method> methods = new HashMap<>();
  private final Workspace workspace;

  WebApi(Workspace workspace, AppEvents events) {
    this.workspace = workspace;
    new ConversationsMethods(workspace, events).register(this);
    new ChatMethods(workspace, events).register(this);
    new ViewsMethods(workspace).register(this);
    new FilesMethods(workspace, events).register(this);
    new UsersMethods(workspace).register(this);
  }

  void register(String name, Method method) {
    methods.put(name, method);
  }

  boolean knows(String name) {
    return methods.containsKey(name) || NO_TOKEN.contains(name);
  }

  /** Runs a method under the workspace lock and answers its JSON body. */
  ObjectNode handle(Call call) {
    if (call.method().equals("api.test")) {
      return ok();
    }
    Method method = methods.get(call.method());
    if (method == null) {
      throw new SlackError("unknown_method");
    }
    synchronized (workspace) {
      ObjectNode result = method.call(call);
      workspace.changed(call.method());
      return result;
    }
  }

  ObjectNode ok() {
    ObjectNode o = workspace.json.createObjectNode();
    o.put("ok", true);
    return o;
  }

  static JsonNode error(Workspace workspace, String error) {
    ObjectNode o = workspace.json.createObjectNode();
    o.put("ok", false);
    o.put("error", error);
    return o;
  }
}
