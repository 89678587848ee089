/** One listener per button or menu Warroom puts on its messages and App Home. */
package io.warroom.slack.action;
