package io.mutualchain.core.genesis;

import static io.mutualchain.core.genesis.GenesisFixtures.genesis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON form of genesis round trips to the same hash and reports every problem naming the field. */
class GenesisFileTest {
    @TempDir
    Path dir;

    @Test
    void aGenesisSurvivesAJsonRoundTripWithTheSameHash() {
        Genesis g = genesis();
        Genesis back = GenesisFile.fromJson(GenesisFile.toJson(g));
        assertThat(back).isEqualTo(g);
        assertThat(back.hash()).isEqualTo(g.hash());
    }

    @Test
    void aGenesisWrittenToAFileReadsBackWithTheSameHash() throws IOException {
        Path file = dir.resolve("conf/genesis.json");
        GenesisFile.write(file, genesis());
        assertThat(GenesisFile.read(file).hash()).isEqualTo(genesis().hash());
    }

    @Test
    void amountsAreWrittenAsDecimalStringsNotJsonNumbers() {
        ObjectNode json = GenesisFile.toJson(genesis());
        json.get("allocations").forEach(a -> assertThat(a.get("amount").isTextual()).isTrue());
        assertThat(json.get("params").get("baseFee").asText()).isEqualTo("0.0001");
    }

    @Test
    void theHashDoesNotDependOnTheOrderOfAllocationsInTheFile() {
        ObjectNode json = GenesisFile.toJson(genesis());
        ArrayNode allocations = (ArrayNode) json.get("allocations");
        ArrayNode reversed = json.arrayNode();
        for (int i = allocations.size() - 1; i >= 0; i--) {
            reversed.add(allocations.get(i));
        }
        json.set("allocations", reversed);
        assertThat(GenesisFile.fromJson(json).hash()).isEqualTo(genesis().hash());
    }

    @Test
    void anAllocationThatBreaksTheSupplyIsRefusedWithTheFileNamed() throws IOException {
        ObjectNode json = GenesisFile.toJson(genesis());
        ((ObjectNode) json.get("allocations").get(0)).put("amount", "1");
        Path file = dir.resolve("genesis.json");
        Files.writeString(file, json.toString());
        assertThatThrownBy(() -> GenesisFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("genesis file " + file + ": allocations add up to ")
                .hasMessageContaining("must add up to exactly the total supply of 400000000 MTN");
    }

    @Test
    void anAmountWrittenAsAJsonNumberIsRefused() {
        ObjectNode json = GenesisFile.toJson(genesis());
        ((ObjectNode) json.get("allocations").get(0)).put("amount", 100_000_000);
        assertThatThrownBy(() -> GenesisFile.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount must be a string");
    }

    @Test
    void aMistypedAllocationAddressIsRefusedByItsChecksum() {
        ObjectNode json = GenesisFile.toJson(genesis());
        ObjectNode a = (ObjectNode) json.get("allocations").get(0);
        String addr = a.get("address").asText();
        String typo = addr.substring(0, 49) + (addr.charAt(49) == '0' ? '1' : '0');
        a.put("address", typo);
        assertThatThrownBy(() -> GenesisFile.fromJson(json)).hasMessageContaining("wrong checksum");
    }

    @Test
    void aMissingGenesisTimeOrValidatorListIsRefusedNamingTheField() {
        ObjectNode noTime = GenesisFile.toJson(genesis());
        noTime.remove("genesisTime");
        assertThatThrownBy(() -> GenesisFile.fromJson(noTime)).hasMessage("genesisTime (milliseconds since 1970) is missing");
        ObjectNode noValidators = GenesisFile.toJson(genesis());
        noValidators.remove("validators");
        assertThatThrownBy(() -> GenesisFile.fromJson(noValidators)).hasMessage("validators must be a JSON array");
        ObjectNode emptyValidators = GenesisFile.toJson(genesis());
        emptyValidators.putArray("validators");
        assertThatThrownBy(() -> GenesisFile.fromJson(emptyValidators)).hasMessage("a chain needs at least one validator");
    }

    @Test
    void aBadChainIdInTheFileIsRefused() {
        ObjectNode json = GenesisFile.toJson(genesis());
        json.put("chainId", "my chain");
        assertThatThrownBy(() -> GenesisFile.fromJson(json)).hasMessageStartingWith("chainId must be 1 to 64 characters");
    }

    @Test
    void aFileThatIsNotJsonIsRefusedWithTheFileNamed() throws IOException {
        Path file = dir.resolve("genesis.json");
        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> GenesisFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("genesis file " + file + " is not valid JSON");
    }

    @Test
    void aJsonArrayIsNotAGenesis() {
        assertThatThrownBy(() -> GenesisFile.fromJson(GenesisFile.toJson(genesis()).arrayNode()))
                .hasMessage("genesis must be a JSON object");
    }

    @Test
    void theBlockTimeWindowIsReadFromTheParamsAndDefaultsWhenAbsent() {
        ObjectNode json = GenesisFile.toJson(genesis());
        ((ObjectNode) json.get("params")).put("clockPrecisionMs", 250).put("messageDelayMs", 2000);
        Genesis set = GenesisFile.fromJson(json);
        assertThat(set.params().clockPrecisionMs()).isEqualTo(250);
        assertThat(set.params().messageDelayMs()).isEqualTo(2000);
        assertThat(set.hash()).isNotEqualTo(genesis().hash());
        ((ObjectNode) json.get("params")).remove("clockPrecisionMs");
        ((ObjectNode) json.get("params")).remove("messageDelayMs");
        Genesis absent = GenesisFile.fromJson(json);
        assertThat(absent.params().clockPrecisionMs()).isEqualTo(ChainParams.DEFAULT_CLOCK_PRECISION_MS);
        assertThat(absent.params().messageDelayMs()).isEqualTo(ChainParams.DEFAULT_MESSAGE_DELAY_MS);
    }

    @Test
    void aClockPrecisionOfZeroIsRefusedNamingTheField() {
        ObjectNode json = GenesisFile.toJson(genesis());
        ((ObjectNode) json.get("params")).put("clockPrecisionMs", 0);
        assertThatThrownBy(() -> GenesisFile.fromJson(json)).hasMessageStartingWith("clockPrecisionMs must be between 1 and");
    }
}
