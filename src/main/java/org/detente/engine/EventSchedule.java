package org.detente.engine;

import static org.detente.engine.Compilation.actor;
import static org.detente.engine.Compilation.theater;

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

  final int[] evWeek;
  final int[] evActor;
  final int[] evTarget; // -1: none
  final Action[] evAction;
  final int[] evTheater; // -1: none
  final String[] evDescription;

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
      evActor[e] = actor(sc, ev.actor(), "event " + ev.id());
      evTarget[e] = ev.target() == null ? -1 : actor(sc, ev.target(), "event " + ev.id());
      Action ac = Action.byId(ev.action());
      if (ac == null) {
        throw new InvalidInputException(Message.UNKNOWN_REFERENCE, "event " + ev.id(), "action",
            ev.action());
      }
      evAction[e] = ac;
      evTheater[e] = ev.theater() == null ? -1 : theater(sc, ev.theater(), "event " + ev.id());
      evDescription[e] = ev.id() + ": " + ev.actor() + " " + ev.action()
          + (ev.target() != null ? " → " + ev.target() : "")
          + (ev.description() != null ? " (" + ev.description() + ")" : "");
    }
  }
}
