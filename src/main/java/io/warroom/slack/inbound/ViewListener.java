package io.warroom.slack.inbound;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;

/** Handles submissions of one modal, by callback id. Register by being a bean. */
public interface ViewListener {

  String callbackId();

  /**
   * The input block under which the modal shows a failure the user could not have caused, so the
   * modal stays open with what they typed and they can submit again.
   */
  String failureBlock();

  Response handle(ViewSubmissionRequest request, ViewSubmissionContext ctx) throws Exception;
}
