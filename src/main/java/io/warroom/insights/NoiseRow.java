package io.warroom.insights;

/** Alert groups judged noise in a month (UTC, by when judged), by alert name. */
public record NoiseRow(String month, String alertName, int groups) {}
