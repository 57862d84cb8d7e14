package io.wakestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcStatTest {

    /** A JVM's /proc/PID/stat line, its command name holding a space and a parenthesis. */
    private static final String STAT = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 123456 0 12 0 "
            + "1500 250 0 0 20 0 57 0 9876543 8123456512 60000 18446744073709551615 1 1 0 0 0 0 0 4096 17154 0 0 0 17 1 0 0 0 0 0";

    private static final String STATUS = """
            Name:\tjava
            Umask:\t0022
            State:\tS (sleeping)
            VmPeak:\t 8123456 kB
            VmRSS:\t  245760 kB
            RssAnon:\t  200000 kB
            Threads:\t57
            """;

    @Test
    void cpuTicksAreUtimePlusStimeCountedAfterTheCommandName() {
        assertThat(ProcStat.cpuTicks(STAT)).isEqualTo(1500 + 250);
    }

    @Test
    void residentBytesComeFromVmRssInKilobytes() {
        assertThat(ProcStat.residentBytes(STATUS)).isEqualTo(245_760L * 1024);
        assertThat(ProcStat.residentBytes("Name:\tkthreadd\nState:\tS (sleeping)\n")).isEqualTo(-1);
    }

    @Test
    void aLineThatIsNotAStatLineIsRefused() {
        assertThatThrownBy(() -> ProcStat.cpuTicks("4242 java S 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.cpuTicks("4242 (java) S 1 2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected at least 15");
    }

    @Test
    void aSamplerReadsTheProcessesFilesUnderItsProcRoot(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("4242"));
        Files.writeString(proc.resolve("4242/stat"), STAT);
        Files.writeString(proc.resolve("4242/status"), STATUS);
        Files.createDirectories(proc.resolve("4242/fd"));
        for (int fd = 0; fd < 3; fd++) {
            Files.writeString(proc.resolve("4242/fd/" + fd), "");
        }

        ProcessSampler.Point point = new ProcessSampler("wakeword-service", 4242, proc, 100).sample(3);

        assertThat(point).isEqualTo(new ProcessSampler.Point(3, 17.5, 245_760L * 1024, 3));
    }

    @Test
    void thisJvmsOwnCpuTimeIsReadable() throws Exception {
        ProcessSampler own = new ProcessSampler("self", ProcessHandle.current().pid(), Path.of("/proc"),
                ProcessSampler.clockTicksPerSecond());

        assertThat(own.sample(0).cpuSeconds()).isPositive();
        assertThat(own.sample(1).rssBytes()).isPositive();
        assertThat(own.sample(2).openFds()).isPositive();
    }
}
