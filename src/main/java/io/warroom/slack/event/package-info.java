/** One listener per Events API event Warroom subscribes to (app-manifest.yml). */
package io.warroom.slack.event;
