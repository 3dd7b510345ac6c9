package io.complaintdesk.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One application node: the packaged jar in a JVM of its own with the {@code postgres} profile,
 * on the shared database, output in {@code target/cluster-logs/<name>.log}.
 */
final class ClusterNode {

	/** The test's lock time: a killed node's jobs are taken over after 15 s (production: 2 min). */
	static final Duration LOCK_TIME = Duration.ofSeconds(15);

	/** The test's longest idle wait of the job acquisition (production: 10 s). */
	static final Duration MAX_WAIT = Duration.ofSeconds(2);

	private static final Path LOGS = Path.of("target", "cluster-logs");

	private final String name;

	private final int port;

	private final Process process;

	private ClusterNode(String name, int port, Process process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	/** Starts a node; {@link #awaitUp} waits until it serves. */
	static ClusterNode start(String name, ClusterDatabase database, String adminUser, String adminPassword)
			throws IOException {
		int port = freePort();
		Files.createDirectories(LOGS);
		ProcessBuilder builder = new ProcessBuilder(List.of(javaExecutable(), "-Xmx768m",
				// the quick compiler only: starts much faster on a busy 2-core machine
				"-XX:TieredStopAtLevel=1", "-jar", applicationJar().toString(), "--spring.profiles.active=postgres",
				"--server.port=" + port, "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
				// both nodes look for due jobs every 2 s (production backs off to 10 s when idle)
				"--camunda.bpm.job-execution.max-wait=" + MAX_WAIT.toMillis(),
				// the job log (ACT_HI_JOB_LOG.HOSTNAME_) names the node that ran a job
				"--camunda.bpm.generic-properties.properties.hostname=" + name));
		Map<String, String> env = builder.environment();
		env.put("COMPLAINT_DESK_DB_URL", database.url());
		env.put("COMPLAINT_DESK_DB_USER", ClusterDatabase.USER);
		env.put("COMPLAINT_DESK_DB_PASSWORD", "");
		env.put("COMPLAINT_DESK_ADMIN_USER", adminUser);
		env.put("COMPLAINT_DESK_ADMIN_PASSWORD", adminPassword);
		env.put("TZ", ClusterDatabase.NODE_ZONE.getId());
		builder.redirectErrorStream(true).redirectOutput(LOGS.resolve(name + ".log").toFile());
		return new ClusterNode(name, port, builder.start());
	}

	String name() {
		return this.name;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	DeskClient as(String user, String password) {
		return new DeskClient(baseUrl(), user, password);
	}

	/** @return the start-up time */
	Duration awaitUp(Duration timeout) {
		return Poll.until(timeout, this.name + " reports UP at /actuator/health (see target/cluster-logs)", () -> {
			if (!this.process.isAlive()) {
				throw new AssertionError(this.name + " exited with " + this.process.exitValue()
						+ " during start-up; see target/cluster-logs/" + this.name + ".log");
			}
			return isUp();
		});
	}

	private boolean isUp() {
		try {
			var response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
					.timeout(Duration.ofSeconds(2))
					.build(), BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** {@code kill -9}: no shutdown hook, no commit, no unlock; open connections are cut. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** A normal shutdown ({@code SIGTERM}), forced after 30 s. */
	void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			kill();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The Spring Boot jar that {@code package} built before the integration tests. */
	private static Path applicationJar() {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((file) -> file.getFileName().toString().matches("complaint-desk-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No target/complaint-desk-*.jar; run mvn verify -Pcluster"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
