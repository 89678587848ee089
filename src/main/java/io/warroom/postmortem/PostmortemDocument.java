package io.warroom.postmortem;

import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatMessage.Context;
import io.warroom.chat.ChatMessage.Section;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.ActionItem;
import io.warroom.incident.Incident;
import io.warroom.room.RoomDocument;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * The postmortem draft as the war room posts it: a short summary with the key figures, then the
 * whole draft as a Markdown file.
 */
@Singleton
class PostmortemDocument implements RoomDocument {

  static final String NAME = "postmortem";

  private final Postmortems postmortems;

  PostmortemDocument(Postmortems postmortems) {
    this.postmortems = postmortems;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ChatMessage summary(long incidentId) {
    PostmortemInput in = postmortems.input(incidentId).orElseThrow();
    Incident i = in.incident();
    StringBuilder figures = new StringBuilder();
    figures
        .append("Declared ")
        .append(Mrkdwn.date(i.declaredAt(), "{date_short_pretty} at {time}"));
    if (i.mitigatedAt() != null) {
      figures
          .append(" · mitigated after *")
          .append(PostmortemDraft.human(Duration.between(i.declaredAt(), i.mitigatedAt())))
          .append('*');
    }
    if (i.resolvedAt() != null) {
      figures
          .append(" · resolved after *")
          .append(PostmortemDraft.human(Duration.between(i.declaredAt(), i.resolvedAt())))
          .append('*');
    }
    long open = in.actionItems().stream().filter(ActionItem::isOpen).count();
    figures
        .append(" · ")
        .append(count(in.participants().size(), "participant"))
        .append(" · ")
        .append(count(in.actionItems().size(), "action item"))
        .append(" (")
        .append(open)
        .append(" open)");
    if (in.reviewDue() != null) {
      figures
          .append(" · review due ")
          .append(Mrkdwn.date(in.reviewDue(), "{date_short_pretty} at {time}"));
    }
    return new ChatMessage(
        "Postmortem draft: " + Mrkdwn.escape(i.title()),
        List.of(
            new Section(
                ":page_facing_up: *Postmortem draft* for *"
                    + i.severity().label()
                    + " · "
                    + Mrkdwn.escape(Mrkdwn.truncate(i.title(), 150))
                    + "*\n"
                    + figures,
                List.of(),
                null),
            new Context(
                List.of(
                    "Blameless: it asks what in the system allowed this, not who. The full draft is"
                        + " the file below; `/incident postmortem` makes a fresh one."))));
  }

  @Override
  public Attachment file(long incidentId) {
    PostmortemInput in = postmortems.input(incidentId).orElseThrow();
    String name = in.channelName() != null ? in.channelName() : "incident-" + incidentId;
    return new Attachment(
        "postmortem-" + name + ".md",
        "Postmortem draft: " + Mrkdwn.truncate(in.incident().title(), 200),
        PostmortemDraft.render(in),
        "The postmortem draft, generated from the timeline.");
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
