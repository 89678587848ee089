package io.warroom.pages;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of the signed pages.
 *
 * @param secret the HMAC key of the links
 * @param ttl how long a link works
 * @param publicUrl where people reach Warroom ({@code WARROOM_PUBLIC_URL})
 */
record PageSettings(byte[] secret, Duration ttl, URI publicUrl) {}
