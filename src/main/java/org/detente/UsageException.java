package org.detente;

/**
 * The command was called wrongly: options that do not go together, an option missing its
 * partner, an unknown choice. The command line exits with status 2, as for picocli's own
 * parameter errors.
 */
public class UsageException extends DetenteException {

  private static final long serialVersionUID = 1L;

  /** A usage error with a catalogued message. */
  public UsageException(Message pattern, Object... arguments) {
    super(pattern, arguments);
  }
}
