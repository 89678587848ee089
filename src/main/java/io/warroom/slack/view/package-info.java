/** Modals: how each is drawn and read, and the listener for its submission. */
package io.warroom.slack.view;
