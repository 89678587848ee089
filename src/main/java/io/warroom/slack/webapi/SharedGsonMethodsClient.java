package io.warroom.slack.webapi;

import com.google.gson.Gson;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.FormBody;
import okhttp3.Response;

/**
 * Bolt's Web API client, with one change: every answer to a call with the bot token is read by one
 * Gson. Bolt 1.51 makes a new Gson for each answer it reads ({@code
 * GsonFactory.createSnakeCase(config)}), and a new Gson learns the answer's classes by reflection
 * all over again: about 0.35 ms of CPU for a {@code chat.postMessage} answer with a card, against 7
 * µs with a Gson that has read one before. A war room takes ten calls to build, and during a flood
 * of declarations that was a third of the CPU that building them cost. The Gson is the one Bolt
 * would make, from the same settings, once.
 *
 * <p>What else Bolt does around the call is kept: the call itself, the response listeners, and
 * {@link SlackApiException} for an HTTP error (a 429 with its {@code Retry-After}). Left out are
 * Bolt's call metrics, which {@link SlackFactory} switches off. Every method Warroom calls goes
 * through {@code postFormWithTokenAndParseResponse}; it overrides an SDK internal, so a Bolt
 * upgrade must check it (pom.xml says so next to the version, and the test fails if it is
 * bypassed).
 */
public final class SharedGsonMethodsClient extends MethodsClientImpl {

  private final SlackHttpClient http;
  private final Gson gson;
  private final AtomicLong answersRead = new AtomicLong();

  public SharedGsonMethodsClient(SlackHttpClient http, String token) {
    super(http, token);
    this.http = http;
    this.gson = GsonFactory.createSnakeCase(http.getConfig());
    setEndpointUrlPrefix(http.getConfig().getMethodsEndpointUrlPrefix());
  }

  @Override
  protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(
      FormBody.Builder form, String method, String token, Class<T> type)
      throws IOException, SlackApiException {
    return read(runPostFormWithToken(form, method, token), type);
  }

  private <T extends SlackApiTextResponse> T read(Response response, Class<T> type)
      throws IOException, SlackApiException {
    answersRead.incrementAndGet();
    String body = response.body().string();
    if (!response.isSuccessful()) {
      throw new SlackApiException(http.getConfig(), response, body);
    }
    try {
      T answer = gson.fromJson(body, type);
      Map<String, List<String>> headers = response.headers().toMultimap();
      answer.setHttpResponseHeaders(headers);
      return answer;
    } finally {
      http.runHttpResponseListeners(response, body, false);
    }
  }

  /** For tests: answers read here rather than by Bolt's own code. */
  long answersRead() {
    return answersRead.get();
  }
}
