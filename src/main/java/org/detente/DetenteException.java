package org.detente;

import java.util.List;

/**
 * An error the user can act on: bad input, an unknown name, an impossible option. Library code
 * throws one of its two kinds, {@link InvalidInputException} (the input is wrong) and
 * {@link UsageException} (the command was called wrongly); the command line alone turns the kind
 * into an exit code and prints the message, never a stack trace.
 *
 * <p>Every message comes from the catalogue {@link Message} with its arguments.
 */
public class DetenteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Message pattern;
  private final transient List<Object> arguments;

  /** An error with a catalogued message. */
  protected DetenteException(Message pattern, Object... arguments) {
    super(pattern.format(arguments));
    this.pattern = pattern;
    this.arguments = List.of(copy(arguments));
  }

  /** An error with a catalogued message and its cause (kept for debugging, never shown). */
  protected DetenteException(Throwable cause, Message pattern, Object... arguments) {
    super(pattern.format(arguments), cause);
    this.pattern = pattern;
    this.arguments = List.of(copy(arguments));
  }

  /** The catalogue entry of the message. */
  public Message pattern() {
    return pattern;
  }

  /** The arguments of the catalogued message, in pattern order. */
  public List<Object> arguments() {
    return arguments;
  }

  private static Object[] copy(Object[] args) {
    Object[] out = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      out[i] = args[i] == null ? "null" : args[i];
    }
    return out;
  }
}
