/**
 * A local Slack workspace that speaks Slack's real protocol: it serves the Web API methods Warroom
 * uses over HTTP, with Slack's response shapes and rules, and it sends the app signed slash
 * commands, interactions and Events API callbacks as Slack does. The sandbox (SPEC section 10) puts
 * a web page in front of it ({@link io.warroom.fakeslack.WorkspacePage}); the tests use it as their
 * fake Slack, through a test-scope {@code FakeSlack} that adds what only tests need (injected
 * failures, event delivery control). The app's code cannot tell it from Slack.
 *
 * <p>It imports nothing else of Warroom (ArchitectureTest keeps it so): what it knows of the app
 * comes from the app's manifest ({@code app-manifest.yml} on the classpath) and from its requests.
 */
package io.warroom.fakeslack;
