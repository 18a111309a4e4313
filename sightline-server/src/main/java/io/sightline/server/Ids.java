package io.sightline.server;

import java.security.SecureRandom;

/** Opaque random ids with a type prefix ({@code vid_...}), unguessable so ids alone grant nothing. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {}

    public static String next(String prefix) {
        char[] chars = new char[20];
        for (int i = 0; i < chars.length; i++) chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return prefix + "_" + new String(chars);
    }
}
