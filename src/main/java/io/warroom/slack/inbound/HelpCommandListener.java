package io.warroom.slack.inbound;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.micronaut.context.BeanProvider;
import io.warroom.chat.Mrkdwn;
import io.warroom.slack.SlackText;
import jakarta.inject.Singleton;
import java.util.Comparator;

/**
 * {@code /incident help}, also the answer to any unknown subcommand. Built from the listeners'
 * {@link CommandSpec}s, grouped by where they may run.
 */
@Singleton
class HelpCommandListener implements CommandListener {

  static final CommandSpec SPEC = CommandSpec.anywhere("help", "help", "this help");

  private final BeanProvider<CommandListener> listeners;

  /** The command list, built once: the listeners do not change while Warroom runs. */
  private volatile String commands;

  HelpCommandListener(BeanProvider<CommandListener> listeners) {
    this.listeners = listeners;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  /** The help is made once, from the listeners; it reads no database. */
  @Override
  public boolean answersInTime() {
    return true;
  }

  @Override
  public Response handle(CommandCall call, SlashCommandContext ctx) {
    StringBuilder text = new StringBuilder();
    String typed = SlackText.firstWord(call.args())[0];
    if (!typed.isEmpty() && !typed.equalsIgnoreCase("help")) {
      text.append(":grey_question: `")
          // Slack sends command text escaped, mentions as tokens: back to what was typed first.
          .append(Mrkdwn.escape(Mrkdwn.truncate(SlackText.plain(typed), 40)))
          .append("` is not an `/incident` command. Here is what is:\n\n");
    }
    text.append(commands());
    return Replies.ephemeral(ctx, text.toString());
  }

  private String commands() {
    String built = commands;
    if (built == null) {
      StringBuilder text = new StringBuilder("*Anywhere*\n");
      append(text, false);
      text.append("\n*In an incident's channel*\n");
      append(text, true);
      built = text.toString();
      commands = built;
    }
    return built;
  }

  private void append(StringBuilder text, boolean inChannel) {
    listeners.stream()
        .map(CommandListener::spec)
        .filter(s -> s.inIncidentChannel() == inChannel)
        .sorted(Comparator.comparing(CommandSpec::usage))
        .forEach(
            s ->
                text.append("• `/incident ")
                    .append(s.usage())
                    .append("`: ")
                    .append(s.summary())
                    .append('\n'));
  }
}
