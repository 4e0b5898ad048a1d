package org.detente;

/**
 * An error the user can act on: bad input, an unknown name, an impossible option. The command
 * line prints its message (never a stack trace) and exits with {@link #exitCode()}.
 */
public class DetenteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** An input error (exit code 1). */
  public DetenteException(String message) {
    this(message, 1);
  }

  /** An error with an explicit exit code. */
  public DetenteException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** An input error with its cause (kept for debugging, never shown as a trace). */
  public DetenteException(String message, Throwable cause) {
    super(message, cause);
    this.exitCode = 1;
  }

  /** Process exit code to use. */
  public int exitCode() {
    return exitCode;
  }
}
