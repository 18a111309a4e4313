package io.sightline.bench.realtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmarks say about the machine they ran on: load (other builds may be running) and memory. */
public final class Machine {
    private Machine() {}

    /** {@code /proc/loadavg}'s 1, 5 and 15 minute load averages and the number of cores, e.g. "load 1.30 2.08 2.56 on 2 cores". */
    public static String uptime() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load " + load[0] + " " + load[1] + " " + load[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return "load unknown";
        }
    }

    /** VmHWM: this process's peak resident set in MB (Java heap and native memory of TensorFlow and ONNX Runtime alike); -1 off Linux. */
    public static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        } catch (IOException | NumberFormatException ignored) {
            // not Linux
        }
        return -1;
    }
}
