package io.complaintdesk.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Sizes of a benchmark run, from system properties; {@code -Dbench.quick} picks small defaults
 * (a couple of minutes), without it the full run (100,000 open complaints and closed cases).
 */
record BenchOptions(boolean quick, List<String> databases, int warmup, int operations, int lifecycles,
		int evaluations, int latencySamples, int smallCases, int largeCases, int fillBatch, String postgresUrl,
		String postgresUser, String postgresPassword) {

	static BenchOptions fromSystemProperties() {
		boolean quick = System.getProperty("bench.quick") != null
				&& !"false".equals(System.getProperty("bench.quick"));
		return new BenchOptions(quick,
				Arrays.stream(System.getProperty("bench.databases", "h2,postgres").split(","))
					.map(String::trim)
					.filter((name) -> !name.isEmpty())
					.toList(),
				size("bench.warmup", quick ? 40 : 150), size("bench.operations", quick ? 150 : 600),
				size("bench.lifecycles", quick ? 30 : 120), size("bench.evaluations", quick ? 1_000 : 5_000),
				size("bench.latency-samples", quick ? 60 : 200), size("bench.small-cases", 1_000),
				size("bench.large-cases", quick ? 10_000 : 100_000), size("bench.fill-batch", 100),
				System.getProperty("bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/"),
				System.getProperty("bench.postgres.user", "postgres"),
				System.getProperty("bench.postgres.password", ""));
	}

	private static int size(String property, int fallback) {
		String value = System.getProperty(property);
		return (value == null || value.isBlank()) ? fallback : Integer.parseInt(value.trim().replace("_", ""));
	}

	@Override
	public String toString() {
		return String.format(
				"%s run: warm-up %d, %d operations per figure, %d lifecycles, %d evaluations, %d latency samples, %,d / %,d cases",
				this.quick ? "quick" : "full", this.warmup, this.operations, this.lifecycles, this.evaluations,
				this.latencySamples, this.smallCases, this.largeCases);
	}

}
