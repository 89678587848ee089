/**
 * The postmortem draft: a pure function from an incident and its timeline to Markdown, plus what
 * posts it and reminds about its review.
 */
package io.warroom.postmortem;
