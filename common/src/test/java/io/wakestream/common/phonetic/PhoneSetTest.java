package io.wakestream.common.phonetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wakestream.common.model.ManifestException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneSetTest {

    private final PhoneSet phones = PhoneSet.arpabet();

    @Test
    void isTheBlankThenCmudictsPhonesWithoutStress() {
        assertThat(phones.size()).isEqualTo(40);
        assertThat(phones.phone(PhoneSet.BLANK)).isEqualTo("<blank>");
        assertThat(phones.phones().subList(1, 4)).containsExactly("AA", "AE", "AH");
        assertThat(phones.phone(39)).isEqualTo("ZH");
        assertThat(phones.index("HH")).isEqualTo(phones.phones().indexOf("HH"));
        assertThat(phones.contains("JH")).isTrue();
        assertThat(phones.contains("<blank>")).isFalse();
        assertThat(phones.contains("AH0")).isFalse();
    }

    @Test
    void unknownPhonesAreNamed() {
        assertThatThrownBy(() -> phones.index("AX")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'AX'");
    }

    @Test
    void aManifestMustDeclareTheSameListInTheSameOrder() {
        phones.requireSame(phones.phones(), "g2p/1");
        List<String> swapped = new ArrayList<>(phones.phones());
        swapped.set(1, "AE");
        swapped.set(2, "AA");
        assertThatThrownBy(() -> phones.requireSame(swapped, "g2p/1"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("g2p/1");
    }
}
