package org.detente.events;

import java.util.List;
import org.detente.model.Action;

/**
 * The parts of the CAMEO event codebook (Schrodt 2012, v1.1b3) the event readers need: root
 * codes, GDELT's quad classes, the Detente actions an observed root code stands for, and the
 * CAMEO root code of each PLOVER event type.
 */
public final class Cameo {

  /** Number of CAMEO root codes (01 … 20). */
  public static final int ROOTS = 20;

  /** Names of the four quad classes, 1 … 4 (index 0 unused). */
  public static final List<String> QUAD_NAMES = List.of("", "verbal cooperation",
      "material cooperation", "verbal conflict", "material conflict");

  /** Names of the twenty root codes (index 0 = root 01), from the CAMEO codebook. */
  public static final List<String> ROOT_NAMES = List.of("make public statement", "appeal",
      "express intent to cooperate", "consult", "engage in diplomatic cooperation",
      "engage in material cooperation", "provide aid", "yield", "investigate", "demand",
      "disapprove", "reject", "threaten", "protest", "exhibit military posture",
      "reduce relations", "coerce", "assault", "fight", "use unconventional mass violence");

  private Cameo() {}

  /**
   * GDELT's quad class of a root code: 1 verbal cooperation (01–05), 2 material cooperation
   * (06–09), 3 verbal conflict (10–14), 4 material conflict (15–20), as GDELT 1.0 codes its
   * QuadClass field (GDELT Event Codebook V2.0, "QuadClass").
   */
  public static int quadOfRoot(int root) {
    if (root < 1 || root > ROOTS) {
      throw new IllegalArgumentException("CAMEO root code out of 1..20: " + root);
    }
    return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
  }

  /** The root code (1..20) of a CAMEO event code given as text ("0874" → 8), or -1. */
  public static int rootOf(CharSequence code) {
    if (code.length() < 2 || code.length() > 4) {
      return -1;
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
    }
    int r = (code.charAt(0) - '0') * 10 + (code.charAt(1) - '0');
    return r >= 1 && r <= ROOTS ? r : -1;
  }

  /**
   * A CAMEO code whose leading zero a spreadsheet or a numeric column dropped ("42" for 042,
   * "423" for 0423) with the zero put back; any other text unchanged. A code whose first two
   * digits exceed 20 cannot start with a root code, so the zero is certain.
   */
  public static String restoreLeadingZero(String code) {
    if (code.length() >= 2 && code.length() <= 3 && code.chars().allMatch(Character::isDigit)) {
      int first = (code.charAt(0) - '0') * 10 + (code.charAt(1) - '0');
      if (first > ROOTS || first == 0 && code.length() == 2) {
        return "0" + code;
      }
    }
    return code;
  }

  /** The root code as two digits ("01" … "20"). */
  public static String rootText(int root) {
    return root < 10 ? "0" + root : Integer.toString(root);
  }

  /**
   * The Detente actions an observed event of this root code corresponds to (any of them), or
   * an empty list when the model has no such action (statements, appeals, investigations,
   * demands, protests, coercion short of force). The correspondence follows the CAMEO codes of
   * the action catalogue ({@link Action#cameo()}): threaten 138, threaten-break-relations 1313
   * and threaten-nuclear 1385 are all root 13, and so on.
   */
  public static List<Action> actionsOfRoot(int root) {
    return switch (root) {
      case 3 -> List.of(Action.INTENT_TO_COOPERATE, Action.RESTORE_RELATIONS, Action.OFFER);
      case 4 -> List.of(Action.CONSULT, Action.NEGOTIATE);
      case 5 -> List.of(Action.AGREEMENT);
      case 6 -> List.of(Action.FORM_ALLIANCE);
      case 7 -> List.of(Action.ARM_PROXY);
      case 8 -> List.of(Action.CONCEDE, Action.CEASEFIRE);
      case 11 -> List.of(Action.INSULT);
      case 12 -> List.of(Action.REJECT);
      case 13 -> List.of(Action.THREATEN, Action.THREATEN_BREAK_RELATIONS,
          Action.THREATEN_NUCLEAR);
      case 15 -> List.of(Action.MOBILIZE, Action.DEPLOY);
      case 16 -> List.of(Action.BREAK_RELATIONS, Action.SANCTION);
      case 18 -> List.of(Action.INCIDENT);
      case 19 -> List.of(Action.ATTACK, Action.INCIDENT, Action.BLOCKADE);
      case 20 -> List.of(Action.NUCLEAR_DEMONSTRATION, Action.NUCLEAR_STRIKE_FORCES,
          Action.NUCLEAR_STRIKE_CITY, Action.STRATEGIC_COUNTERFORCE,
          Action.STRATEGIC_COUNTERVALUE);
      default -> List.of();
    };
  }

  /**
   * The CAMEO root code standing for a PLOVER event type (PLOVER manual, 2021 draft, and its
   * table CAMEO2PLOVER-2021): the root most of whose codes map to the type. PLOVER's ASSAULT
   * covers CAMEO 18–20 and its mode tells which: {@code unconventional} (chemical, biological,
   * radiological, nuclear) is 20, the military modes ({@code firearms}, {@code aerial},
   * {@code drone}, {@code heavy-weapons}) are 19 (fight), any other mode or none is 18
   * (assault). Returns -1 for an unknown type.
   */
  public static int rootOfPlover(String type, String mode) {
    return switch (type) {
      case "AGREE" -> 3;
      case "CONSULT" -> 4;
      case "SUPPORT" -> 5;
      case "CONCEDE", "RETREAT" -> 8;
      case "COOPERATE" -> 6;
      case "AID" -> 7;
      case "REQUEST" -> 10;
      case "ACCUSE" -> 11;
      case "REJECT" -> 12;
      case "THREATEN" -> 13;
      case "PROTEST" -> 14;
      case "MOBILIZE" -> 15;
      case "SANCTION" -> 16;
      case "COERCE" -> 17;
      case "ASSAULT" -> switch (mode == null ? "" : mode) {
        case "unconventional" -> 20;
        case "firearms", "aerial", "drone", "heavy-weapons" -> 19;
        default -> 18;
      };
      default -> -1;
    };
  }

  /**
   * PLOVER's own quad category of an event type (PLOVER manual, table of conflict-cooperation
   * scores): 1 verbal cooperation (AGREE, CONSULT, SUPPORT, CONCEDE), 2 material cooperation
   * (COOPERATE, AID, RETREAT), 3 verbal conflict (REQUEST, ACCUSE, REJECT, THREATEN), 4 material
   * conflict (PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT); -1 for an unknown type. It differs
   * from GDELT's class of the type's root code for CONCEDE (root 08, material cooperation) and
   * PROTEST (root 14, verbal conflict); a PLOVER row keeps PLOVER's class.
   */
  public static int quadOfPlover(String type) {
    return switch (type) {
      case "AGREE", "CONSULT", "SUPPORT", "CONCEDE" -> 1;
      case "COOPERATE", "AID", "RETREAT" -> 2;
      case "REQUEST", "ACCUSE", "REJECT", "THREATEN" -> 3;
      case "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT" -> 4;
      default -> -1;
    };
  }

  /**
   * PLOVER's conflict–cooperation score of an event type without mode (PLOVER manual, table
   * "PLOVER conflict-cooperation scores"; ACCUSE printed +3 there, read as -3: every ACCUSE
   * mode is negative), or NaN for an unknown type.
   */
  public static double ploverScore(String type) {
    return switch (type) {
      case "AGREE", "CONSULT" -> 2.5;
      case "SUPPORT" -> 5;
      case "CONCEDE" -> 4.5;
      case "COOPERATE" -> 9.5;
      case "AID" -> 10;
      case "RETREAT" -> 6.5;
      case "REQUEST" -> 0;
      case "ACCUSE" -> -3;
      case "REJECT" -> -2;
      case "THREATEN" -> -3.5;
      case "PROTEST" -> -5;
      case "SANCTION" -> -6;
      case "MOBILIZE" -> -5.5;
      case "COERCE" -> -7;
      case "ASSAULT" -> -9;
      default -> Double.NaN;
    };
  }
}
