package io.wakestream.gateway.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Checks a client's token against the configured ones in constant time; with none configured every client is let in. */
public final class TokenVerifier {

    private final List<byte[]> tokens;

    public TokenVerifier(List<String> tokens) {
        this.tokens = tokens.stream().map(token -> token.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public boolean open() {
        return tokens.isEmpty();
    }

    /** @throws RejectedException (unauthorized) when tokens are configured and {@code presented} is none of them */
    public void require(String presented) {
        if (open()) {
            return;
        }
        if (presented == null || presented.isBlank()) {
            throw new RejectedException(RejectReason.UNAUTHORIZED, "a token is required");
        }
        byte[] bytes = presented.strip().getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] token : tokens) {
            match |= MessageDigest.isEqual(token, bytes);
        }
        if (!match) {
            throw new RejectedException(RejectReason.UNAUTHORIZED, "the token is not accepted");
        }
    }
}
