package io.warroom.slack;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;

/** Handles submissions of one modal, by callback id. Register by being a bean. */
public interface ViewListener {

  String callbackId();

  Response handle(ViewSubmissionRequest request, ViewSubmissionContext ctx) throws Exception;
}
