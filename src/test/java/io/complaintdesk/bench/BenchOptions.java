package io.complaintdesk.bench;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Sizes of a benchmark run, from system properties; {@code -Dbench.quick} picks small defaults
 * (1,000 and 10,000 open complaints, a few minutes per database), without it the full run (1,000,
 * 10,000 and 100,000 open complaints).
 *
 * @param sizes the numbers of open complaints the figures are taken at, ascending
 * @param h2MaxCases H2 is measured only at sizes up to this ({@code -Dbench.h2.max-cases})
 * @param fillThreads threads registering the backlog, each on days of its own
 * @param fillBatch registrations per fill transaction
 * @param fillPerDay registrations per fill thread and day before it moves to an earlier day
 * @param keepDatabase leave the PostgreSQL database in place (for psql and EXPLAIN afterwards)
 * @param explain log the plans of the HTTP figures' SQL at every size (PostgreSQL: auto_explain)
 */
record BenchOptions(boolean quick, List<String> databases, int warmup, int operations, int lifecycles,
		int evaluations, int latencySamples, List<Integer> sizes, int h2MaxCases, int fillThreads, int fillBatch,
		int fillPerDay, boolean keepDatabase, boolean explain, String postgresUrl, String postgresUser,
		String postgresPassword) {

	static BenchOptions fromSystemProperties() {
		boolean quick = flag("bench.quick");
		int small = size("bench.small-cases", 1_000);
		int medium = size("bench.medium-cases", 10_000);
		int large = size("bench.large-cases", quick ? 10_000 : 100_000);
		TreeSet<Integer> sizes = new TreeSet<>();
		String listed = System.getProperty("bench.sizes");
		if (listed != null && !listed.isBlank()) {
			Arrays.stream(listed.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).map(BenchOptions::parse)
				.forEach(sizes::add);
		}
		else {
			sizes.add(small);
			if (medium > small && medium < large) {
				sizes.add(medium);
			}
			sizes.add(large);
		}
		return new BenchOptions(quick,
				Arrays.stream(System.getProperty("bench.databases", "postgres,h2").split(","))
					.map(String::trim)
					.filter((name) -> !name.isEmpty())
					.toList(),
				size("bench.warmup", quick ? 40 : 150), size("bench.operations", quick ? 150 : 600),
				size("bench.lifecycles", quick ? 30 : 120), size("bench.evaluations", quick ? 1_000 : 5_000),
				size("bench.latency-samples", quick ? 60 : 200), List.copyOf(sizes),
				size("bench.h2.max-cases", Integer.MAX_VALUE), size("bench.fill-threads", 2),
				size("bench.fill-batch", 250), size("bench.fill-per-day", 5_000), flag("bench.keep-database"),
				flag("bench.explain"),
				System.getProperty("bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/"),
				System.getProperty("bench.postgres.user", "postgres"),
				System.getProperty("bench.postgres.password", ""));
	}

	int smallest() {
		return this.sizes.get(0);
	}

	int largest() {
		return this.sizes.get(this.sizes.size() - 1);
	}

	private static boolean flag(String property) {
		String value = System.getProperty(property);
		return value != null && !"false".equals(value);
	}

	private static int size(String property, int fallback) {
		String value = System.getProperty(property);
		return (value == null || value.isBlank()) ? fallback : parse(value);
	}

	private static int parse(String value) {
		return Integer.parseInt(value.trim().replace("_", "").replace(",", ""));
	}

	@Override
	public String toString() {
		return String.format(
				"%s run: sizes %s open complaints, warm-up %d, %d operations per throughput figure, %d lifecycles, %d evaluations, %d latency samples, fill %d threads × %d per transaction",
				this.quick ? "quick" : "full",
				String.join(" / ", this.sizes.stream().map((s) -> String.format("%,d", s)).toList()), this.warmup,
				this.operations, this.lifecycles, this.evaluations, this.latencySamples, this.fillThreads,
				this.fillBatch);
	}

}
