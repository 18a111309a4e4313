package io.sightline.store;

import java.sql.SQLException;

/** A storage failure. {@link Duplicate} signals a unique-constraint violation callers may turn into a 409. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public static StoreException from(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("UNIQUE constraint") || message.contains("PRIMARY KEY constraint") || "23505".equals(e.getSQLState())) {
            return new Duplicate(message, e);
        }
        return new StoreException(message, e);
    }

    public static final class Duplicate extends StoreException {
        public Duplicate(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
