package io.warroom.slack.record;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.chat.ChatPort;
import io.warroom.review.ProcessReview;
import io.warroom.review.ReviewInput;
import io.warroom.review.ReviewLoader;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import io.warroom.slack.webapi.AfterAck;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code /incident review [N]}: uploads the process review of the last N resolved incidents (drills
 * left out) as a Markdown file in the channel where it was typed.
 */
@Singleton
class ReviewCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.anywhere(
          "review",
          "review [N]",
          "a Markdown review of the last N resolved incidents (default "
              + ReviewLoader.DEFAULT
              + ", at most "
              + ReviewLoader.MAX
              + "): phases and their durations, what recurs");

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final ReviewLoader loader;
  private final ChatPort chat;
  private final AfterAck afterAck;

  ReviewCommandListener(ReviewLoader loader, ChatPort chat, AfterAck afterAck) {
    this.loader = loader;
    this.chat = chat;
    this.afterAck = afterAck;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    String arg = call.args() == null ? "" : call.args().strip();
    int n;
    if (arg.isEmpty()) {
      n = ReviewLoader.DEFAULT;
    } else if (arg.matches("\\d{1,3}")
        && Integer.parseInt(arg) >= 1
        && Integer.parseInt(arg) <= ReviewLoader.MAX) {
      n = Integer.parseInt(arg);
    } else {
      return Replies.refuse(
          ctx,
          "`/incident review [N]` reviews the last N resolved incidents: N is a whole number from"
              + " 1 to "
              + ReviewLoader.MAX
              + " (default "
              + ReviewLoader.DEFAULT
              + "), e.g. `/incident review 5`.");
    }
    afterAck.run(
        "Uploading the process review",
        () -> {
          try {
            ReviewInput input = loader.load(n);
            String markdown = ProcessReview.markdown(input);
            String file =
                chat.uploadFile(
                    "process-review-" + DAY.format(input.generatedAt()) + ".md",
                    markdown.getBytes(StandardCharsets.UTF_8));
            chat.shareFile(
                file,
                "Process review: last " + input.incidents().size() + " resolved incidents",
                call.channelId(),
                "Process review of the last "
                    + input.incidents().size()
                    + " resolved incidents, asked for by <@"
                    + call.userId()
                    + ">");
            return null;
          } catch (RuntimeException e) {
            return Replies.warnLater(
                ctx,
                "The review could not be posted here ("
                    + io.warroom.chat.Mrkdwn.escape(String.valueOf(e.getMessage()))
                    + "). If this is a private channel or a DM, invite Warroom or try a channel"
                    + " it is in.");
          }
        });
    return Replies.ephemeral(
        ctx,
        ":mag: Writing the review of the last "
            + n
            + " resolved incidents; it will be posted here in a moment.");
  }
}
