package io.wakestream.gateway.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client (the JDK's) that keeps the text messages it receives and how the server closed. */
final class TestSocket implements WebSocket.Listener, AutoCloseable {

    /** How the server closed the socket. */
    record Closed(int status, String reason) {
    }

    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    TestSocket(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, this).join();
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** The next text message, failing after {@code timeout}. */
    String next(Duration timeout) throws InterruptedException {
        String text = texts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (text == null) {
            throw new AssertionError("no message within " + timeout + (closed.isDone() ? "; closed " + closed.join() : ""));
        }
        return text;
    }

    /** The next text message whose JSON type is {@code type}, skipping others. */
    String next(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String text = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (text.contains("\"type\":\"" + type + "\"")) {
                return text;
            }
        }
    }

    Closed closed(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops the connection without a close handshake, as a client that crashes or loses its network does. */
    void abort() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            texts.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, error.toString()));
    }

    @Override
    public void close() {
        if (socket.isOutputClosed()) {
            return;
        }
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        } catch (CompletionException e) {
            // The server closing first is no failure: its close answers ours.
            if (!closed.isDone()) {
                throw e;
            }
        }
    }
}
