package io.wakestream.cli.bench;

/**
 * Reads Linux's per-process accounting files: {@code /proc/PID/stat} (CPU time) and {@code /proc/PID/status}
 * (resident memory), as proc(5) describes them.
 */
public final class ProcStat {

    private ProcStat() {
    }

    /**
     * User plus system CPU time of the process, in clock ticks: fields 14 ({@code utime}) and 15 ({@code stime}) of a
     * {@code /proc/PID/stat} line. The command name (field 2) is in parentheses and may itself hold spaces and
     * parentheses, so fields are counted after its last ')'.
     *
     * @throws IllegalArgumentException if the line is not in that format
     */
    public static long cpuTicks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line (no command name in parentheses): " + statLine);
        }
        // after ") " come field 3 (state), 4, ...: utime is the 12th of them, stime the 13th
        String[] fields = statLine.substring(close + 1).trim().split("\\s+");
        if (fields.length < 13) {
            throw new IllegalArgumentException("a /proc/PID/stat line with " + (fields.length + 2) + " fields, expected at least 15");
        }
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * Resident set size in bytes: the {@code VmRSS:} line of {@code /proc/PID/status} (kB there); -1 when the file has
     * none (a kernel thread, a process that is exiting).
     */
    public static long residentBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        return -1;
    }
}
