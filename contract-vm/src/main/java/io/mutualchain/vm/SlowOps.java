package io.mutualchain.vm;

import io.mutualchain.core.crypto.Ed25519;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.core.types.Address;

import java.util.ArrayList;
import java.util.List;

/**
 * The instructions that allocate byte strings or reach the host. Each one charges its dynamic gas
 * before it acts. A host's deterministic refusal ({@link HostTrap}) and an answer outside the host's
 * contract become traps; any other exception from the host (a local fault such as a failed disk read,
 * or a bug) passes through the VM untouched, so the node stops rather than committing a receipt that
 * depends on what went wrong on this machine.
 */
final class SlowOps {
    private SlowOps() {
    }

    /** Executes the instruction at {@code pc} and returns the next pc. */
    static int step(Machine m, int op, int pc) {
        long[] v = m.vals;
        byte[][] r = m.refs;
        int sp = m.sp;
        GasSchedule g = m.schedule;
        switch (op) {
            case 0x41 -> {
                int len = BytesOps.concatLength(r[sp - 2], r[sp - 1]);
                m.allocate(len);
                r[sp - 2] = BytesOps.concat(r[sp - 2], r[sp - 1]);
                m.sp = sp - 1;
            }
            case 0x42 -> {
                BytesOps.checkSlice(r[sp - 3], v[sp - 2], v[sp - 1]);
                m.allocate(v[sp - 1]);
                r[sp - 3] = BytesOps.slice(r[sp - 3], v[sp - 2], v[sp - 1]);
                m.sp = sp - 2;
            }
            case 0x44 -> {
                m.charge(g.beq(Math.max(r[sp - 2].length, r[sp - 1].length)));
                v[sp - 2] = IntOps.bool(java.util.Arrays.equals(r[sp - 2], r[sp - 1]));
                m.sp = sp - 1;
            }
            case 0x45 -> {
                m.allocate(8);
                r[sp - 1] = BytesOps.fromInt(v[sp - 1]);
            }
            case 0x50 -> {
                byte[] value = host(() -> m.host.storageGet(r[sp - 1].clone()));
                bytesFromHost(value, "storageGet");
                m.charge(g.sload(value.length));
                m.allocate(value.length);
                r[sp - 1] = value.clone();
            }
            case 0x51 -> {
                byte[] key = r[sp - 2];
                byte[] value = r[sp - 1];
                m.charge(g.sstore(key.length, value.length));
                host(() -> {
                    m.host.storagePut(key.clone(), value.clone());
                    return null;
                });
                m.sp = sp - 2;
            }
            case 0x52 -> pushAddress(m, host(m.host::caller));
            case 0x53 -> pushAddress(m, host(m.host::origin));
            case 0x54 -> pushAddress(m, host(m.host::self));
            case 0x55 -> pushInt(m, host(m.host::balance));
            case 0x56 -> pushInt(m, host(m.host::value));
            case 0x57 -> pushInt(m, host(m.host::blockHeight));
            case 0x58 -> pushInt(m, host(m.host::blockTimeMs));
            case 0x59 -> {
                Address to = address(r[sp - 2]);
                long amount = v[sp - 1];
                if (amount < 0) {
                    throw Halt.trap(TrapKind.BAD_AMOUNT, "transfer of a negative amount " + amount);
                }
                TransferStatus status = host(() -> m.host.transfer(to, amount));
                if (status == null) {
                    throw Halt.trap(TrapKind.HOST_ERROR, "host gave no transfer status");
                }
                v[sp - 2] = status.code();
                m.sp = sp - 1;
            }
            case 0x5A -> emit(m, m.program.code[pc + 1]);
            case 0x5B -> {
                m.charge(g.sha256(r[sp - 1].length));
                m.allocate(32);
                r[sp - 1] = Sha256.digest(r[sp - 1]);
            }
            case 0x5C -> {
                byte[] key = r[sp - 3];
                byte[] msg = r[sp - 2];
                byte[] sig = r[sp - 1];
                m.charge(g.ed25519(msg.length));
                boolean ok = key.length == PublicKey.SIZE && sig.length == Signature.SIZE
                        && Ed25519.verify(PublicKey.of(key), msg, Signature.of(sig));
                v[sp - 3] = IntOps.bool(ok);
                m.sp = sp - 2;
            }
            case 0x5D -> {
                Address who = address(r[sp - 1]);
                v[sp - 1] = host(() -> m.host.memberLevel(who));
            }
            case 0x5E -> {
                Address who = address(r[sp - 1]);
                v[sp - 1] = host(() -> m.host.creditScore(who));
            }
            case 0x5F -> ContractCall.execute(m, m.program.signatures[m.program.code[pc + 1]]);
            default -> throw new IllegalStateException("internal opcode " + op + " has no implementation");
        }
        return pc + width(op);
    }

    private static int width(int op) {
        return op == 0x5A || op == 0x5F ? 2 : 1;
    }

    private static void emit(Machine m, int topics) {
        int sp = m.sp;
        byte[] data = m.refs[sp - 1];
        List<byte[]> list = new ArrayList<>(topics);
        long total = data.length;
        for (int k = topics; k >= 1; k--) {
            byte[] t = m.refs[sp - 1 - k];
            list.add(t.clone());
            total += t.length;
        }
        m.charge(m.schedule.emit(total));
        host(() -> {
            m.host.emit(List.copyOf(list), data.clone());
            return null;
        });
        m.sp = sp - 1 - topics;
    }

    static Address address(byte[] b) {
        if (b.length != Address.SIZE) {
            throw Halt.trap(TrapKind.BAD_ADDRESS, "an address is " + Address.SIZE + " bytes, not " + b.length);
        }
        return Address.ofBytes(b);
    }

    private static void pushAddress(Machine m, Address a) {
        if (a == null) {
            throw Halt.trap(TrapKind.HOST_ERROR, "host gave no address");
        }
        m.allocate(Address.SIZE);
        m.refs[m.sp++] = a.toBytes();
    }

    private static void pushInt(Machine m, long value) {
        m.vals[m.sp++] = value;
    }

    static void bytesFromHost(byte[] b, String what) {
        if (b == null) {
            throw Halt.trap(TrapKind.HOST_ERROR, "host " + what + " gave no bytes");
        }
        if (b.length > Limits.BYTES_LENGTH_MAX) {
            throw Halt.trap(TrapKind.HOST_ERROR, "host " + what + " gave " + b.length + " bytes, at most " + Limits.BYTES_LENGTH_MAX);
        }
    }

    /**
     * A host call. Only a {@link HostTrap} becomes a trap (of the kind the host chose); everything else
     * the host throws propagates out of {@link Interpreter#call}: it is not a deterministic outcome.
     */
    static <T> T host(HostCall<T> call) {
        try {
            return call.run();
        } catch (HostTrap t) {
            throw Halt.trap(t.kind(), t.getMessage());
        }
    }

    @FunctionalInterface
    interface HostCall<T> {
        T run();
    }
}
