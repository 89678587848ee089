package io.warroom.fakeslack;

/**
 * One attempt to deliver an Events API callback to the app: its event id, the retry number Slack
 * sent ({@code 0} for the first attempt), the app's HTTP status ({@code 0}: no answer) and how long
 * the app took.
 */
public record EventDelivery(String eventId, int retryNum, int status, long millis) {}
