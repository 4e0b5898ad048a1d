package org.detente.bargain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The nine model options of the spatial model of politics, named as in KTAB's SMP XML schema
 * ({@code ModelParameters}). {@link #defaults()} are KTAB's defaults, used for every CSV input.
 *
 * @param victoryProb      coalition strengths to pairwise win probability in every PCE
 * @param pce              pairwise win probabilities to option probabilities
 * @param transitions      adopt the most probable bargain, or sample one
 * @param votingRule       how a utility difference becomes a vote
 * @param bigRAdjust       how an actor perceives another's risk attitude
 * @param bigRRange        range of the inferred risk attitudes
 * @param thirdPartyCommit what a third party expects from joining a side in a challenge
 * @param interVecBrgn     how a bargain point is interpolated between two positions
 * @param bargainModel     whose view of the challenge the queued bargain reflects
 */
public record SmpParameters(
    VictoryProbModel victoryProb,
    PceModel pce,
    StateTransitions transitions,
    VotingRule votingRule,
    BigRAdjust bigRAdjust,
    BigRRange bigRRange,
    ThirdPartyCommit thirdPartyCommit,
    InterVecBrgn interVecBrgn,
    BargainModel bargainModel) {

  public SmpParameters {
    if (victoryProb == null
        || pce == null
        || transitions == null
        || votingRule == null
        || bigRAdjust == null
        || bigRRange == null
        || thirdPartyCommit == null
        || interVecBrgn == null
        || bargainModel == null) {
      throw new IllegalArgumentException("every SMP parameter must be set");
    }
  }

  /** KTAB's defaults (Linear, Conditional, Deterministic, Prop, OneThird, Mid, SemiCommit, S2P2, InitOnlyInterp). */
  public static SmpParameters defaults() {
    return new SmpParameters(
        VictoryProbModel.LINEAR,
        PceModel.CONDITIONAL,
        StateTransitions.DETERMINISTIC,
        VotingRule.PROP,
        BigRAdjust.ONE_THIRD,
        BigRRange.MID,
        ThirdPartyCommit.SEMI_COMMIT,
        InterVecBrgn.S2P2,
        BargainModel.INIT_ONLY_INTERP);
  }

  /** Same parameters with another state-transition mode. */
  public SmpParameters withTransitions(StateTransitions t) {
    return new SmpParameters(
        victoryProb, pce, t, votingRule, bigRAdjust, bigRRange, thirdPartyCommit, interVecBrgn,
        bargainModel);
  }

  /** An option with the name KTAB's XML uses for it. */
  public interface Named {
    /** The name in KTAB's XML schema. */
    String ktabName();
  }

  /** Looks an option up by its KTAB name (case-sensitive, as in KTAB); null if unknown. */
  public static <E extends Enum<E> & Named> E byKtabName(Class<E> type, String name) {
    for (E e : type.getEnumConstants()) {
      if (e.ktabName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  /** The KTAB names of an option type, comma separated, for error messages. */
  public static <E extends Enum<E> & Named> String ktabNames(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Named::ktabName)
        .collect(Collectors.joining(", "));
  }

  /** Pairwise victory probability from coalition strengths. */
  public enum VictoryProbModel implements Named {
    LINEAR("Linear"), SQUARE("Square"), QUARTIC("Quartic"), OCTIC("Octic"), BINARY("Binary");
    private final String k;
    VictoryProbModel(String k) { this.k = k; }
    @Override public String ktabName() { return k; }
  }

  /** Probabilistic Condorcet election variant. */
  public enum PceModel implements Named {
    CONDITIONAL("Conditional"), MARKOV_INCENTIVE("MarkovIncentive"), MARKOV_UNIFORM("MarkovUniform");
    private final String k;
    PceModel(String k) { this.k = k; }
    @Override public String ktabName() { return k; }
  }

  /** Deterministic (most probable bargain) or stochastic (sampled bargain) transitions. */
  public enum StateTransitions implements Named {
    DETERMINISTIC("Deterministic"), STOCHASTIC("Stochastic");
    private final String k;
    StateTransitions(String k) { this.k = k; }
    @Override public String ktabName() { return k; }
  }

  /** Vote of an actor from its utility difference between two options. */
  public enum VotingRule implements Named {
    BINARY("Binary"), PROP_BIN("PropBin"), PROP("Prop"), PROP_CBC("PropCbc"), CUBIC("Cubic"),
    ASYM_PROSP("ASymProsp");
    private final String k;
    VotingRule(String k) { this.k = k; }
    @Override public String ktabName() { return k; }
  }

  /** How actor h perceives actor i's risk attitude. */
  public enum BigRAdjust implements Named {
    NONE("None"), ONE_THIRD("OneThird"), HALF("Half"), TWO_THIRDS("TwoThirds"), FULL("Full");
    private final String k;
    BigRAdjust(String k) { this.k = k; }
    @Override public String ktabName() { return k; }
  }

  /** Range of inferred risk attitudes: [0,1], [-1/2,1] or [-1,1]. */
  public enum BigRRange implements Named {
    MIN("Min"), MID("Mid"), MAX("Max");
    private final String k;
    BigRRange(String k) { this.k = k; }
    @Override public String ktabName() { return k; }
  }

  /** What a third party expects from joining a side in a challenge. */
  public enum ThirdPartyCommit implements Named {
    NO_COMMIT("NoCommit"), SEMI_COMMIT("SemiCommit"), FULL_COMMIT("FullCommit");
    private final String k;
    ThirdPartyCommit(String k) { this.k = k; }
    @Override public String ktabName() { return k; }
  }

  /** Interpolation of a bargain point between two positions. */
  public enum InterVecBrgn implements Named {
    S1P1("S1P1"), S2P2("S2P2"), S2PMAX("S2PMax");
    private final String k;
    InterVecBrgn(String k) { this.k = k; }
    @Override public String ktabName() { return k; }
  }

  /** Whose view of a challenge the queued bargain reflects. */
  public enum BargainModel implements Named {
    INIT_ONLY_INTERP("InitOnlyInterp"), INIT_RCVR_INTERP("InitRcvrInterp"),
    PW_COMP_INTERP("PWCompInterp");
    private final String k;
    BargainModel(String k) { this.k = k; }
    @Override public String ktabName() { return k; }
  }

  /** Compact description, e.g. for output headers. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "VictoryProbModel=%s PCEModel=%s StateTransitions=%s VotingRule=%s BigRAdjust=%s"
            + " BigRRange=%s ThirdPartyCommit=%s InterVecBrgn=%s BargnModel=%s",
        victoryProb.ktabName(), pce.ktabName(), transitions.ktabName(), votingRule.ktabName(),
        bigRAdjust.ktabName(), bigRRange.ktabName(), thirdPartyCommit.ktabName(),
        interVecBrgn.ktabName(), bargainModel.ktabName());
  }
}
