package io.mutualchain.vm;

/**
 * Decode, verify, compile: the deploy-time door. Whatever the bytes are, it returns a {@link Module}
 * or throws {@link VmLoadException}; no other exception escapes.
 */
public final class ModuleLoader {
    private ModuleLoader() {
    }

    /** Loads with the current gas schedule, {@link GasSchedule#V1}. */
    public static Module load(byte[] bytes) throws VmLoadException {
        return load(bytes, GasSchedule.V1);
    }

    public static Module load(byte[] bytes, GasSchedule schedule) throws VmLoadException {
        ModuleImage image = ModuleImage.decode(bytes);
        Program program = new Translator(image, new Verifier(image).verifyAll(), schedule).translate();
        return new Module(bytes, image, program, schedule);
    }
}
