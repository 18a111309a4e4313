package io.sightline.motion.ego;

/**
 * Feature points tracked from one frame to the next, in the centred, width-normalised coordinates
 * every fit in this package uses: {@code x = (px - width/2) / width}, {@code y = (py - height/2) / width}
 * (x right, y down, one unit = one frame width, origin at the frame centre).
 */
record PointFlow(double[] x, double[] y, double[] dx, double[] dy) {

    int size() { return x.length; }

    double magnitude(int i) { return Math.hypot(dx[i], dy[i]); }
}
