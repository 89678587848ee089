/**
 * What an orchestrator asks of a running Warroom (SPEC section 15): {@code /health/live} (the
 * process answers; no database), {@code /health/ready} (every {@link
 * io.warroom.health.ReadinessCheck} passes and Warroom is not stopping), and the graceful stop on
 * SIGTERM ({@link io.warroom.health.GracefulStop}). A feature adds a readiness condition by making
 * a bean that implements {@code ReadinessCheck}.
 */
package io.warroom.health;
