package org.detente.web;

/** A request the application refuses: an HTTP status and a message for the user. */
final class WebError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;

  WebError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }
}
