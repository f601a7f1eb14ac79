package dev.batchyard.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The build's version, from {@code version.properties} (filled in by Maven resource filtering). */
public final class AppVersion {
    private AppVersion() {
    }

    public static String read() {
        try (InputStream in = AppVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/batchyard/app/version.properties is missing from the build");
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/batchyard/app/version.properties", e);
        }
    }
}
