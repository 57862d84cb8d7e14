package io.wakestream.cli;

/**
 * A mistake in what the user asked for, or in their environment, that they can fix: its message says
 * what is wrong and what to do, and is all the user sees (no stack trace, unless {@code --verbose}).
 */
final class UserError extends RuntimeException {

    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
