package io.warroom.slack.record;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.warroom.pages.PageLinks;
import io.warroom.slack.inbound.CommandCall;
import io.warroom.slack.inbound.CommandListener;
import io.warroom.slack.inbound.CommandSpec;
import io.warroom.slack.inbound.Replies;
import jakarta.inject.Singleton;

/** {@code /incident insights}: answers privately with a signed link to the insights page. */
@Singleton
class InsightsCommandListener implements CommandListener {

  static final CommandSpec SPEC =
      CommandSpec.anywhere(
          "insights",
          "insights",
          "a link to the insights page: how fast incidents were declared, mitigated, resolved");

  private final PageLinks links;

  InsightsCommandListener(PageLinks links) {
    this.links = links;
  }

  @Override
  public boolean answersInTime() {
    return true;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    return Replies.ephemeral(ctx, ShareText.of(links.insights(), links.ttl()));
  }
}
