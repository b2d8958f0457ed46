package org.depthsweep.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Content fingerprints of data files: the first 16 hex digits (64 bits) of a SHA-256 digest of every byte read.
 *
 * <p>The fingerprint of one file equals the first 16 digits that {@code sha256sum FILE} prints. The fingerprint of
 * several files is taken over the lines {@code HEX  NAME\n} that {@code sha256sum} would print for them in the given
 * order, with NAME the file name without its folder, so moving the folder keeps the fingerprint.
 */
public final class FileFingerprint {
    /** Hex digits kept of the SHA-256 digest. */
    public static final int HEX_DIGITS = 16;

    private static final int BUFFER_BYTES = 1 << 16;

    private FileFingerprint() {
    }

    /** Computes the fingerprint of one file's bytes. */
    public static String of(Path file) throws IOException {
        return HexFormat.of().formatHex(digest(file)).substring(0, HEX_DIGITS);
    }

    /** Computes the fingerprint of several files, each named by its file name, in the given order. */
    public static String of(List<Path> files) throws IOException {
        StringBuilder listing = new StringBuilder();
        for (Path file : files) {
            listing.append(HexFormat.of().formatHex(digest(file))).append("  ").append(file.getFileName())
                    .append('\n');
        }
        byte[] digest = sha256().digest(listing.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
    }

    private static byte[] digest(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                sha256.update(buffer, 0, read);
            }
        }
        return sha256.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
