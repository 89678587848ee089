/**
 * A local Slack workspace that speaks Slack's real protocol: it serves the Web API methods Warroom
 * uses over HTTP, with Slack's response shapes and rules, and it sends Warroom signed slash
 * commands, interactions and Events API callbacks as Slack does. The tests use it as their fake
 * Slack; the sandbox (SPEC section 10) puts a web page in front of it. Warroom's own code cannot
 * tell it from Slack.
 */
package io.warroom.sandbox;
