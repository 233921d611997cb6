package io.mutualchain.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.crypto.Hash32;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadMarkerTest {
    @TempDir
    Path dir;

    final HeadMarker marker = new HeadMarker(1717, Hash32.of(filled(7)), 1817, 0);

    static byte[] filled(int b) {
        byte[] x = new byte[32];
        Arrays.fill(x, (byte) b);
        return x;
    }

    @Test
    void aMarkerReadsBackAsWritten() throws Exception {
        Path f = dir.resolve("ledger.head");
        marker.write(f);
        assertThat(HeadMarker.read(f)).contains(marker);
        assertThat(Files.exists(dir.resolve("ledger.head.tmp"))).as("the temporary file was renamed").isFalse();
        assertThat(Files.readString(f)).startsWith("mutualchain-head-marker 1\nheight=1717\nblock=0707");
    }

    @Test
    void anEditedFieldFailsTheChecksum() {
        String text = new String(marker.encode(), StandardCharsets.US_ASCII).replace("height=1717", "height=1718");
        assertThatThrownBy(() -> HeadMarker.decode(text.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(HeadMarker.MarkerFormatException.class).hasMessageContaining("checksum");
    }

    @Test
    void aMarkerCutShortOrWithExtraLinesIsNotAMarker() {
        byte[] whole = marker.encode();
        assertThatThrownBy(() -> HeadMarker.decode(Arrays.copyOf(whole, whole.length - 1))).isInstanceOf(HeadMarker.MarkerFormatException.class);
        byte[] longer = (new String(whole, StandardCharsets.US_ASCII) + "x=1\n").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> HeadMarker.decode(longer)).isInstanceOf(HeadMarker.MarkerFormatException.class);
    }

    @Test
    void noFileMeansNoMarker() throws Exception {
        assertThat(HeadMarker.read(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void theSignableBoundOnlyRises() {
        assertThat(marker.withSignableThrough(100).signableThrough()).isEqualTo(1817);
        assertThat(marker.withSignableThrough(2000).signableThrough()).isEqualTo(2000);
        assertThat(marker.at(1718, Hash32.of(filled(8))).signableThrough()).isEqualTo(1817);
    }
}
