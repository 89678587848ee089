/**
 * The heartbeat: each open incident's next-update-due time, its cadence per severity, and the
 * scheduler that claims due reminders safely across replicas.
 */
package io.warroom.heartbeat;
