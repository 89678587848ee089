package io.warroom.stakeholder;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a message asks for an ETA or the incident's status, as a bystander would: short, a
 * question (or a bare "ETA"/"status"), about the incident as a whole. Questions about one piece of
 * work ("any update on the canary?", "status of the rollback?"), requests to post an update, and
 * statements ("status of the rollback: done") are responders' talk and do not count. Who asks is
 * decided elsewhere: people with a role, people who wrote in the exploration thread, and bots are
 * never answered.
 */
final class StatusQuestion {

  /** Longer messages are discussion, not a quick "where are we?". */
  static final int MAX_LENGTH = 160;

  /** Things a question may be "on" and still be about the incident as a whole. */
  private static final String WHOLE =
      "(?:this|it|that|here|things|everything|us|the (?:incident|outage|issue|problem|fix|"
          + "resolution|recovery|site|app|service)|a fix|fix|resolution|recovery)";

  private static final List<Pattern> ASKS =
      List.of(
          // ETA?, any ETA?, what's the eta, eta on a fix?
          p("\\beta\\b"),
          // any update(s)? any news? any progress? any word?
          p("\\bany (?:new )?(?:updates?|news|progress|word)\\b"),
          // status? what's the status? current status please; status update?
          p("\\bstatus(?: update| report)?\\s*(?:\\?|$|please\\b|pls\\b|now\\b|here\\b)"),
          // update? updates? (the whole message)
          p("^(?:an? )?(?:updates?|news)\\s*\\?*$"),
          // what's the latest? where are we (at)? how's it going / looking?
          p("\\bwhat(?:'s| is) the latest\\b"),
          p("\\bwhere are we\\b"),
          p("\\bhow(?:'s| is) (?:it|this|everything) (?:going|looking)\\b"),
          p("\\bhow are we (?:doing|looking)\\b"),
          // when will this be fixed? when is it back? when will payments be working again?
          p(
              "\\bwhen (?:will|is|are|can|do|does|should|might|would)\\b.*\\b(?:fixed|resolved|back|"
                  + "restored|solved|sorted|working again|up again|over)\\b"),
          // is it fixed yet? is this resolved? is everything back?
          p(
              "\\b(?:is|are) (?:it|this|that|things|everything|the site|the app|the service)"
                  + " (?:fixed|resolved|back|restored|working|up)\\b"),
          // how long until it's back? how much longer?
          p("\\bhow long (?:until|till|til|before|will|to)\\b"),
          p("\\bhow much longer\\b"),
          // any idea when...? any estimate? expected resolution?
          p("\\bany idea (?:when|how long)\\b"),
          p("\\bany (?:estimate|timeline)\\b"),
          p("\\b(?:estimated|expected) (?:time|resolution|fix)\\b"));

  /** "any update on the canary", "status of the rollback", "eta for the deploy": one workstream. */
  private static final Pattern SPECIFIC =
      p(
          "\\b(?:eta|status|updates?|news|progress|word|estimate)\\s+(?:on|of|for|from|about|with|to)"
              + "\\s+(?!"
              + WHOLE
              + "\\b)\\S");

  /** "can you post a status update?", "I'll send an update": asking for or promising one. */
  private static final Pattern POSTING =
      p(
          "\\b(?:post|posting|posted|send|sending|sent|write|writing|draft|drafting|give|giving|"
              + "share|sharing|do|doing)\\b.{0,25}\\b(?:status|update)");

  private StatusQuestion() {}

  /** Whether Slack-formatted message text asks for an ETA or status. */
  static boolean asks(String slackText) {
    if (slackText == null) {
      return false;
    }
    String text = normalise(slackText);
    if (text.isEmpty() || text.length() > MAX_LENGTH || text.contains("```")) {
      return false;
    }
    boolean bare = text.matches("(?:eta|status|any updates?|status update|update)[.!]*");
    if (!bare && !text.contains("?")) {
      return false;
    }
    if (SPECIFIC.matcher(text).find() || POSTING.matcher(text).find()) {
      return false;
    }
    return ASKS.stream().anyMatch(a -> a.matcher(text).find());
  }

  /**
   * Lower case, entities decoded, mentions and links dropped, curly quotes straightened, spaces
   * collapsed, and a leading greeting ("hey team,") kept: it changes nothing the patterns look at.
   */
  static String normalise(String slackText) {
    String t =
        slackText
            .replaceAll("<[^>]*>", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
            .replace('\u2019', '\'')
            .replace('\u2018', '\'')
            .toLowerCase(Locale.ROOT);
    t = t.replaceAll("\\s+", " ").strip();
    // "hey," "team:" left after a dropped mention
    return t.replaceAll("^[,:;\\s]+", "").replaceAll("\\s+([,?!.])", "$1");
  }

  private static Pattern p(String regex) {
    return Pattern.compile(regex);
  }
}
