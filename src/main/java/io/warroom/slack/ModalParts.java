package io.warroom.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.ViewState;
import java.util.Map;

/**
 * The pieces Warroom's modals share: input blocks whose block id is the action id, and reading them
 * back.
 */
public final class ModalParts {

  private ModalParts() {}

  /** An input block; its block id and its element's action id are both {@code id}. */
  public static InputBlock input(
      String id, String label, BlockElement element, boolean optional, String hint) {
    InputBlock.InputBlockBuilder b =
        InputBlock.builder().blockId(id).label(plain(label)).element(element).optional(optional);
    if (hint != null) {
      b.hint(plain(hint));
    }
    return b.build();
  }

  /** What was entered in the input {@code id}, or null. */
  public static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String id) {
    Map<String, ViewState.Value> block = values == null ? null : values.get(id);
    return block == null ? null : block.get(id);
  }

  /** The text entered in the input {@code id}, or null. */
  public static String entered(Map<String, Map<String, ViewState.Value>> values, String id) {
    ViewState.Value v = value(values, id);
    return v == null ? null : v.getValue();
  }

  public static PlainTextObject plain(String text) {
    return PlainTextObject.builder().text(text).emoji(true).build();
  }
}
