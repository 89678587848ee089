package io.warroom.room.text;

import io.warroom.chat.ChatAction;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatMessage.Actions;
import io.warroom.chat.ChatMessage.Block;
import io.warroom.chat.ChatMessage.Button;
import io.warroom.chat.ChatMessage.Context;
import io.warroom.chat.ChatMessage.Section;
import io.warroom.chat.ChatMessage.Style;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.ActionItem;
import io.warroom.incident.ActionStatus;
import io.warroom.incident.IncidentEvent;
import java.util.ArrayList;
import java.util.List;

/** Follow-up action items: recorded, closed, nudged weekly, and listed when the review is due. */
public final class ActionMessages {

  /** Review reminders list at most this many items; the rest are counted. */
  static final int MAX_LISTED = 20;

  private ActionMessages() {}

  public static String ref(ActionItem item) {
    return "action:" + item.id();
  }

  public static ChatMessage recorded(ActionItem item) {
    return new ChatMessage(
        "Action item",
        List.of(
            new Section(
                ":dart: *Action item:* " + Mrkdwn.escape(item.text()) + owner(item),
                List.of(),
                null),
            new Context(
                List.of("recorded by " + Mrkdwn.user(item.createdBy()) + " · for the postmortem")),
            buttons(item)));
  }

  public static ChatMessage closed(ActionItem item) {
    String mark = item.status() == ActionStatus.DONE ? ":white_check_mark:" : ":heavy_minus_sign:";
    return new ChatMessage(
        "Action item " + item.status().label(),
        List.of(
            new Section(
                mark + " ~" + Mrkdwn.escape(item.text()) + "~" + owner(item), List.of(), null),
            new Context(
                List.of(
                    item.status().label()
                        + " · by "
                        + Mrkdwn.user(item.closedBy())
                        + " "
                        + Mrkdwn.date(item.closedAt(), "{date_short_pretty} at {time}")))));
  }

  public static ChatMessage reminder(ActionItem item) {
    String who = item.owner() == null ? Mrkdwn.user(item.createdBy()) : Mrkdwn.user(item.owner());
    return new ChatMessage(
        "Action item still open",
        List.of(
            new Section(
                ":alarm_clock: "
                    + who
                    + ", this action item from the incident is still open: *"
                    + Mrkdwn.escape(item.text())
                    + "*. Done, or not going to happen?",
                List.of(),
                null),
            buttons(item)));
  }

  public static ChatMessage reviewDue(IncidentEvent.ReviewDue review) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Section(
            ":calendar: *The postmortem review is due.* Walk through the draft together: what in the"
                + " system allowed this, not who.",
            List.of(),
            null));
    if (review.openItems().isEmpty()) {
      blocks.add(new Section("All action items are closed.", List.of(), null));
    } else {
      StringBuilder open =
          new StringBuilder("*Open action items (" + review.openItems().size() + "):*\n");
      review.openItems().stream()
          .limit(MAX_LISTED)
          .forEach(
              i ->
                  open.append("• ")
                      .append(Mrkdwn.escape(Mrkdwn.truncate(i.text(), 150)))
                      .append(" — ")
                      .append(i.owner() == null ? "_no owner_" : Mrkdwn.user(i.owner()))
                      .append('\n'));
      if (review.openItems().size() > MAX_LISTED) {
        open.append("_…and ")
            .append(review.openItems().size() - MAX_LISTED)
            .append(" more: `/incident actions`_");
      }
      blocks.add(new Section(open.toString(), List.of(), null));
    }
    return new ChatMessage("Postmortem review due", blocks);
  }

  private static String owner(ActionItem item) {
    return item.owner() == null ? " _(no owner yet)_" : " — " + Mrkdwn.user(item.owner());
  }

  private static Actions buttons(ActionItem item) {
    String id = String.valueOf(item.id());
    return new Actions(
        List.of(
            new Button(ChatAction.ACTION_DONE, "Done", id, Style.PRIMARY, null),
            new Button(ChatAction.ACTION_WONT_DO, "Won't do", id, Style.DEFAULT, null)));
  }
}
