package io.warroom.slack.webapi;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import io.warroom.chat.ChatFailure;
import io.warroom.slack.webapi.WebApiPacer.Urgency;
import jakarta.inject.Singleton;

/**
 * Publishes a Home tab outside any request (a change touched that person), within Slack's rate
 * limit for {@code views.publish} ({@link WebApiPacer}).
 */
@Singleton
public class HomePublisher {

  private final MethodsClient methods;
  private final SlackCalls calls;

  HomePublisher(MethodsClient methods, SlackCalls calls) {
    this.methods = methods;
    this.calls = calls;
  }

  /**
   * Publishes {@code view} as {@code user}'s Home tab.
   *
   * @throws ChatFailure {@code RATE_LIMITED} with the wait when the budget is used up for now
   */
  public void publish(String user, View view) {
    calls.call(
        "views.publish",
        null,
        Urgency.LATER,
        true,
        () -> methods.viewsPublish(r -> r.userId(user).view(view)));
  }
}
