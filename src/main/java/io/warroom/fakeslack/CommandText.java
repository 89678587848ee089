package io.warroom.fakeslack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Slack does to slash-command text when the command has {@code should_escape: true}: it
 * escapes {@code & < >}, and turns {@code @user}, {@code #channel} and {@code @here} into {@code
 * <@U...|name>}, {@code <#C...|name>} and {@code <!here>}.
 */
final class CommandText {

  private static final Pattern MENTION = Pattern.compile("(?<![\\w@])([@#])([a-z0-9][a-z0-9._-]*)");

  private CommandText() {}

  static String escape(Workspace ws, String typed) {
    String escaped = typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    Matcher m = MENTION.matcher(escaped);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(2);
      String replacement = m.group();
      if (m.group(1).equals("@")) {
        if (name.equals("here") || name.equals("channel") || name.equals("everyone")) {
          replacement = "<!" + name + ">";
        } else {
          replacement =
              ws.userByName(name)
                  .map(u -> "<@" + u.id() + "|" + u.name() + ">")
                  .orElse(replacement);
        }
      } else {
        replacement =
            ws.channelByName(name).map(c -> "<#" + c.id + "|" + c.name + ">").orElse(replacement);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
