package io.sightline.motion;

import io.sightline.vision.image.RgbImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A large textured picture drawn with Java2D (random shapes in random colours), from which tests cut
 * views that imitate camera motion: shifted windows (a turn), windows sheared by row (a sideways move,
 * near rows moving more than far ones), shrinking windows (moving forward).
 */
public final class SyntheticScene {
    private final int width;
    private final int height;
    private final int[] rgb;

    private SyntheticScene(BufferedImage image) {
        this.width = image.getWidth();
        this.height = image.getHeight();
        this.rgb = image.getRGB(0, 0, width, height, null, 0, width);
    }

    public static SyntheticScene textured(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Random random = new Random(seed);
        g.setColor(new Color(110, 120, 110));
        g.fillRect(0, 0, width, height);
        int shapes = width * height / 900;
        for (int i = 0; i < shapes; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            int x = random.nextInt(width), y = random.nextInt(height);
            int w = 6 + random.nextInt(40), h = 6 + random.nextInt(40);
            switch (random.nextInt(3)) {
                case 0 -> g.fillRect(x, y, w, h);
                case 1 -> g.fillOval(x, y, w, h);
                default -> {
                    g.setStroke(new BasicStroke(1 + random.nextInt(4)));
                    g.drawLine(x, y, x + w, y + h);
                }
            }
        }
        g.dispose();
        return new SyntheticScene(image);
    }

    /**
     * A view of {@code outWidth x outHeight} pixels. Output pixel (u, v) shows the scene point
     * {@code centre + (u - outWidth/2, v - outHeight/2) / zoom}, shifted horizontally by
     * {@code shearPerRow * (v - outHeight/2)}.
     */
    public RgbImage view(int outWidth, int outHeight, double centreX, double centreY, double zoom, double shearPerRow) {
        byte[] pixels = new byte[outWidth * outHeight * 3];
        for (int v = 0; v < outHeight; v++) {
            double row = v - outHeight / 2.0;
            double sy = centreY + row / zoom;
            double shift = shearPerRow * row;
            for (int u = 0; u < outWidth; u++) {
                double sx = centreX + (u - outWidth / 2.0) / zoom + shift;
                int colour = sample(sx, sy);
                int o = (v * outWidth + u) * 3;
                pixels[o] = (byte) (colour >> 16);
                pixels[o + 1] = (byte) (colour >> 8);
                pixels[o + 2] = (byte) colour;
            }
        }
        return new RgbImage(outWidth, outHeight, pixels);
    }

    private int sample(double x, double y) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        int r = 0, g = 0, b = 0;
        double[] weights = {(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy};
        int[][] offsets = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        double rr = 0, gg = 0, bb = 0;
        for (int k = 0; k < 4; k++) {
            int px = Math.clamp(x0 + offsets[k][0], 0, width - 1);
            int py = Math.clamp(y0 + offsets[k][1], 0, height - 1);
            int c = rgb[py * width + px];
            rr += weights[k] * ((c >> 16) & 0xff);
            gg += weights[k] * ((c >> 8) & 0xff);
            bb += weights[k] * (c & 0xff);
        }
        r = (int) Math.round(rr); g = (int) Math.round(gg); b = (int) Math.round(bb);
        return (r << 16) | (g << 8) | b;
    }
}
