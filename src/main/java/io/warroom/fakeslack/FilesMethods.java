package io.warroom.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.fakeslack.Model.Channel;
import io.warroom.fakeslack.Model.FileObject;
import io.warroom.fakeslack.Model.Message;

/**
 * Files, through Slack's external upload flow: {@code files.getUploadURLExternal}, the bytes to the
 * returned URL, then {@code files.completeUploadExternal}. The retired {@code files.upload} answers
 * {@code method_deprecated}, as Slack does now.
 */
final class FilesMethods {

  private final Workspace ws;
  private final AppEvents events;

  FilesMethods(Workspace ws, AppEvents events) {
    this.ws = ws;
    this.events = events;
  }

  void register(WebApi api) {
    api.register("files.getUploadURLExternal", this::uploadUrl);
    api.register("files.completeUploadExternal", this::complete);
    api.register("files.info", this::info);
    api.register("files.delete", this::delete);
    api.register(
        "files.upload",
        call -> {
          throw new SlackError("method_deprecated");
        });
  }

  private ObjectNode uploadUrl(WebApi.Call call) {
    String filename = call.optional("filename");
    int length = call.number("length", -1);
    if (filename == null || length <= 0) {
      throw new SlackError("invalid_arguments");
    }
    FileObject f = new FileObject(ws.newId('F'), filename, call.caller(), ws.now());
    ws.files.put(f.id, f);
    ObjectNode out = ok();
    out.put("upload_url", ws.baseUrl + "upload/" + f.id);
    out.put("file_id", f.id);
    return out;
  }

  /**
   * Deletes a file: it leaves the workspace and every message that shared it, as in Slack. Only its
   * uploader may delete it here (Slack also lets admins).
   */
  private ObjectNode delete(WebApi.Call call) {
    String fileId = call.optional("file");
    synchronized (ws) {
      FileObject f = fileId == null ? null : ws.files.get(fileId);
      if (f == null) {
        throw new SlackError("file_not_found");
      }
      if (!f.user.equals(call.caller())) {
        throw new SlackError("cant_delete_file");
      }
      ws.files.remove(fileId);
      ws.channels.values().forEach(c -> c.messages.forEach(m -> m.files.remove(fileId)));
      ws.changed("file");
    }
    return ok();
  }

  /** Receives the bytes posted to an upload URL. */
  boolean receive(String fileId, byte[] content) {
    synchronized (ws) {
      FileObject f = ws.files.get(fileId);
      if (f == null || f.completed) {
        return false;
      }
      f.content = content;
      return true;
    }
  }

  private ObjectNode complete(WebApi.Call call) {
    JsonNode files = ws.parse(call.params().getOrDefault("files", ""));
    if (files == null || !files.isArray() || files.size() == 0) {
      throw new SlackError("invalid_arguments");
    }
    String channelId = call.optional("channel_id");
    Channel channel = channelId == null ? null : ws.channel(channelId);
    if (channel != null && !channel.members.contains(call.caller())) {
      throw new SlackError("not_in_channel");
    }
    ObjectNode out = ok();
    ArrayNode done = out.putArray("files");
    Message share = null;
    if (channel != null) {
      String comment = call.params().getOrDefault("initial_comment", "");
      share =
          new Message(
              ws.newTs(),
              channel.id,
              ws.bot.id(),
              ws.bot.botId(),
              comment,
              null,
              call.optional("thread_ts"),
              null);
      share.subtype = "file_share";
    }
    for (JsonNode spec : files) {
      FileObject f = ws.files.get(spec.path("id").asText());
      if (f == null || f.content == null) {
        throw new SlackError("file_not_found");
      }
      f.title = spec.path("title").asText(f.name);
      f.completed = true;
      done.add(ws.fileJson(f));
      if (share != null) {
        share.files.add(f.id);
      }
    }
    if (share != null) {
      channel.messages.add(share);
      events.messagePosted(channel, share);
    }
    return out;
  }

  private ObjectNode info(WebApi.Call call) {
    FileObject f = ws.files.get(call.params().getOrDefault("file", ""));
    if (f == null || !f.completed) {
      throw new SlackError("file_not_found");
    }
    ObjectNode out = ok();
    out.set("file", ws.fileJson(f));
    return out;
  }

  private ObjectNode ok() {
    ObjectNode o = ws.json.createObjectNode();
    o.put("ok", true);
    return o;
  }
}
