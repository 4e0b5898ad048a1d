package org.detente.scenario;

import java.util.List;
import java.util.stream.Collectors;
import org.detente.InvalidInputException;
import org.detente.Message;

/** A scenario that cannot be used: every problem found, each with file, line, column and field. */
public class ScenarioException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** An exception listing these problems (at least one). */
  public ScenarioException(List<Problem> problems) {
    super(Message.PROBLEMS, format(problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String format(List<Problem> problems) {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
