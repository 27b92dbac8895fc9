package io.isobench.launcher.kind.charliecloud;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CharliecloudVariantTest {

    @ParameterizedTest
    @ValueSource(strings = {"unprivileged", "root"})
    void theRecordedVariantRoundTrips(String text) {
        assertEquals(text, CharliecloudVariant.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"charliecloud", "charliecloud-root"})
    void theNameRoundTrips(String name) {
        assertEquals(name, CharliecloudVariant.fromName(name).name());
        assertTrue(CharliecloudVariant.isName(name));
    }

    @Test
    void unprivilegedIsTheDefaultAndUnnamed() {
        assertEquals(CharliecloudVariant.UNPRIVILEGED, CharliecloudVariant.fromName("charliecloud"));
        assertEquals("charliecloud", CharliecloudVariant.fromName("charliecloud-unprivileged").name());
        assertEquals("unprivileged", CharliecloudVariant.fromName("charliecloud").toString());
        assertEquals("root", CharliecloudVariant.fromName("charliecloud-root").toString());
    }

    @Test
    void otherWordsAreNotCharliecloud() {
        for (String word : List.of("charlie", "charliecloud-", "charliecloud-rootless", "container", "charliecloudroot")) {
            assertFalse(CharliecloudVariant.isName(word), word);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CharliecloudVariant.fromName("charliecloud-rootless"));
        assertEquals("unknown Charliecloud variant 'rootless' (unprivileged or root)", e.getMessage());
    }

    @Test
    void theKindAnswersItsNamesOnly() {
        CharliecloudKind kind = new CharliecloudKind();
        assertTrue(kind.answers("charliecloud"));
        assertTrue(kind.answers("charliecloud-root"));
        assertFalse(kind.answers("container"));
        assertEquals(List.of("charliecloud", "charliecloud-root"), kind.idleNames());
    }
}
