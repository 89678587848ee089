package io.warroom.fakeslack;

import io.warroom.fakeslack.Model.Channel;
import io.warroom.fakeslack.Model.Message;

/**
 * What the workspace tells the app through the Events API when something happens, as Slack does for
 * the events the app subscribes to.
 */
interface AppEvents {

  void messagePosted(Channel channel, Message message);

  void messageChanged(Channel channel, Message message, Message previous);

  void messageDeleted(Channel channel, Message message);

  void memberJoined(Channel channel, String user, String inviter);

  void reaction(Channel channel, Message message, String user, String reaction, boolean added);

  /** Sends nothing; for a workspace without an app attached yet. */
  AppEvents NONE =
      new AppEvents() {
        @Override
        public void messagePosted(Channel channel, Message message) {}

        @Override
        public void messageChanged(Channel channel, Message message, Message previous) {}

        @Override
        public void messageDeleted(Channel channel, Message message) {}

        @Override
        public void memberJoined(Channel channel, String user, String inviter) {}

        @Override
        public void reaction(
            Channel channel, Message message, String user, String reaction, boolean added) {}
      };
}
