package io.warroom.stakeholder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The detection rule on realistic war-room messages, both ways, as Slack sends their text. */
class StatusQuestionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ETA?",
        "eta",
        "ETA on a fix?",
        "any ETA?",
        "any update?",
        "Any updates?",
        "any news?",
        "Any progress?",
        "Update?",
        "status?",
        "Status",
        "what's the status?",
        "What\u2019s the status here?",
        "status update?",
        "<@U0CEO1234> any ETA?",
        "<@U0CEO1234|ceo> status?",
        "When will this be fixed?",
        "when will payments be working again?",
        "hey team, any idea when checkout is back?",
        "is it fixed yet?",
        "Is this resolved?",
        "how long until it's back?",
        "how much longer?",
        "what's the latest?",
        "where are we at?",
        "Any update on this?",
        "any eta for the fix?",
        "Customers are calling support &amp; asking. Any ETA?",
        "how's it looking?"
      })
  void asksForTheStatus(String text) {
    assertTrue(StatusQuestion.asks(text), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "status of the rollback: done",
        "any update on the canary, <@U0BOB1234>?",
        "status of the rollback?",
        "any update from the db team?",
        "what's the eta on the db failover?",
        "ETA for the deploy is 5 minutes",
        "deploy eta 5m",
        "I'll post a status update at 14:30",
        "can you post a status update to <#C0ANNOUNCE|announce>?",
        "Can someone give a status update to the execs?",
        "what's the status code on those 500s?",
        "the status page is updated",
        "when is the rollback done?",
        "rolled back, error rate dropping",
        "is the canary healthy?",
        "did you update the config?",
        "I have an update: the cache is warm",
        "any idea what's causing this?",
        "looking at the status dashboard now",
        "updated the runbook",
        "```curl -s status?```",
        "We've seen this before: last time the ETA from the vendor was two hours and it took six,"
            + " so I would not promise anything to customers until we hear back from them, ok? Any"
            + " thoughts?",
        ""
      })
  void responderTalkDoesNotCount(String text) {
    assertFalse(StatusQuestion.asks(text), text);
  }
}
