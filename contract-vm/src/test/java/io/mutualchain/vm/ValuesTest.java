package io.mutualchain.vm;

import io.mutualchain.core.codec.CodecException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {

    @Property(tries = 300)
    void anyArgumentListSurvivesTheAbiEncoding(@ForAll long a, @ForAll @Size(max = 64) byte[] b, @ForAll long c) {
        List<Value> values = List.of(Value.of(a), Value.of(b), Value.of(c));
        assertThat(Values.decode(Values.encode(values))).isEqualTo(values);
    }

    @Test
    void anUnknownTypeCodeOrTrailingBytesAreRefused() {
        assertThatThrownBy(() -> Values.decode(new byte[] {1, 7})).isInstanceOf(CodecException.class);
        byte[] ok = Values.encode(List.of(Value.of(1)));
        assertThatThrownBy(() -> Values.decode(java.util.Arrays.copyOf(ok, ok.length + 1))).isInstanceOf(CodecException.class);
    }
}
