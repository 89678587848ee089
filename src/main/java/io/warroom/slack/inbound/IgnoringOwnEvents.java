package io.warroom.slack.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.warroom.slack.webapi.SlackIdentity;
import java.util.Optional;
import java.util.Set;

/**
 * Drops the Events API callbacks that Warroom's own posts cause, before any listener sees them, and
 * still acks them. It knows the bot by the user id and the bot id that {@code auth.test} gave
 * {@link SlackIdentity}. Bolt's own {@code IgnoringSelfEvents} knows only the user id, so for a
 * message that carries a {@code bot_id} and no {@code user} (another app's post) it asks Slack's
 * {@code bots.info} on the way to the ack, and fails the request while the Web API hangs.
 */
public final class IgnoringOwnEvents implements Middleware {

  /** The bot's own joins and leaves still count: they tell Warroom it is in a room. */
  private static final Set<String> ALWAYS_DELIVERED =
      Set.of("member_joined_channel", "member_left_channel");

  private final SlackIdentity identity;
  private final ObjectMapper json;

  public IgnoringOwnEvents(SlackIdentity identity, ObjectMapper json) {
    this.identity = identity;
    this.json = json;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req.getRequestType() != RequestType.Event) {
      return chain.next(req);
    }
    EventRequest event = (EventRequest) req;
    Optional<AuthTestResponse> bot = identity.known();
    if (bot.isEmpty() || ALWAYS_DELIVERED.contains(event.getEventType())) {
      return chain.next(req);
    }
    JsonNode inner = json.readTree(event.getRequestBodyAsString()).path("event");
    return isBy(inner, bot.get()) ? resp : chain.next(req);
  }

  private static boolean isBy(JsonNode event, AuthTestResponse bot) {
    JsonNode user = event.path("user");
    String userId = user.isObject() ? user.path("id").asText(null) : user.asText(null);
    String botId = event.path("bot_id").asText(null);
    return (userId != null && userId.equals(bot.getUserId()))
        || (botId != null && botId.equals(bot.getBotId()));
  }
}
