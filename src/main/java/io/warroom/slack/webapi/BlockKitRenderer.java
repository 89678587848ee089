package io.warroom.slack.webapi;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.StaticSelectElement;
import io.warroom.chat.ChatMessage;
import io.warroom.chat.ChatMessage.Block;
import io.warroom.chat.ChatMessage.Button;
import io.warroom.chat.ChatMessage.Confirm;
import io.warroom.chat.ChatMessage.Control;
import io.warroom.chat.ChatMessage.Select;
import io.warroom.chat.Mrkdwn;
import io.warroom.slack.SlackIds;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws platform-neutral {@link ChatMessage}s as Block Kit, within Block Kit's length limits:
 * escaping can make user text several times longer than the limit it was checked against, and Slack
 * refuses a whole message (for good: {@code invalid_blocks}) when one text is too long. A long
 * section becomes several; other texts are shortened.
 */
public final class BlockKitRenderer {

  /** Block Kit's limits, in characters. */
  static final int HEADER = 150;

  static final int SECTION = 3000;
  static final int FIELD = 2000;
  static final int CONTEXT = 3000;

  private BlockKitRenderer() {}

  public static List<LayoutBlock> blocks(ChatMessage message) {
    List<LayoutBlock> out = new ArrayList<>();
    for (Block block : message.blocks()) {
      if (block instanceof ChatMessage.Section s) {
        sections(s, out);
      } else {
        out.add(block(block));
      }
    }
    return out;
  }

  private static void sections(ChatMessage.Section s, List<LayoutBlock> out) {
    List<String> texts = s.text().isEmpty() ? List.of("") : Mrkdwn.split(s.text(), SECTION);
    for (int i = 0; i < texts.size(); i++) {
      SectionBlock.SectionBlockBuilder b = SectionBlock.builder();
      if (!texts.get(i).isEmpty()) {
        b.text(mrkdwn(texts.get(i)));
      }
      if (i == 0 && !s.fields().isEmpty()) {
        List<TextObject> fields = new ArrayList<>();
        s.fields().forEach(f -> fields.add(mrkdwn(Mrkdwn.truncateFormatted(f, FIELD))));
        b.fields(fields);
      }
      if (i == 0 && s.accessory() != null) {
        b.accessory(element(s.accessory()));
      }
      out.add(b.build());
    }
  }

  private static LayoutBlock block(Block block) {
    if (block instanceof ChatMessage.Header h) {
      return HeaderBlock.builder().text(plain(Mrkdwn.truncate(h.text(), HEADER))).build();
    }
    if (block instanceof ChatMessage.Context c) {
      List<ContextBlockElement> elements = new ArrayList<>();
      c.elements().forEach(e -> elements.add(mrkdwn(Mrkdwn.truncateFormatted(e, CONTEXT))));
      return ContextBlock.builder().elements(elements).build();
    }
    if (block instanceof ChatMessage.Actions a) {
      List<BlockElement> elements = new ArrayList<>();
      a.controls().forEach(c -> elements.add(element(c)));
      return ActionsBlock.builder().elements(elements).build();
    }
    return DividerBlock.builder().build();
  }

  private static BlockElement element(Control control) {
    if (control instanceof Button b) {
      ButtonElement.ButtonElementBuilder e =
          ButtonElement.builder()
              .actionId(SlackIds.actionId(b.action()))
              .text(plain(b.label()))
              .value(b.value());
      switch (b.style()) {
        case PRIMARY -> e.style("primary");
        case DANGER -> e.style("danger");
        default -> {}
      }
      if (b.confirm() != null) {
        e.confirm(confirm(b.confirm()));
      }
      return e.build();
    }
    Select s = (Select) control;
    List<OptionObject> options = new ArrayList<>();
    OptionObject initial = null;
    for (ChatMessage.Option o : s.options()) {
      OptionObject option = OptionObject.builder().text(plain(o.label())).value(o.value()).build();
      options.add(option);
      if (o.value().equals(s.selected())) {
        initial = option;
      }
    }
    return StaticSelectElement.builder()
        .actionId(SlackIds.actionId(s.action()))
        .placeholder(plain(s.placeholder()))
        .options(options)
        .initialOption(initial)
        .build();
  }

  private static ConfirmationDialogObject confirm(Confirm c) {
    return ConfirmationDialogObject.builder()
        .title(plain(c.title()))
        .text(plain(c.text()))
        .confirm(plain(c.yes()))
        .deny(plain(c.no()))
        .build();
  }

  static PlainTextObject plain(String text) {
    return PlainTextObject.builder().text(text).emoji(true).build();
  }

  static MarkdownTextObject mrkdwn(String text) {
    return MarkdownTextObject.builder().text(text).build();
  }
}
