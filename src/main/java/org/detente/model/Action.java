package org.detente.model;

/**
 * The action catalogue: every move an actor can make, with its CAMEO event code, its Goldstein
 * (1992) conflict–cooperation value as listed in the shipped GDELT CAMEO lookup table, and its
 * rung on the escalation ladder ({@link #rung()}, 0 = cooperation … 9 = strategic countervalue
 * strike), in the spirit of Kahn (1965).
 *
 * <p>Identifiers ({@link #id()}) are what scenario files and questions use. The rungs are:
 * 0 cooperation, 1 verbal conflict, 2 threats, 3 diplomatic and economic coercion, 4 military
 * posture, blockade and armed incidents (the "serious clashes" of ICB), 5 conventional war,
 * 6 nuclear demonstration, 7 non-strategic nuclear use, 8 strategic counterforce, 9 strategic
 * countervalue. docs/model.md gives preconditions and effects of each action.
 */
public enum Action {
  WAIT("wait", null, 0.0, 0),
  CONSULT("consult", "040", 1.0, 0),
  NEGOTIATE("negotiate", "046", 7.0, 0),
  OFFER("offer", "037", 5.0, 0),
  CONCEDE("concede", "080", 5.0, 0),
  INTENT_TO_COOPERATE("intent-to-cooperate", "030", 4.0, 0),
  /** CAMEO has no "restore relations" code; 036 (express intent to meet or negotiate) is used. */
  RESTORE_RELATIONS("restore-relations", "036", 4.0, 0),
  /** A deal struck by bargaining (CAMEO 057 sign formal agreement). */
  AGREEMENT("agreement", "057", 8.0, 0),
  CEASEFIRE("ceasefire", "0871", 9.0, 0),
  INSULT("insult", "111", -2.0, 1),
  REJECT("reject", "120", -4.0, 1),
  THREATEN("threaten", "138", -7.0, 2),
  THREATEN_BREAK_RELATIONS("threaten-break-relations", "1313", -5.8, 2),
  THREATEN_NUCLEAR("threaten-nuclear", "1385", -7.0, 2),
  BREAK_RELATIONS("break-relations", "161", -4.0, 3),
  SANCTION("sanction", "163", -8.0, 3),
  MOBILIZE("mobilize", "154", -7.2, 4),
  /** Military aid to a party fighting the adversary; the event's target is the recipient. */
  ARM_PROXY("arm-proxy", "072", 8.3, 4),
  /** A defence commitment with a partner; the event's target is the partner. */
  FORM_ALLIANCE("form-alliance", "062", 7.4, 4),
  BLOCKADE("blockade", "191", -9.5, 4),
  /** An armed incident (border clash, accident, false warning acted upon): CAMEO 193. */
  INCIDENT("incident", "193", -10.0, 4),
  ATTACK("attack", "190", -10.0, 5),
  NUCLEAR_DEMONSTRATION("nuclear-demonstration", "2042", -10.0, 6),
  NUCLEAR_STRIKE_FORCES("nuclear-strike-forces", "2042", -10.0, 7),
  NUCLEAR_STRIKE_CITY("nuclear-strike-city", "2042", -10.0, 7),
  STRATEGIC_COUNTERFORCE("strategic-counterforce", "2042", -10.0, 8),
  STRATEGIC_COUNTERVALUE("strategic-countervalue", "2042", -10.0, 9),
  /**
   * Forces sent to another theater: across a border to an adjacent theater, or along a declared
   * route (sea, air, land) with its transit time. CAMEO 150 (demonstrate military power): an
   * observer sees the deployment.
   */
  DEPLOY("deploy", "150", -7.2, 4);

  /** Number of ladder rungs (0..9). */
  public static final int RUNGS = 10;

  private static final Action[] VALUES = values();

  private final String id;
  private final String cameo;
  private final double goldstein;
  private final int rung;

  Action(String id, String cameo, double goldstein, int rung) {
    this.id = id;
    this.cameo = cameo;
    this.goldstein = goldstein;
    this.rung = rung;
  }

  /** Identifier used in scenario files. */
  public String id() {
    return id;
  }

  /** CAMEO event code, or null for {@link #WAIT}. */
  public String cameo() {
    return cameo;
  }

  /** Goldstein value, -10 (most conflictual) .. +10 (most cooperative). */
  public double goldstein() {
    return goldstein;
  }

  /** Rung on the escalation ladder, 0..9. */
  public int rung() {
    return rung;
  }

  /** Whether the action detonates a nuclear weapon. */
  public boolean nuclear() {
    return rung >= 6;
  }

  /** Whether the action is a strategic nuclear strike. */
  public boolean strategic() {
    return rung >= 8;
  }

  /** The action with this ordinal (no allocation). */
  public static Action of(int ordinal) {
    return VALUES[ordinal];
  }

  /** The action with this id, or null. */
  public static Action byId(String id) {
    for (Action a : VALUES) {
      if (a.id.equals(id)) {
        return a;
      }
    }
    return null;
  }
}
