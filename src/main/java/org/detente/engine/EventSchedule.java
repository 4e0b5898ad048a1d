package org.detente.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.detente.InvalidInputException;
import org.detente.Message;
import org.detente.model.Action;
import org.detente.scenario.Scenario;
import org.detente.scenario.ScriptedEvent;

/** The scenario's scripted events in week order (stable). Read-only after compilation. */
final class EventSchedule {

  private final int[] evWeek;
  private final int[] evActor;
  private final int[] evTarget; // -1: none
  private final Action[] evAction;
  private final int[] evTheater; // -1: none
  private final String[] evDescription;

  EventSchedule(Scenario sc) {
    List<ScriptedEvent> evs = new ArrayList<>(sc.events());
    evs.sort(Comparator.comparingInt(ScriptedEvent::week));
    int ne = evs.size();
    evWeek = new int[ne];
    evActor = new int[ne];
    evTarget = new int[ne];
    evAction = new Action[ne];
    evTheater = new int[ne];
    evDescription = new String[ne];
    for (int e = 0; e < ne; e++) {
      ScriptedEvent ev = evs.get(e);
      evWeek[e] = ev.week();
      evActor[e] = Compilation.actor(sc, ev.actor(), "event " + ev.id());
      evTarget[e] = ev.target() == null ? -1 : Compilation.actor(sc, ev.target(), "event " + ev.id());
      Action ac = Action.byId(ev.action());
      if (ac == null) {
        throw new InvalidInputException(Message.UNKNOWN_REFERENCE, "event " + ev.id(), "action",
            ev.action());
      }
      evAction[e] = ac;
      evTheater[e] = ev.theater() == null ? -1 : Compilation.theater(sc, ev.theater(), "event " + ev.id());
      evDescription[e] = ev.id() + ": " + ev.actor() + " " + ev.action()
          + (ev.target() != null ? " → " + ev.target() : "")
          + (ev.description() != null ? " (" + ev.description() + ")" : "");
    }
  }

  /** Number of scripted events. */
  int count() {
    return evWeek.length;
  }

  /** The week of event e. */
  int week(int e) {
    return evWeek[e];
  }

  /** The acting actor of event e. */
  int actor(int e) {
    return evActor[e];
  }

  /** The target actor of event e, or -1. */
  int target(int e) {
    return evTarget[e];
  }

  /** The action of event e. */
  Action action(int e) {
    return evAction[e];
  }

  /** The theater of event e, or -1. */
  int theater(int e) {
    return evTheater[e];
  }

  /** The description of event e for the trace: id, actor, action, target and text. */
  String description(int e) {
    return evDescription[e];
  }
}
