package io.warroom.webhook;

/** The CloudEvents {@code type} of each event Warroom sends (SPEC section 12). */
enum EventType {
  DECLARED("io.warroom.incident.declared"),
  SEVERITY_CHANGED("io.warroom.incident.severity_changed"),
  ROLE_ASSIGNED("io.warroom.incident.role_assigned"),
  STATUS_UPDATED("io.warroom.incident.status_updated"),
  MITIGATED("io.warroom.incident.mitigated"),
  RESOLVED("io.warroom.incident.resolved"),
  REOPENED("io.warroom.incident.reopened"),
  POSTMORTEM_READY("io.warroom.incident.postmortem_ready"),
  ACTION_ITEM_CREATED("io.warroom.action_item.created"),
  ACTION_ITEM_CLOSED("io.warroom.action_item.closed");

  private final String type;

  EventType(String type) {
    this.type = type;
  }

  String type() {
    return type;
  }
}
