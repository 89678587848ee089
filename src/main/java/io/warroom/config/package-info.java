/**
 * Reads the environment variables of SPEC section 2 into each feature's settings record and stops
 * start-up with one clear line when a value is malformed. Features never read raw properties
 * themselves.
 */
package io.warroom.config;
