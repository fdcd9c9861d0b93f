package kb.pipeline;

import java.security.MessageDigest;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The build cache's digest: CRC-32C, CRC-32 and FNV-1a (64 bits) of the bytes, and their count;
 * 24 bytes, hex-encoded by its callers as the SHA-256 it replaces was.
 *
 * <p>Not SHA-256: bin/kb runs builds on the client compiler alone, which computes SHA-256 in
 * plain Java at about 15 ms a megabyte on this machine (the optimizing compiler's intrinsic
 * takes 1), and a cold 10,000-article build spent 6.4% of its JFR samples there, most of it
 * digesting page models. Both CRCs run on the processor's own instructions under either
 * compiler, and the FNV loop at about 1.2 ms a megabyte. The cache needs keys that differ for
 * different inputs by accident, not against an adversary: one who can write the content or
 * the output folder can write the site anyway. The search records' keys ({@code
 * kb.search.Analyses}) are made the same way.
 */
final class Fingerprint extends MessageDigest {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final CRC32C crc32c = new CRC32C();
    private final CRC32 crc32 = new CRC32();
    private long fnv = FNV_OFFSET;
    private long length;

    Fingerprint() {
        super("kb-fingerprint");
    }

    @Override
    protected void engineUpdate(byte input) {
        engineUpdate(new byte[] {input}, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        crc32c.update(input, offset, len);
        crc32.update(input, offset, len);
        long h = fnv;
        for (int i = offset, end = offset + len; i < end; i++) {
            h = (h ^ (input[i] & 0xff)) * FNV_PRIME;
        }
        fnv = h;
        length += len;
    }

    @Override
    protected byte[] engineDigest() {
        byte[] out = new byte[24];
        put(out, 0, crc32c.getValue() << 32 | crc32.getValue());
        put(out, 8, fnv);
        put(out, 16, length);
        engineReset();
        return out;
    }

    @Override
    protected void engineReset() {
        crc32c.reset();
        crc32.reset();
        fnv = FNV_OFFSET;
        length = 0;
    }

    private static void put(byte[] out, int at, long v) {
        for (int i = 0; i < 8; i++) {
            out[at + i] = (byte) (v >>> (56 - 8 * i));
        }
    }
}
