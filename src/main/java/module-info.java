/**
 * Batchyard: a durable store of pending log batches, the delivery layer that redelivers them, and
 * the desktop app, CLI and HTTP service ({@code serve}) over both. The arrows point one way:
 * {@code app}, {@code cli} → {@code serve} → {@code console}, {@code runtime} → {@code sink},
 * {@code engine} → {@code engine.store}, {@code codec} → {@code model}; only {@code app} touches
 * JavaFX and only {@code serve} HTTP and metrics libraries (DependencyRuleTest). The map of the
 * layers, the data path and the contracts is {@code docs/architecture.md}.
 */
module dev.batchyard {
    requires javafx.controls;
    requires org.controlsfx.controls;
    requires atlantafx.base;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.materialdesign2;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.smile;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml; // config: the YAML scanner's line and column for a syntax error
    requires org.slf4j;
    requires org.slf4j.simple;
    requires jdk.httpserver;
    requires java.net.http;
    requires info.picocli;
    requires java.prefs; // app: theme, window layout and column widths are remembered per user
    // serve: the HTTP server (Jetty 12 core) and /metrics (the Prometheus Java client, whose jars
    // are automatic modules: packaging/build.sh makes named modules of them for jlink)
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.io;
    requires org.eclipse.jetty.util;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires io.prometheus.writer.text;
    // the kafka sink: kafka.clients is an automatic module (a plain jar), so the JDK modules and the
    // codec it uses are named here to be resolved at run time and linked by jlink
    requires kafka.clients;
    requires java.management;   // the producer's metrics are JMX beans
    requires java.security.sasl; // SASL PLAIN / SCRAM
    requires java.security.jgss;
    requires jdk.unsupported;
    requires com.github.luben.zstd_jni; // compression: zstd,
    requires org.lz4.java;              // lz4,
    requires snappy.java;               // snappy

    exports dev.batchyard.model;
    exports dev.batchyard.codec;
    exports dev.batchyard.codec.gojson;
    exports dev.batchyard.codec.binary;
    exports dev.batchyard.codec.smile;
    exports dev.batchyard.time;
    exports dev.batchyard.legacy;
    exports dev.batchyard.legacy.dlq;
    exports dev.batchyard.config;
    exports dev.batchyard.engine;
    exports dev.batchyard.engine.events;
    exports dev.batchyard.engine.store; // the store's exceptions are thrown through the engine's API
    exports dev.batchyard.console;
    exports dev.batchyard.search;
    exports dev.batchyard.runtime;
    exports dev.batchyard.app;
    exports dev.batchyard.sink;
    exports dev.batchyard.sink.config;
    exports dev.batchyard.sink.http;
    exports dev.batchyard.sink.file;
    exports dev.batchyard.sink.kafka; // also: the producer instantiates its TLS engine factory and random partitioner
    exports dev.batchyard.sink.tls;
    exports dev.batchyard.sink.simulated;
    exports dev.batchyard.demo;
    exports dev.batchyard.training.scenario;
    exports dev.batchyard.training.run;

    opens dev.batchyard.cli to info.picocli;
    opens dev.batchyard.app to info.picocli; // the window's command line (LaunchOptions)
}
