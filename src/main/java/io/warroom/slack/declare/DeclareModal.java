package io.warroom.slack.declare;

import static io.warroom.slack.ModalParts.entered;
import static io.warroom.slack.ModalParts.input;
import static io.warroom.slack.ModalParts.plain;
import static io.warroom.slack.ModalParts.value;
import static io.warroom.slack.SlackIds.DECLARE_AFFECTED;
import static io.warroom.slack.SlackIds.DECLARE_COMMANDER;
import static io.warroom.slack.SlackIds.DECLARE_OPTIONS;
import static io.warroom.slack.SlackIds.DECLARE_SEVERITY;
import static io.warroom.slack.SlackIds.DECLARE_TITLE;
import static io.warroom.slack.SlackIds.OPTION_DRILL;
import static io.warroom.slack.SlackIds.OPTION_PRIVATE;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.UsersSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.micronaut.core.annotation.Nullable;
import io.warroom.incident.IncidentRules;
import io.warroom.incident.Severity;
import io.warroom.slack.SlackIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Declare modal: title, severity, what is affected, optional IC, private and drill. */
public final class DeclareModal {

  /** What a submitted Declare modal says. */
  public record Submission(
      String title,
      @Nullable Severity severity,
      @Nullable String affected,
      @Nullable String commander,
      boolean privateIncident,
      boolean drill) {}

  /**
   * The message a declaration starts from (the message shortcut), carried in the modal's {@code
   * private_metadata} as three lines; only well-formed Slack ids are read back.
   */
  public record Source(String channelId, String messageTs, String permalink) {

    private static final java.util.regex.Pattern CHANNEL =
        java.util.regex.Pattern.compile("[CGD][A-Z0-9]{2,30}");
    private static final java.util.regex.Pattern TS =
        java.util.regex.Pattern.compile("\\d{1,12}\\.\\d{1,9}");

    String write() {
      return channelId + "\n" + messageTs + "\n" + permalink;
    }

    /** The source a modal carries, if any. */
    public static java.util.Optional<Source> read(@Nullable String privateMetadata) {
      String[] lines = privateMetadata == null ? new String[0] : privateMetadata.split("\n", -1);
      if (lines.length != 3
          || !CHANNEL.matcher(lines[0]).matches()
          || !TS.matcher(lines[1]).matches()
          || !lines[2].startsWith("https://")
          || lines[2].contains("|")
          || lines[2].contains(">")) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new Source(lines[0], lines[1], lines[2]));
    }

    /** A source made of ids from a signed payload, if they are well formed. */
    public static java.util.Optional<Source> of(String channelId, String messageTs, String link) {
      return read(channelId + "\n" + messageTs + "\n" + link);
    }
  }

  private DeclareModal() {}

  public static View view(Severity severity, boolean drill, String title) {
    return build(severity, drill, title, null, null, null);
  }

  /**
   * The modal for a declaration from a message: the title pre-filled from it (a {@code note} says
   * why it is not, when the message had no text), a link to the message above the inputs.
   */
  public static View view(
      Severity severity,
      boolean drill,
      String title,
      @Nullable Source source,
      @Nullable String note) {
    return build(severity, drill, title, source, note, source == null ? null : source.write());
  }

  /**
   * The modal filled in from an alert group: its summary and severity; the group's id rides in the
   * private metadata so that the declared incident gets the group attached.
   */
  public static View fromAlert(Severity severity, String title, long alertGroupId) {
    return build(severity, false, title, null, null, SlackIds.ALERT_METADATA_PREFIX + alertGroupId);
  }

  private static View build(
      Severity severity,
      boolean drill,
      String title,
      @Nullable Source source,
      @Nullable String note,
      @Nullable String metadata) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (source != null) {
      blocks.add(
          com.slack.api.model.block.ContextBlock.builder()
              .elements(
                  List.of(
                      com.slack.api.model.block.composition.MarkdownTextObject.builder()
                          .text(
                              ":speech_balloon: From <"
                                  + source.permalink()
                                  + "|a message> in <#"
                                  + source.channelId()
                                  + ">"
                                  + (note == null ? "" : ". " + note))
                          .build()))
              .build());
    }
    PlainTextInputElement.PlainTextInputElementBuilder titleInput =
        PlainTextInputElement.builder()
            .actionId(DECLARE_TITLE)
            .maxLength(IncidentRules.MAX_TITLE)
            .placeholder(plain("Payments API returning 500s"));
    if (title != null && !title.isBlank()) {
      titleInput.initialValue(title);
    }
    blocks.add(
        input(
            DECLARE_TITLE, "Title", titleInput.build(), false, "What is broken, in a few words."));
    List<OptionObject> severities = new ArrayList<>();
    OptionObject initial = null;
    for (Severity s : Severity.values()) {
      OptionObject o = OptionObject.builder().text(plain(describe(s))).value(s.name()).build();
      severities.add(o);
      if (s == severity) {
        initial = o;
      }
    }
    blocks.add(
        input(
            DECLARE_SEVERITY,
            "Severity",
            StaticSelectElement.builder()
                .actionId(DECLARE_SEVERITY)
                .options(severities)
                .initialOption(initial)
                .build(),
            false,
            null));
    blocks.add(
        input(
            DECLARE_AFFECTED,
            "What is affected",
            PlainTextInputElement.builder()
                .actionId(DECLARE_AFFECTED)
                .multiline(true)
                .maxLength(IncidentRules.MAX_AFFECTED)
                .placeholder(plain("Checkout for EU customers; card payments fail"))
                .build(),
            true,
            null));
    blocks.add(
        input(
            DECLARE_COMMANDER,
            "Incident Commander",
            UsersSelectElement.builder()
                .actionId(DECLARE_COMMANDER)
                .placeholder(plain("Who coordinates (not debugs)"))
                .build(),
            true,
            "Leave empty to take command later with the card's Take command button."));
    OptionObject privateOption =
        OptionObject.builder()
            .text(plain("Private (security) incident"))
            .description(plain("A private channel; the announcement reveals nothing"))
            .value(OPTION_PRIVATE)
            .build();
    OptionObject drillOption =
        OptionObject.builder()
            .text(plain("Drill"))
            .description(plain("A rehearsal, marked as such everywhere"))
            .value(OPTION_DRILL)
            .build();
    CheckboxesElement.CheckboxesElementBuilder options =
        CheckboxesElement.builder()
            .actionId(DECLARE_OPTIONS)
            .options(List.of(privateOption, drillOption));
    if (drill) {
      options.initialOptions(List.of(drillOption));
    }
    blocks.add(input(DECLARE_OPTIONS, "Options", options.build(), true, null));
    return View.builder()
        .type("modal")
        .callbackId(SlackIds.DECLARE_VIEW)
        .privateMetadata(metadata)
        .title(ViewTitle.builder().type("plain_text").text("Declare an incident").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Declare").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(blocks)
        .build();
  }

  public static Submission read(ViewState state) {
    Map<String, Map<String, ViewState.Value>> values = state.getValues();
    String title = entered(values, DECLARE_TITLE);
    ViewState.Value sev = value(values, DECLARE_SEVERITY);
    Severity severity =
        sev == null || sev.getSelectedOption() == null
            ? null
            : Severity.parse(sev.getSelectedOption().getValue()).orElse(null);
    ViewState.Value commander = value(values, DECLARE_COMMANDER);
    boolean isPrivate = false;
    boolean drill = false;
    ViewState.Value opts = value(values, DECLARE_OPTIONS);
    if (opts != null && opts.getSelectedOptions() != null) {
      for (ViewState.SelectedOption o : opts.getSelectedOptions()) {
        isPrivate |= OPTION_PRIVATE.equals(o.getValue());
        drill |= OPTION_DRILL.equals(o.getValue());
      }
    }
    return new Submission(
        title == null ? "" : title,
        severity,
        entered(values, DECLARE_AFFECTED),
        commander == null ? null : commander.getSelectedUser(),
        isPrivate,
        drill);
  }

  private static String describe(Severity s) {
    return switch (s) {
      case SEV1 -> "SEV1: critical, customers cannot use the product";
      case SEV2 -> "SEV2: major, a key feature is down or degraded";
      case SEV3 -> "SEV3: minor, limited impact or a workaround";
      case SEV4 -> "SEV4: low, no customer impact yet";
    };
  }
}
