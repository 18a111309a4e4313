package io.sightline.vision.ocr;

import io.sightline.vision.image.RgbImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Frames drawn with Java2D: a noisy dark "road" background with text on it. */
public final class RenderedFrame {
    private final BufferedImage image;
    private final Graphics2D g;

    public RenderedFrame(int width, int height, long seed) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Random random = new Random(seed);
        // Sky, road and a few blobs, so the background is not a flat colour.
        g.setColor(new Color(70, 80, 95));
        g.fillRect(0, 0, width, height / 2);
        g.setColor(new Color(45, 45, 48));
        g.fillRect(0, height / 2, width, height - height / 2);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(30 + random.nextInt(60), 30 + random.nextInt(60), 30 + random.nextInt(60)));
            g.fillRect(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(120), 10 + random.nextInt(60));
        }
    }

    public RenderedFrame text(String text, String fontName, int style, int size, int x, int baseline, Color color) {
        g.setFont(new Font(fontName, style, size));
        g.setColor(color);
        g.drawString(text, x, baseline);
        return this;
    }

    /** A sign: a filled plate with dark text on it. */
    public RenderedFrame sign(String text, int x, int y, int size) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        int w = g.getFontMetrics().stringWidth(text);
        g.setColor(new Color(20, 110, 40));
        g.fillRect(x, y, w + size, (int) (size * 1.6));
        g.setColor(Color.WHITE);
        g.drawString(text, x + size / 2, y + (int) (size * 1.2));
        return this;
    }

    public RgbImage toRgb() {
        int w = image.getWidth(), h = image.getHeight();
        byte[] px = new byte[w * h * 3];
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < argb.length; i++) {
            px[i * 3] = (byte) (argb[i] >> 16);
            px[i * 3 + 1] = (byte) (argb[i] >> 8);
            px[i * 3 + 2] = (byte) argb[i];
        }
        return new RgbImage(w, h, px);
    }
}
