package io.wakestream.systemtests;

import org.testcontainers.utility.DockerImageName;

/**
 * A Wakestream service image as scripts/build-images.sh tags it, and the HTTP port its service listens on.
 *
 * @param name the service's name: its image's name under {@code wakestream/} and its network alias
 * @param port the container port of its HTTP endpoints (actuator)
 */
record ServiceImage(String name, int port) {

    static final ServiceImage WAKEWORD = new ServiceImage("wakeword-service", 8081);
    static final ServiceImage KWS = new ServiceImage("kws-service", 8082);
    static final ServiceImage ASR_LATTICE = new ServiceImage("asr-lattice-service", 8083);
    static final ServiceImage FTM = new ServiceImage("ftm-service", 8084);

    /** The tag the build gave the images (the system-tests module's {@code wakestream.images.tag}). */
    static String tag() {
        return System.getProperty("wakestream.images.tag", "latest");
    }

    /** {@code wakestream/<name>:<tag>}. */
    static DockerImageName image(String name) {
        return DockerImageName.parse("wakestream/" + name + ":" + tag());
    }

    DockerImageName image() {
        return image(name);
    }
}
