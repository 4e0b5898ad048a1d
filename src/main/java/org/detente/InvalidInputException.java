package org.detente;

/**
 * The input is wrong: a file that cannot be read or does not mean anything valid, a value out of
 * its range, an unknown name. The command line exits with status 1.
 */
public class InvalidInputException extends DetenteException {

  private static final long serialVersionUID = 1L;

  /** An invalid-input error with a catalogued message. */
  public InvalidInputException(Message pattern, Object... arguments) {
    super(pattern, arguments);
  }

  /** An invalid-input error with its cause (kept for debugging, never shown). */
  public InvalidInputException(Throwable cause, Message pattern, Object... arguments) {
    super(cause, pattern, arguments);
  }
}
