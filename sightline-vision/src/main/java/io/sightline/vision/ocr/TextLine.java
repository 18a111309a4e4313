package io.sightline.vision.ocr;

import io.sightline.vision.image.Box;

/**
 * One line (or word group) of text read from a frame.
 *
 * @param box        where, in normalised frame coordinates
 * @param text       the text as read, Unicode NFKC-normalised (full-width ASCII folded to ASCII)
 * @param confidence mean per-character probability of the recogniser, 0-1
 */
public record TextLine(Box box, String text, double confidence) {}
