package io.wakestream.cli.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What one load step measured: the record written to the JSON report (field names in snake case there).
 *
 * @param streams                    concurrent streams
 * @param durationS                  seconds the step produced audio (as measured)
 * @param chunksSent                 chunks handed to the producer
 * @param sendFailures               chunks the broker did not acknowledge
 * @param maxSendLateMs              the generator's worst delay behind its schedule, in ms (large: the generator, not
 *                                   the service, fell behind)
 * @param held                       whether the load was held ({@link HeldRule})
 * @param notHeldReasons             why not; empty when held
 * @param detectionLatencyMs         audio-to-detection: detection record CreateTime − production of the chunk holding
 *                                   its last sample, in ms
 * @param detectionReceiveLatencyMs  the same to when the harness received the detection, in ms
 * @param decisionLatencyMs          detection-to-decision: decision CreateTime − detection CreateTime, in ms
 * @param detections                 phrases inserted and found, false detections, decisions
 * @param models                     the wake-word models the detections named
 * @param lag                        consumer lag by service, in records (wakeword-service: chunks)
 * @param processes                  CPU and memory by process
 * @param heap                       JVM heap by service
 * @param detectionLatencySamples    [seconds since the step's start at which the chunk was produced, latency ms] per
 *                                   detection, in time order
 * @param lagSamples                 lag samples, about one a second, through the settling time after the step
 * @param memorySamples              memory samples of the processes and heaps, about one a second
 * @param liveSet                    this JVM's live set after full collections, or null when not measured
 */
public record StepResult(int streams, double durationS, long chunksSent, long sendFailures, double maxSendLateMs,
                         boolean held, List<String> notHeldReasons, LatencyStats detectionLatencyMs,
                         LatencyStats detectionReceiveLatencyMs, LatencyStats decisionLatencyMs,
                         DetectionLedger.DetectionCounts detections, List<String> models, Map<String, LagSummary> lag,
                         Map<String, ProcessUse> processes, Map<String, HeapUse> heap,
                         List<double[]> detectionLatencySamples, List<LagSampler.Point> lagSamples,
                         List<MemoryPoint> memorySamples, LiveSet liveSet) {

    /**
     * The live set of the harness's JVM (with {@code --local}: the broker's and every service's heap), measured every
     * {@code everyS} seconds by a full collection ({@link LiveSetSampler}).
     *
     * @param everyS       seconds between samples
     * @param firstMib     the first sample, in MiB
     * @param lastMib      the last sample, in MiB
     * @param maxMib       the largest sample, in MiB
     * @param mibPerHour   the slope over the step's second half, in MiB per hour ({@link MemoryTrend}); null with fewer
     *                     than three samples there
     * @param maxPauseMs   the longest full collection, in ms (it pauses the services: latency figures include it)
     * @param samples      every sample
     */
    public record LiveSet(double everyS, double firstMib, double lastMib, double maxMib, Double mibPerHour,
                          double maxPauseMs, List<LiveSetSampler.Point> samples) {

        private static final double MIB = 1024 * 1024;

        /** The summary of {@code points} over a step of {@code stepSeconds}; null when there are none. */
        public static LiveSet of(double everyS, List<LiveSetSampler.Point> points, double stepSeconds) {
            if (points.isEmpty()) {
                return null;
            }
            return new LiveSet(everyS, points.getFirst().liveBytes() / MIB, points.getLast().liveBytes() / MIB,
                    points.stream().mapToLong(LiveSetSampler.Point::liveBytes).max().orElseThrow() / MIB,
                    MemoryTrend.liveSetMibPerHour(points, stepSeconds),
                    points.stream().mapToDouble(LiveSetSampler.Point::pauseMs).max().orElseThrow(), points);
        }
    }

    /**
     * One memory sample of a process ({@code rssMib}, {@code openFds}) or of a service's heap ({@code heapMib},
     * {@code heapCommittedMib}); the fields a source does not measure are null.
     *
     * @param source           the process's or service's name
     * @param seconds          seconds since the step started
     * @param rssMib           resident memory, in MiB
     * @param heapMib          heap in use, in MiB
     * @param heapCommittedMib heap committed, in MiB
     * @param openFds          open file descriptors
     */
    public record MemoryPoint(String source, double seconds, Double rssMib, Double heapMib, Double heapCommittedMib,
                              Integer openFds) {
    }

    /**
     * @param endRecords           lag at the end of the step's audio, in records
     * @param maxRecords           the largest lag sampled during the step, in records
     * @param secondHalfGrowth     how much the lag grew over the step's second half (least-squares line), in records
     */
    public record LagSummary(long endRecords, long maxRecords, double secondHalfGrowth) {
    }

    /**
     * @param pid                    the process id
     * @param cpuS                   user + system CPU seconds it used while the step produced audio
     * @param cpuSPerStreamS         {@code cpuS} / (streams × {@code durationS}): CPU seconds per second of one stream
     * @param beforeCpuSPerS         CPU seconds per second it used in the 3 s before the step ({@link LoadStep#BEFORE}),
     *                               without the step's load: its fixed cost (idle broker and services, other traffic)
     * @param maxRssBytes            its largest resident set size sampled, in bytes
     * @param rssMibPerHour          its resident memory's slope over the step's second half, in MiB per hour
     *                               ({@link MemoryTrend}); null with too few samples
     * @param fdsStart               its open file descriptors at the step's start (-1 unknown)
     * @param fdsEnd                 and at the end of the step's audio (-1 unknown)
     * @param fdsPerHour             their slope over the step's second half, per hour; null with too few samples
     * @param note                   what else ran in it, or null
     */
    public record ProcessUse(long pid, double cpuS, @JsonProperty("cpu_s_per_stream_s") double cpuSPerStreamS,
                             @JsonProperty("before_cpu_s_per_s") double beforeCpuSPerS, long maxRssBytes,
                             Double rssMibPerHour, int fdsStart, int fdsEnd, Double fdsPerHour, String note) {
    }

    /**
     * @param url       the metrics endpoint read
     * @param maxBytes  the largest heap in use sampled, in bytes
     * @param meanBytes the mean heap in use over the samples, in bytes
     * @param samples   how many samples were taken
     * @param floorMibPerHour the slope of the heap's floor (each minute's lowest sample) over the step's second half, in
     *                        MiB per hour ({@link MemoryTrend}); null when the step is shorter than a few minutes
     * @param maxCommittedBytes the largest heap committed sampled, in bytes
     * @param committedMibPerHour the committed heap's slope over the step's second half, in MiB per hour; null with too
     *                            few samples
     */
    public record HeapUse(String url, long maxBytes, long meanBytes, int samples, Double floorMibPerHour,
                          long maxCommittedBytes, Double committedMibPerHour) {
    }
}
