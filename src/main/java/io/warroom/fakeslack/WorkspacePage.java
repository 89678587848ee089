package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.Model.Channel;
import io.warroom.fakeslack.Model.Ephemeral;
import io.warroom.fakeslack.Model.FileObject;
import io.warroom.fakeslack.Model.Message;
import io.warroom.fakeslack.Model.User;
import io.warroom.fakeslack.Model.View;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the sandbox page shows and what its people do. It reads the workspace as one member sees it,
 * and acts through the same paths as the tests: a typed {@code /incident} becomes a signed slash
 * command, a click a signed {@code block_actions}, a message an Events API callback. What it shows
 * is drawn by {@link PageState}; how the page learns of changes is {@link PageChanges}.
 */
public final class WorkspacePage {

  /** What a person may type: Slack's own limit for a message. */
  static final int MAX_TEXT = 40_000;

  private final SlackSimulator slack;
  private final Workspace ws;
  private final PageChanges changes = new PageChanges();
  private final PageState view;

  /**
   * @param people the people one may act as, in the order offered; the first is the default
   * @param general the channel listed first
   * @param home the channel listed second and opened when none is chosen
   */
  public WorkspacePage(SlackSimulator slack, List<String> people, String general, String home) {
    this.slack = slack;
    this.ws = slack.workspace();
    this.view = new PageState(ws, List.copyOf(people), general, home);
    ws.onChange(what -> changes.bump());
  }

  /** A person's action the page could not carry out, with the reason to show them. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * Completes with the version once the workspace has changed since {@code seen}; holds no thread
   * while it waits. The caller bounds the wait.
   */
  public CompletableFuture<Long> changeAfter(long seen) {
    return changes.after(seen);
  }

  /** Forgets a waiter that gave up (timed out or was refused). */
  public void forget(CompletableFuture<Long> change) {
    changes.forget(change);
  }

  // ---- reading ----

  /**
   * The page's state as {@code userId} sees it, with {@code channelId} open and, when given, the
   * thread of {@code threadTs}.
   */
  public ObjectNode state(String userId, String channelId, String threadTs) {
    return view.state(changes.version(), userId, channelId, threadTs);
  }

  /** A file's content, for the file viewer. */
  public Optional<FileView> file(String fileId) {
    synchronized (ws) {
      FileObject f = ws.files.get(fileId);
      if (f == null || f.content == null) {
        return Optional.empty();
      }
      return Optional.of(
          new FileView(
              f.title == null ? f.name : f.title,
              f.name,
              new String(f.content, StandardCharsets.UTF_8)));
    }
  }

  /** An uploaded file as the viewer shows it. */
  public record FileView(String title, String name, String content) {}

  // ---- acting ----

  /**
   * What a person typed in the composer: {@code /incident ...} is sent as Slack's slash command;
   * anything else is posted as their message (in a thread when {@code threadTs} is given).
   */
  public void type(String userId, String channelId, String threadTs, String typed) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      throw new Refused("Type a message, or " + AppManifest.COMMAND + " help.");
    }
    if (text.length() > MAX_TEXT) {
      throw new Refused("That is longer than Slack allows (40,000 characters).");
    }
    User me = checkedPerson(userId);
    Channel channel = checkedChannel(channelId, me.id());
    if (text.startsWith("/")) {
      String[] words = text.split("\\s+", 2);
      if (!words[0].equals(AppManifest.COMMAND)) {
        whisper(
            channel.id,
            me.id(),
            words[0]
                + " is not a valid command. In the sandbox, only "
                + AppManifest.COMMAND
                + " is installed.");
        return;
      }
      AppLink.Reply reply =
          slack.app().command(me.id(), channel.id, words.length > 1 ? words[1] : "");
      if (reply.status() != 200) {
        whisper(
            channel.id,
            me.id(),
            AppManifest.COMMAND + " failed with the error \"dispatch_failed\"");
      }
      return;
    }
    if (!channel.members.contains(me.id())) {
      throw new Refused("Join #" + channel.name + " to post in it.");
    }
    String escaped;
    synchronized (ws) {
      escaped = CommandText.escape(ws, text);
    }
    slack.post(me.id(), channel.id, escaped, blankToNull(threadTs));
  }

  /** A person edits one of their own messages. */
  public void edit(String userId, String channelId, String ts, String typed) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      throw new Refused("A message cannot be empty; delete it instead.");
    }
    if (text.length() > MAX_TEXT) {
      throw new Refused("That is longer than Slack allows (40,000 characters).");
    }
    User me = checkedPerson(userId);
    Channel channel = checkedChannel(channelId, me.id());
    String escaped;
    synchronized (ws) {
      ownMessage(channel, ts, me.id());
      escaped = CommandText.escape(ws, text);
    }
    slack.edit(me.id(), channel.id, ts, escaped);
  }

  /** A person deletes one of their own messages. */
  public void delete(String userId, String channelId, String ts) {
    User me = checkedPerson(userId);
    Channel channel = checkedChannel(channelId, me.id());
    synchronized (ws) {
      ownMessage(channel, ts, me.id());
    }
    slack.delete(channel.id, ts);
  }

  private void ownMessage(Channel channel, String ts, String userId) {
    Message m = ws.message(channel, ts).orElseThrow(() -> new Refused("That message is gone."));
    if (!userId.equals(m.user) || m.botId != null) {
      throw new Refused("You can only edit or delete your own messages.");
    }
  }

  /** A person presses a button, or picks an option, on a message. */
  public void click(
      String userId, String channelId, String messageTs, String actionId, String value) {
    User me = checkedPerson(userId);
    Channel channel = checkedChannel(channelId, me.id());
    synchronized (ws) {
      if (ws.message(channel, messageTs).isEmpty()) {
        throw new Refused("That message is gone.");
      }
    }
    AppLink.Reply reply = slack.app().click(me.id(), channel.id, messageTs, actionId, value);
    if (reply.status() != 200) {
      whisper(
          channel.id,
          me.id(),
          "Warroom did not answer that click (HTTP " + reply.status() + "). Try again.");
    }
  }

  /** A person submits the open modal with what they entered, by {@code action_id}. */
  public void submit(String userId, String viewId, Map<String, String> values) {
    User me = checkedPerson(userId);
    synchronized (ws) {
      View v = ws.views.get(viewId);
      if (v == null || !v.open || !v.user.equals(me.id())) {
        throw new Refused("That form is no longer open.");
      }
    }
    AppLink.Reply reply = slack.app().submit(me.id(), viewId, values);
    if (reply.status() != 200) {
      synchronized (ws) {
        View v = ws.views.get(viewId);
        ObjectNode errors = ws.json.createObjectNode();
        errors.put("", "Warroom did not answer (HTTP " + reply.status() + "). Try again.");
        v.errors = errors;
        ws.changed("view");
      }
    }
  }

  /** A person closes a modal without submitting it. */
  public void closeModal(String userId, String viewId) {
    User me = checkedPerson(userId);
    synchronized (ws) {
      View v = ws.views.get(viewId);
      if (v != null && v.user.equals(me.id())) {
        v.open = false;
        ws.changed("view");
      }
    }
  }

  /** A person adds or removes a reaction, e.g. {@code pushpin}. */
  public void react(String userId, String channelId, String ts, String name, boolean add) {
    User me = checkedPerson(userId);
    Channel channel = checkedChannel(channelId, me.id());
    if (name == null || !name.matches("[a-z0-9_+-]{1,100}")) {
      throw new Refused("Not an emoji name: " + name);
    }
    synchronized (ws) {
      if (ws.message(channel, ts).isEmpty()) {
        throw new Refused("That message is gone.");
      }
    }
    slack.react(me.id(), channel.id, ts, name, add);
  }

  /** A person joins a public channel. */
  public void join(String userId, String channelId) {
    User me = checkedPerson(userId);
    Channel channel = checkedChannel(channelId, me.id());
    slack.join(me.id(), channel.id);
  }

  private void whisper(String channelId, String userId, String text) {
    synchronized (ws) {
      ws.ephemerals.add(new Ephemeral(channelId, userId, text, null, System.currentTimeMillis()));
      ws.changed("ephemeral");
    }
  }

  private User checkedPerson(String userId) {
    synchronized (ws) {
      User u = userId == null ? null : ws.users.get(userId);
      if (u == null || u.isBot()) {
        throw new Refused("Pick one of the demo people first.");
      }
      return u;
    }
  }

  private Channel checkedChannel(String channelId, String userId) {
    synchronized (ws) {
      Channel c = channelId == null ? null : ws.channels.get(channelId);
      if (c == null || !PageState.visible(c, userId)) {
        throw new Refused("No such channel.");
      }
      return c;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Parses a JSON body from the page. */
  public JsonNode parse(String body) {
    JsonNode node = body == null ? null : ws.parse(body);
    if (node == null || !node.isObject()) {
      throw new Refused("Expected a JSON object.");
    }
    return node;
  }
}
