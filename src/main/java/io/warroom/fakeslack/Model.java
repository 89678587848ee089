package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The workspace's objects. Mutable; guarded by the {@link Workspace} lock. */
final class Model {

  private Model() {}

  /** A person or a bot user. */
  record User(String id, String name, String realName, boolean isBot, String botId) {}

  static final class Channel {
    final String id;
    String name;
    final boolean isPrivate;
    final String creator;
    final long created;
    String topic = "";
    String topicCreator = "";
    long topicSet;
    final Set<String> members = new LinkedHashSet<>();
    final Set<String> pins = new LinkedHashSet<>();
    final List<Message> messages = new ArrayList<>();

    Channel(String id, String name, boolean isPrivate, String creator, long created) {
      this.id = id;
      this.name = name;
      this.isPrivate = isPrivate;
      this.creator = creator;
      this.created = created;
    }
  }

  static final class Message {
    final String ts;
    final String channel;
    final String user;
    final String botId;
    String text;
    JsonNode blocks;
    final String threadTs;
    final JsonNode metadata;
    final List<String> files = new ArrayList<>();
    final Map<String, Set<String>> reactions = new LinkedHashMap<>();
    String editedBy;
    String editedTs;
    String subtype;

    /** Another app's display name, for its bot messages. */
    String username;

    Message(
        String ts,
        String channel,
        String user,
        String botId,
        String text,
        JsonNode blocks,
        String threadTs,
        JsonNode metadata) {
      this.ts = ts;
      this.channel = channel;
      this.user = user;
      this.botId = botId;
      this.text = text;
      this.blocks = blocks;
      this.threadTs = threadTs;
      this.metadata = metadata;
    }

    boolean isReply() {
      return threadTs != null && !threadTs.equals(ts);
    }
  }

  /** A message only one user sees. */
  record Ephemeral(String channel, String user, String text, JsonNode blocks, long at) {}

  static final class View {
    final String id;
    final String user;
    JsonNode view;
    String hash;
    JsonNode errors;
    boolean open = true;

    View(String id, String user, JsonNode view, String hash) {
      this.id = id;
      this.user = user;
      this.view = view;
      this.hash = hash;
    }
  }

  static final class FileObject {
    final String id;
    final String name;
    String title;
    byte[] content;
    final String user;
    final long created;
    boolean completed;

    FileObject(String id, String name, String user, long created) {
      this.id = id;
      this.name = name;
      this.user = user;
      this.created = created;
    }
  }

  /** A trigger handed out with an interaction; usable once, within three seconds. */
  static final class Trigger {
    final String id;
    final String user;
    final long issuedAtMillis;
    boolean used;

    Trigger(String id, String user, long issuedAtMillis) {
      this.id = id;
      this.user = user;
      this.issuedAtMillis = issuedAtMillis;
    }
  }
}
