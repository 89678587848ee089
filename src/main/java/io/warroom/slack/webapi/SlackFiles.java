package io.warroom.slack.webapi;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import io.micronaut.core.annotation.Nullable;
import io.warroom.chat.ChatFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

/**
 * Files in Slack, for {@link SlackChat}: the two-step external upload (an upload URL, the bytes
 * sent there), sharing into a channel, deleting, and checking a share whose answer was lost.
 */
final class SlackFiles {

  private final MethodsClient methods;
  private final SlackCalls calls;
  private final SlackHistory history;

  /**
   * The client that sends file bytes to the upload URL Slack hands out, built on the first upload
   * rather than at start-up: it sets up TLS and a selector thread, and few incidents need it.
   */
  private static final class Uploads {
    static final HttpClient HTTP =
        HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build();
  }

  SlackFiles(MethodsClient methods, SlackCalls calls, SlackHistory history) {
    this.methods = methods;
    this.calls = calls;
    this.history = history;
  }

  void deleteFile(String fileId) {
    try {
      calls.call("files.delete", false, () -> methods.filesDelete(req -> req.file(fileId)));
    } catch (ChatFailure failure) {
      if (!failure.getMessage().contains("file_not_found")
          && !failure.getMessage().contains("file_deleted")) {
        throw failure;
      }
    }
  }

  String uploadFile(String filename, byte[] content) {
    var url =
        calls.call(
            "files.getUploadURLExternal",
            true,
            () ->
                methods.filesGetUploadURLExternal(
                    req -> req.filename(filename).length(content.length)));
    try {
      HttpResponse<String> sent =
          Uploads.HTTP.send(
              HttpRequest.newBuilder(URI.create(url.getUploadUrl()))
                  .timeout(java.time.Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (sent.statusCode() != 200) {
        throw new ChatFailure(
            sent.statusCode() >= 500 || sent.statusCode() == 429
                ? ChatFailure.Kind.UNAVAILABLE
                : ChatFailure.Kind.REJECTED,
            "file upload: HTTP " + sent.statusCode());
      }
    } catch (java.io.IOException e) {
      throw new ChatFailure(
          ChatFailure.Kind.UNAVAILABLE, "file upload: " + e.getMessage(), null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatFailure(ChatFailure.Kind.UNAVAILABLE, "file upload interrupted", null, e);
    }
    return url.getFileId();
  }

  void shareFile(String fileId, String title, String channelId, @Nullable String comment) {
    calls.call(
        "files.completeUploadExternal",
        false,
        () ->
            methods.filesCompleteUploadExternal(
                req ->
                    req.files(
                            List.of(
                                FilesCompleteUploadExternalRequest.FileDetails.builder()
                                    .id(fileId)
                                    .title(title)
                                    .build()))
                        .channelId(channelId)
                        .initialComment(comment)));
  }

  boolean shared(String channelId, String fileId, Instant since) {
    return history
        .firstSince(
            channelId,
            null,
            since,
            false,
            m ->
                m.getFiles() != null
                    && m.getFiles().stream().anyMatch(f -> fileId.equals(f.getId())))
        .isPresent();
  }
}
