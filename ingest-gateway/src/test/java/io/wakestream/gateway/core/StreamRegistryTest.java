package io.wakestream.gateway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamRegistryTest {

    @Test
    void aSecondConnectionAskingForAHeldStreamIdIsRefusedUntilTheFirstLetsGo() {
        StreamRegistry registry = new StreamRegistry(4, 4);
        Object first = new Object();
        Object second = new Object();
        registry.connect(first);
        registry.connect(second);
        registry.claim("kitchen", first);

        assertThatThrownBy(() -> registry.claim("kitchen", second)).isInstanceOf(RejectedException.class)
                .hasMessage("stream_id kitchen is already streaming on another connection")
                .extracting(e -> ((RejectedException) e).reason()).isEqualTo(RejectReason.STREAM_IN_USE);
        registry.disconnect(first);
        registry.claim("kitchen", second);
        assertThat(registry.streams()).isEqualTo(1);
        assertThat(registry.connections()).isEqualTo(1);
    }

    @Test
    void connectionsAndStreamsStopAtTheirLimits() {
        StreamRegistry registry = new StreamRegistry(1, 1);
        Object first = new Object();
        registry.connect(first);
        registry.claim("a", first);

        assertThatThrownBy(() -> registry.connect(new Object())).extracting(e -> ((RejectedException) e).reason())
                .isEqualTo(RejectReason.TOO_MANY_CONNECTIONS);
        assertThatThrownBy(() -> registry.claim("b", first)).extracting(e -> ((RejectedException) e).reason())
                .isEqualTo(RejectReason.TOO_MANY_STREAMS);
        registry.release("a", first);
        registry.claim("b", first);
    }

    @Test
    void tokensAreCheckedWhenConfigured() {
        new TokenVerifier(List.of()).require(null);
        TokenVerifier verifier = new TokenVerifier(List.of("secret"));
        verifier.require("secret");
        assertThatThrownBy(() -> verifier.require(null)).hasMessage("a token is required");
        assertThatThrownBy(() -> verifier.require("guess")).hasMessage("the token is not accepted");
    }
}
