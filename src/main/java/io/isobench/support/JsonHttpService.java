package io.isobench.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small JSON service on the JDK's own HTTP/1.1 server ({@code com.sun.net.httpserver}), as a Java service without a
 * framework is written: {@code POST /order} with {@code {"id":N,"item":"...","quantity":Q}} is parsed with Jackson and
 * answered {@code 200} with the order and {@code "status":"accepted"} (about 70 bytes each way); anything else is 400,
 * 404 or 405. Requests run on a pool of one thread per CPU, as the server's documentation advises for a service: the
 * server's dispatcher thread hands each request to a worker and takes the connection back after the response, so a
 * request costs two thread wake-ups besides its network round trip. Keep-alive is the server's: HTTP/1.1 connections
 * stay open unless the client says {@code Connection: close}. The server writes a response's head and body in two
 * writes, so its connections go without Nagle's delay ({@code sun.net.httpserver.nodelay}, the server's own switch):
 * otherwise the body would wait for the client's delayed acknowledgement of the head, up to 40 ms per request.
 * {@code GET /counters} says what the service did so far: the orders it accepted and its process's read and write
 * system calls ({@code syscr}, {@code syscw} of {@code /proc/self/io}, which Linux, a guest's kernel and gVisor keep),
 * so that a client can tell the system calls a request costs the service ({@link io.isobench.evidence.ServiceCalls}).
 * {@link #close()} stops the server and joins its threads.
 */
public final class JsonHttpService implements AutoCloseable {

    /** The one resource. */
    public static final String PATH = "/order";
    /** What the service did so far, as JSON: {@code {"orders": N, "syscr": R, "syscw": W}}. */
    public static final String COUNTERS = "/counters";
    /** The request every client of this suite sends (and {@code ab -p} posts in the cross-check). */
    public static final String SAMPLE_ORDER = "{\"id\":42,\"item\":\"isobench\",\"quantity\":3}";

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Read once, when the JDK's server first starts in this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService workers;

    private JsonHttpService(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts the service on {@code bind} (port 0: any free port). */
    public static JsonHttpService start(InetSocketAddress bind) throws IOException {
        HttpServer server = HttpServer.create(bind, 1024);
        AtomicInteger started = new AtomicInteger();
        ThreadFactory named = task -> new Thread(task, "isobench-http-" + started.getAndIncrement());
        ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), named);
        server.setExecutor(workers);
        AtomicLong orders = new AtomicLong();
        server.createContext(PATH, exchange -> order(exchange, orders));
        server.createContext(COUNTERS, exchange -> counters(exchange, orders));
        server.createContext("/", exchange -> answer(exchange, 404, error("no such resource: " + exchange.getRequestURI())));
        server.start();
        return new JsonHttpService(server, workers);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The order's answer: 200 with the order accepted (and counted), or why not. */
    private static void order(HttpExchange exchange, AtomicLong orders) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            answer(exchange, 405, error("POST an order to " + PATH));
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Optional<byte[]> accepted = acceptOrder(body);
        if (accepted.isPresent()) {
            orders.incrementAndGet();
        }
        answer(exchange, 200, accepted.orElse(null));
    }

    /** The counters: orders accepted, and the process's read and write calls where /proc/self/io says them. */
    private static void counters(HttpExchange exchange, AtomicLong orders) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            answer(exchange, 405, error("GET " + COUNTERS));
            return;
        }
        exchange.getRequestBody().close();
        ObjectNode counters = JSON.createObjectNode().put("orders", orders.get());
        try {
            String io = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/io"));
            for (String name : List.of("syscr", "syscw")) {
                ProcIo.field(io, name).ifPresent(value -> counters.put(name, value));
            }
        } catch (IOException | NumberFormatException e) {
            // No /proc/self/io here: the orders alone.
        }
        answer(exchange, 200, JSON.writeValueAsBytes(counters));
    }

    /** The answer to an order, empty when the body is not one (the handler then answers 400). */
    static Optional<byte[]> acceptOrder(byte[] body) {
        try {
            JsonNode order = JSON.readTree(body);
            if (order == null || !order.path("id").canConvertToLong() || !order.path("quantity").canConvertToInt()) {
                return Optional.empty();
            }
            ObjectNode reply = JSON.createObjectNode();
            reply.put("id", order.get("id").asLong());
            reply.put("item", order.path("item").asText(""));
            reply.put("quantity", order.get("quantity").asInt());
            reply.put("status", "accepted");
            return Optional.of(JSON.writeValueAsBytes(reply));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Sends {@code body} with its length ({@code null}: 400, the request was not an order). */
    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        int code = body == null ? 400 : status;
        byte[] bytes = body == null ? error("the body is not an order such as " + SAMPLE_ORDER) : body;
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] error(String message) {
        try {
            return JSON.writeValueAsBytes(JSON.createObjectNode().put("error", message));
        } catch (JsonProcessingException e) {
            return message.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
