package io.warroom.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A message in platform-neutral blocks. {@code text} is the notification fallback; the blocks are
 * what people see. Texts are mrkdwn: build them with {@link Mrkdwn} so user text is escaped.
 */
public record ChatMessage(String text, List<Block> blocks) {

  public ChatMessage {
    blocks = copy(blocks);
  }

  /** Lists may arrive as null from stored JSON, which leaves empty lists out. */
  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  public static ChatMessage of(String text) {
    return new ChatMessage(text, List.of(new Section(text, List.of(), null)));
  }

  /** One block of a message. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Header.class, name = "header"),
    @JsonSubTypes.Type(value = Section.class, name = "section"),
    @JsonSubTypes.Type(value = Context.class, name = "context"),
    @JsonSubTypes.Type(value = Divider.class, name = "divider"),
    @JsonSubTypes.Type(value = Actions.class, name = "actions")
  })
  public sealed interface Block {}

  /** A large plain-text title. */
  public record Header(String text) implements Block {}

  /** A paragraph of mrkdwn, optionally with two-column fields and one control beside it. */
  public record Section(String text, List<String> fields, @Nullable Control accessory)
      implements Block {
    public Section {
      fields = copy(fields);
    }
  }

  /** Small grey print. */
  public record Context(List<String> elements) implements Block {
    public Context {
      elements = copy(elements);
    }
  }

  public record Divider() implements Block {}

  /** A row of controls. */
  public record Actions(List<Control> controls) implements Block {
    public Actions {
      controls = copy(controls);
    }
  }

  /** Something a person can press or choose. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Button.class, name = "button"),
    @JsonSubTypes.Type(value = Select.class, name = "select")
  })
  public sealed interface Control {
    ChatAction action();
  }

  public record Button(
      ChatAction action, String label, String value, Style style, @Nullable Confirm confirm)
      implements Control {}

  public record Select(
      ChatAction action, String placeholder, List<Option> options, @Nullable String selected)
      implements Control {
    public Select {
      options = copy(options);
    }
  }

  public record Option(String label, String value) {}

  /** A "are you sure?" dialog shown before the action runs. */
  public record Confirm(String title, String text, String yes, String no) {}

  public enum Style {
    DEFAULT,
    PRIMARY,
    DANGER
  }
}
