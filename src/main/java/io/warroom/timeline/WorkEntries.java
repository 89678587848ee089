package io.warroom.timeline;

import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.warroom.chat.Mrkdwn;
import io.warroom.incident.EventOrder;
import io.warroom.incident.IncidentEvent;
import jakarta.inject.Singleton;

/**
 * The timeline entries of the work on an incident: tasks, action items and the hypotheses on the
 * board, written in the transaction of the change.
 */
@Singleton
class WorkEntries {

  private final EntryWriter entries;

  WorkEntries(EntryWriter entries) {
    this.entries = entries;
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.TaskCreated t) {
    entries.add(
        t.incidentId(),
        EntryKind.TASK_CREATED,
        t.at(),
        t.actor(),
        "Task for <@" + t.task().assignee() + ">: " + Mrkdwn.escape(t.task().text()),
        entries.details("task", t.task().id(), "assignee", t.task().assignee()));
    entries.participant(t.incidentId(), t.task().assignee(), t.at());
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.TaskDone t) {
    entries.add(
        t.incidentId(),
        EntryKind.TASK_DONE,
        t.at(),
        t.actor(),
        "Task done: " + Mrkdwn.escape(t.task().text()),
        entries.details("task", t.task().id(), "assignee", t.task().assignee()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.ActionItemRecorded a) {
    entries.add(
        a.incidentId(),
        EntryKind.ACTION_ITEM,
        a.at(),
        a.actor(),
        "Action item: "
            + Mrkdwn.escape(a.item().text())
            + (a.item().owner() == null ? "" : " (owner <@" + a.item().owner() + ">)"),
        entries.details("item", a.item().id(), "owner", a.item().owner()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.ActionItemClosed a) {
    entries.add(
        a.incidentId(),
        EntryKind.ACTION_ITEM_CLOSED,
        a.at(),
        a.actor(),
        "Action item "
            + a.item().status().label().toLowerCase(java.util.Locale.ROOT)
            + ": "
            + Mrkdwn.escape(a.item().text()),
        entries.details("item", a.item().id(), "status", a.item().status().name()));
  }

  @EventListener
  @Order(EventOrder.TIMELINE)
  void on(IncidentEvent.HypothesisChanged h) {
    String name = "H" + h.number();
    String text =
        switch (h.change()) {
          case RAISED -> "Hypothesis " + name + " raised: " + Mrkdwn.escape(h.text());
          case CHECKING -> "<@" + h.actor() + "> is checking " + name;
          case CONFIRMED -> "Hypothesis " + name + " confirmed" + EntryWriter.how(h.note());
          case RULED_OUT -> "Hypothesis " + name + " ruled out" + EntryWriter.how(h.note());
        };
    entries.add(
        h.incidentId(),
        EntryKind.HYPOTHESIS,
        h.at(),
        h.actor(),
        text,
        entries.details(
            "hypothesis",
            h.number(),
            "change",
            h.change().name(),
            "text",
            h.text(),
            "link",
            h.link(),
            "note",
            h.note()));
  }
}
