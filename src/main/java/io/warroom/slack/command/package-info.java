/** One listener per {@code /incident} subcommand; the help is built from them. */
package io.warroom.slack.command;
