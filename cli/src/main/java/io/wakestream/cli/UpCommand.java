package io.wakestream.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Run an in-process single-node KRaft broker plus the services until interrupted.")
public class UpCommand implements Callable<Integer> {

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() throws Exception {
        LocalCluster cluster = LocalCluster.start(service.port, service.partitions, service.properties(),
                service.ports());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stopped.countDown();
        }, "wakestream-shutdown"));
        cluster.awaitReady(LocalCluster.READY);
        System.err.println("wakestream is up: " + cluster.describe() + " (Ctrl-C stops)");
        stopped.await();
        return 0;
    }
}
