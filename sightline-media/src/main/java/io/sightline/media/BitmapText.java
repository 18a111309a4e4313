package io.sightline.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Text drawn with a built-in 5x7 pixel font (the classic character-LCD one), for machines without
 * any font file: ffmpeg's drawtext needs one, and so does Java's own text rendering, so this sets
 * pixels itself. Upper case, digits and ASCII punctuation; lower case is drawn as upper case.
 */
final class BitmapText {

    /** Five column bytes per character from ' ' (0x20) to 'Z' (0x5A); bit 0 is the top row. */
    private static final byte[] GLYPHS = HexFormat.of().parseHex(
            "0000000000" + "00005f0000" + "0007000700" + "147f147f14" + "242a7f2a12" + "2313086462" + "3649552250" + "0005030000"
            + "001c224100" + "0041221c00" + "082a1c2a08" + "08083e0808" + "0050300000" + "0808080808" + "0060600000" + "2010080402"
            + "3e5149453e" + "00427f4000" + "4261514946" + "2141454b31" + "1814127f10" + "2745454539" + "3c4a494930" + "0171090503"
            + "3649494936" + "064949291e" + "0036360000" + "0056360000" + "0814224100" + "1414141414" + "0041221408" + "0201510906"
            + "324979413e" + "7e1111117e" + "7f49494936" + "3e41414122" + "7f4141221c" + "7f49494941" + "7f09090101" + "3e41415132"
            + "7f0808087f" + "00417f4100" + "2040413f01" + "7f08142241" + "7f40404040" + "7f0204027f" + "7f0408107f" + "3e4141413e"
            + "7f09090906" + "3e4151215e" + "7f09192946" + "4649494931" + "01017f0101" + "3f4040403f" + "1f2040201f" + "7f2018207f"
            + "6314081463" + "0304780403" + "6151494543");
    private static final int CELL_WIDTH = 6;
    private static final int CELL_HEIGHT = 8;

    private BitmapText() {}

    /**
     * White text on a translucent black band, {@code scale} screen pixels per font pixel, written
     * as a PNG with transparency to overlay on a video.
     */
    static Path writePng(String text, int scale, Path png) {
        String upper = text.toUpperCase(Locale.ROOT);
        int margin = scale * 2;
        BufferedImage image = new BufferedImage(upper.length() * CELL_WIDTH * scale + 2 * margin, CELL_HEIGHT * scale + 2 * margin,
                BufferedImage.TYPE_INT_ARGB);
        int band = 0x99000000;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) image.setRGB(x, y, band);
        }
        for (int i = 0; i < upper.length(); i++) {
            int glyph = glyphIndex(upper.charAt(i));
            for (int column = 0; column < 5; column++) {
                int bits = GLYPHS[glyph * 5 + column];
                for (int row = 0; row < 7; row++) {
                    if ((bits >> row & 1) == 0) continue;
                    fill(image, margin + (i * CELL_WIDTH + column) * scale, margin + row * scale, scale);
                }
            }
        }
        try {
            ImageIO.write(image, "png", png.toFile());
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int glyphIndex(char c) {
        return c >= 0x20 && c <= 0x5A ? c - 0x20 : '?' - 0x20;
    }

    private static void fill(BufferedImage image, int left, int top, int scale) {
        for (int y = top; y < top + scale; y++) {
            for (int x = left; x < left + scale; x++) image.setRGB(x, y, 0xffffffff);
        }
    }
}
