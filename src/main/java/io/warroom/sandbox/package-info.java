/**
 * The sandbox (SPEC section 10): Warroom running against a local Slack workspace ({@link
 * io.warroom.fakeslack}) with a few demo people, the page that lets you act as them, its
 * controller, the start-up that wires Warroom to the workspace, and the build's training run.
 */
package io.warroom.sandbox;
