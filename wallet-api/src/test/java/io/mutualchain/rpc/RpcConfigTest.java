package io.mutualchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RpcConfigTest {
    @Test
    void theDefaultsListenOnLoopbackPort8545() {
        RpcConfig c = RpcConfig.defaults();
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8545);
        assertThat(c.maxBodyBytes()).isEqualTo(RpcConfig.DEFAULT_MAX_BODY_BYTES);
        assertThat(c.maxBatch()).isEqualTo(RpcConfig.DEFAULT_MAX_BATCH);
    }

    @Test
    void aBoundOutsideItsRangeIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> RpcConfig.defaults().withPort(70000)).hasMessageContaining("rpc port");
        assertThatThrownBy(() -> RpcConfig.defaults().withMaxBatch(0)).hasMessageContaining("rpc maxBatch");
        assertThatThrownBy(() -> RpcConfig.defaults().withMaxBodyBytes(Integer.MAX_VALUE)).hasMessageContaining("rpc maxBodyBytes");
        assertThatThrownBy(() -> RpcConfig.defaults().withWorkers(0, 10)).hasMessageContaining("rpc workerThreads");
        assertThatThrownBy(() -> RpcConfig.defaults().withHost(" ")).hasMessageContaining("host");
    }
}
