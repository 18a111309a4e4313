package io.sightline.bench.realtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmarks say about the machine they ran on: load (other builds may be running) and memory. */
public final class Machine {
    /** USER_HZ, 100 on every Linux the JVM runs on. */
    private static final int CLOCK_TICK_MILLIS = 10;

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

    /** CPU time of this process's threads so far, in ms; -1 where the JVM cannot tell. */
    public static double processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e6 : -1;
    }

    /**
     * CPU time of this process's child processes that have ended and been waited for (ffmpeg), in ms:
     * {@code /proc/self/stat}'s cutime and cstime, in clock ticks of 10 ms; -1 off Linux.
     */
    public static double childrenCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name, which is in parentheses and may hold spaces: state is field 3, cutime 16, cstime 17
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * CLOCK_TICK_MILLIS;
        } catch (IOException | RuntimeException e) {
            return -1;
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
