package io.warroom.incident;

/**
 * The order in which features hear an incident event inside the transaction of the change (as
 * {@code @Order} on their listeners; lower first). What one writes can show in what another writes,
 * so the order is fixed rather than left to how beans happen to load:
 *
 * <ol>
 *   <li>{@link #KNOCK_ON}: changes that follow from the event and publish events of their own (an
 *       offered handover lapses when someone is made IC); theirs are recorded first.
 *   <li>{@link #EVENTS_OUT}, {@link #TIMELINE}, {@link #HEARTBEAT}, {@link #COMMANDER_REMINDER}:
 *       each writes rows of its own, in the order they ran in when it was left to how beans load.
 *   <li>{@link #ROOM}: what the war room is told, in the order it is queued.
 *   <li>{@link #AFTER_ROOM}: documents that follow the room's line (the postmortem draft after
 *       "resolved").
 * </ol>
 *
 * Listeners that run after commit ({@code @TransactionalEventListener}) need no order: each only
 * wakes work that reads the committed state.
 */
public final class EventOrder {

  public static final int KNOCK_ON = -60;
  public static final int EVENTS_OUT = -50;
  public static final int TIMELINE = -40;
  public static final int HEARTBEAT = -30;
  public static final int COMMANDER_REMINDER = -20;
  public static final int ROOM = -10;
  public static final int AFTER_ROOM = 0;

  private EventOrder() {}
}
