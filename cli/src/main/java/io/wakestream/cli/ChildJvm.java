package io.wakestream.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * A JVM child process running one of this program's main classes on this program's class path, its output in a log
 * file. From the runnable jar the child starts through Spring Boot's {@code PropertiesLauncher} (the jar's nested
 * libraries); from a plain class path (tests, the IDE) directly. Arguments travel in a Java argument file: ONNX Runtime
 * crashes a JVM whose command line is long.
 */
final class ChildJvm {

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} with {@code arguments}, stdout and stderr appended to {@code log}.
     *
     * @param name       what reports and messages call it, e.g. {@code wakeword-service#2}
     * @param jvmOptions options before the main class, e.g. {@code -Xmx1g}
     * @throws IOException if the argument file or the log cannot be written, or the process cannot start
     */
    static ChildJvm start(String name, String mainClass, List<String> jvmOptions, List<String> arguments, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        List<String> all = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"));
        all.addAll(jvmOptions);
        String classPath = System.getProperty("java.class.path");
        all.add("-cp");
        all.add(classPath);
        if (isBootJar(classPath)) {
            all.add("-Dloader.main=" + mainClass);
            all.add(BOOT_LAUNCHER);
        } else {
            all.add(mainClass);
        }
        all.addAll(arguments);
        Path argFile = log.resolveSibling(log.getFileName() + ".args");
        // one argument a line, quoted: the class path or a property may hold spaces
        Files.write(argFile, all.stream().map(ChildJvm::quoted).toList());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "@" + argFile)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ChildJvm(name, process, log);
    }

    private static boolean isBootJar(String classPath) {
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Spring-Boot-Classes") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String quoted(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** SIGKILL: the process gets no chance to commit, flush or leave its group. Returns once it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * SIGTERM, then SIGKILL if it has not exited within {@code grace}: a Spring Boot service closes its consumers
     * (leaving its group) and producers on SIGTERM.
     */
    void stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }
}
