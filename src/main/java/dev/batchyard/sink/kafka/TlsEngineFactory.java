package dev.batchyard.sink.kafka;

import java.security.KeyStore;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.apache.kafka.common.security.auth.SslEngineFactory;

/**
 * Kafka's hook for TLS ({@code ssl.engine.factory.class}), serving engines from the
 * {@link SSLContext} that {@link KafkaTls} built from the {@code tls} block: so the CA, the client
 * certificate and {@code verify_certificate} mean what they mean for the HTTP sinks, and the PEM
 * files are read by Batchyard, once, at config load. The producer instantiates this class itself
 * and hands it the context under {@link #CONTEXT}. Client side only.
 */
public final class TlsEngineFactory implements SslEngineFactory {
    /** The producer config entry carrying the {@link SSLContext}. */
    static final String CONTEXT = "batchyard.tls.context";
    /** The producer config entry saying whether host names are checked. */
    static final String VERIFY = "batchyard.tls.verify";

    private SSLContext context;
    private boolean verify;

    public TlsEngineFactory() {
        // instantiated by the Kafka producer
    }

    @Override
    public void configure(Map<String, ?> configs) {
        context = (SSLContext) configs.get(CONTEXT);
        verify = Boolean.TRUE.equals(configs.get(VERIFY));
        if (context == null) {
            throw new IllegalStateException(CONTEXT + " missing from the producer config");
        }
    }

    @Override
    public SSLEngine createClientSslEngine(String peerHost, int peerPort, String endpointIdentification) {
        SSLEngine engine = context.createSSLEngine(peerHost, peerPort);
        engine.setUseClientMode(true);
        if (verify) {
            SSLParameters params = engine.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(params);
        }
        return engine;
    }

    @Override
    public SSLEngine createServerSslEngine(String peerHost, int peerPort) {
        throw new UnsupportedOperationException("Batchyard's kafka sink is a client only");
    }

    @Override
    public boolean shouldBeRebuilt(Map<String, Object> nextConfigs) {
        return false;
    }

    @Override
    public Set<String> reconfigurableConfigs() {
        return Set.of();
    }

    @Override
    public KeyStore keystore() {
        return null;
    }

    @Override
    public KeyStore truststore() {
        return null;
    }

    @Override
    public void close() {
        // nothing held
    }
}
