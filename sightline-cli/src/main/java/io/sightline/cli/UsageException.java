package io.sightline.cli;

/** The command was called wrongly or cannot run as configured; exits with 2 like a parse error. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
