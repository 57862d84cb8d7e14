package io.wakestream.systemtests;

import org.testcontainers.utility.DockerImageName;

/**
 * A Wakestream service image as scripts/build-images.sh tags it, and its service's management port.
 *
 * @param name the service's name: its image's name under {@code wakestream/} and its network alias
 * @param managementPort the container port of its Actuator endpoints (health, info, prometheus)
 */
record ServiceImage(String name, int managementPort) {

    static final ServiceImage WAKEWORD = new ServiceImage("wakeword-service", 9081);
    static final ServiceImage KWS = new ServiceImage("kws-service", 9082);
    static final ServiceImage ASR_LATTICE = new ServiceImage("asr-lattice-service", 9083);
    static final ServiceImage FTM = new ServiceImage("ftm-service", 9084);

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
