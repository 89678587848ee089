/**
 * {@code /incident redact}: removing a secret that Warroom itself echoed (in a note, an update, a
 * task) from everything it stored and from its own posts, recording that a redaction happened but
 * not what was removed.
 */
package io.warroom.redaction;
