/**
 * The incident and its lifecycle: severity, status, roles, tasks and action items. Services here
 * change state and publish {@link io.warroom.incident.IncidentEvent}s; nothing here knows about
 * Slack or any other chat platform.
 */
package io.warroom.incident;
