package dk.jobmatch.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the model's validation tests. */
final class Rejections {
  private Rejections() {}

  /**
   * Asserts that {@code construction} throws an {@link IllegalArgumentException} whose message
   * starts with {@code field:} and does <em>not</em> contain the bad {@code value} (a value may be
   * personal data, or hold control characters that forge log lines); returns the message.
   */
  static String assertRejected(String field, String value, Executable construction) {
    String message = assertRejected(field, construction);
    assertFalse(message.contains("'" + value + "'"),
        () -> "message must not quote the bad value '" + value + "': " + message);
    return message;
  }

  /**
   * Asserts that {@code construction} throws an {@link IllegalArgumentException} whose message
   * starts with {@code field:} (or {@code field[i]:} for a collection element); returns the
   * message.
   */
  static String assertRejected(String field, Executable construction) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
    String message = e.getMessage();
    assertTrue(message != null && (message.startsWith(field + ":") || message.startsWith(field + "[")),
        () -> "message should start with the field '" + field + "': " + message);
    return message;
  }

  /** Asserts that a message does not contain a personal value. */
  static void assertNotQuoted(String message, String personal) {
    assertFalse(message.contains(personal), () -> "message must not contain '" + personal + "': " + message);
  }
}
