package org.detente.scenario;

/**
 * The relation between an unordered pair of actors.
 *
 * @param a                   first actor id
 * @param b                   second actor id
 * @param channel             diplomatic channel at week 0
 * @param hostility           0 (friendly) .. 1 (at war)
 * @param rhetoric            public rhetoric level 0 (courteous) .. 1 (leaders insult each other)
 * @param mediator            id of an actor that may mediate between them, or null
 * @param mediatorCredibility the mediator's credibility with the pair, 0..1, as stated in the
 *                            scenario; NaN to derive it from the mediator's alignment
 * @param mediatorLeverage    the mediator's leverage over the pair, 0..1, as stated; NaN to
 *                            derive it from capabilities
 */
public record Relation(
    String a, String b, Channel channel, double hostility, double rhetoric, String mediator,
    double mediatorCredibility, double mediatorLeverage) {

  /** A relation whose mediator's credibility and leverage (if any) are derived. */
  public Relation(
      String a, String b, Channel channel, double hostility, double rhetoric, String mediator) {
    this(a, b, channel, hostility, rhetoric, mediator, Double.NaN, Double.NaN);
  }
}
