package io.complaintdesk.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintdesk.ComplaintDeskApplication;
import io.complaintdesk.TestUsers;
import io.complaintdesk.complaint.intake.ComplaintIntake;
import io.complaintdesk.complaint.intake.ComplaintIntake.RegisteredComplaint;

/**
 * The throughput benchmark ({@code mvn verify -Pbench}, not a test): boots the application on a
 * fresh H2 file database and on a fresh PostgreSQL database and measures, with 1 and 2 threads,
 * the physical ceiling (raw JDBC commits), the bare engine (one-user-task starts), registration
 * through the service and over HTTP, whole complaint lifecycles, complaint-level evaluations,
 * Tasklist's group filter and task completion at a small and a large number of cases. Prints one
 * markdown table and writes it to {@code target/bench/results.md}.
 */
public final class ThroughputBenchmark {

	private static final int[] THREADS = { 1, 2 };

	private static final String LOAD_AT_START = String.format("%.2f",
			ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

	private final BenchOptions options;

	private final ResultTable table = new ResultTable();

	private ThroughputBenchmark(BenchOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options = BenchOptions.fromSystemProperties();
		ThroughputBenchmark benchmark = new ThroughputBenchmark(options);
		Instant started = Instant.now();
		List<String> versions = new ArrayList<>();
		for (String kind : options.databases()) {
			try (BenchDatabase database = BenchDatabase.create(kind, options)) {
				versions.add(database.version());
				benchmark.run(database);
			}
		}
		String header = String.format("Benchmark %s, %s; %d cores, JVM max heap %d MiB, %s %s; %s; load average at start %s; took %s%n%n",
				started, options, Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
				System.getProperty("java.version"), String.join(", ", versions), LOAD_AT_START,
				java.time.Duration.between(started, Instant.now()).withNanos(0));
		String markdown = header + benchmark.table.markdown();
		System.out.println();
		System.out.println(markdown);
		Path results = Path.of("target", "bench", "results.md");
		Files.createDirectories(results.getParent());
		Files.writeString(results, markdown);
		System.exit(0);
	}

	private void run(BenchDatabase database) throws Exception {
		log("%s: starting the application on %s", database.name(), database.url());
		try (ConfigurableApplicationContext context = boot(database)) {
			new DatabaseRun(database.name(), context).run();
		}
	}

	private static ConfigurableApplicationContext boot(BenchDatabase database) {
		// command-line arguments: they override application.yaml (default properties would not)
		List<String> arguments = List.of("--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password(), "--server.port=0",
				// like the tests: nothing runs in the background, no demo data (the benchmark creates its users)
				"--camunda.bpm.job-execution.enabled=false", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN");
		return new SpringApplicationBuilder(ComplaintDeskApplication.class).profiles("bench")
			.run(arguments.toArray(String[]::new));
	}

	static void log(String format, Object... arguments) {
		System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, arguments));
	}

	/** All figures of one database. */
	private final class DatabaseRun {

		private final String db;

		private final ProcessEngine engine;

		private final ComplaintDriver driver;

		private final JdbcTemplate jdbc;

		private final DataSource dataSource;

		private final TransactionTemplate transaction;

		private final Load load = new Load();

		private final AtomicLong rawIds = new AtomicLong();

		DatabaseRun(String db, ConfigurableApplicationContext context) {
			this.db = db;
			this.engine = context.getBean(ProcessEngine.class);
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			this.driver = new ComplaintDriver(this.engine, context.getBean(ComplaintIntake.class), port);
			this.jdbc = context.getBean(JdbcTemplate.class);
			this.dataSource = context.getBean(DataSource.class);
			this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		}

		void run() throws Exception {
			TestUsers.create(this.engine.getIdentityService());
			BareModels.deploy(this.engine);
			this.driver.createGroupFilter();
			this.jdbc.execute("CREATE TABLE bench_commit (id BIGINT NOT NULL PRIMARY KEY, note VARCHAR(100) NOT NULL)");

			fill(options.smallCases());
			atScale(options.smallCases(), "small");
			throughput();
			fill(options.largeCases());
			atScale(options.largeCases(), "large");
			atLargeScale();
			ratios();
			this.jdbc.execute("DROP TABLE bench_commit");
		}

		private void throughput() {
			int warmup = options.warmup();
			int ops = options.operations();
			measure("raw JDBC single-row commit /s", warmup, ops * 4, (i) -> rawCommit());
			measure("bare start: one-user-task process /s", warmup, ops,
					(i) -> start(BareModels.BARE_TASK, Map.of()));
			measure("bare start: complaint-level + one user task /s", warmup, ops,
					(i) -> start(BareModels.SAME_WORK, BareModels.complaintVariables(i)));
			measure("registration (ComplaintIntake) /s", warmup, ops, (i) -> this.driver.register());
			measure("registration (POST /api/complaints) /s", warmup, ops, (i) -> this.driver.post());
			measure("full lifecycle (6 tasks) /s", Math.max(5, warmup / 10), options.lifecycles(),
					(i) -> this.driver.lifecycle());
			measure("complaint-level evaluations /s", warmup * 5, options.evaluations(),
					(i) -> this.engine.getDecisionService()
						.evaluateDecisionByKey("complaint-level")
						.variables(BareModels.complaintVariables(i))
						.evaluate());
		}

		private void measure(String figure, int warmup, int ops, Load.Operation operation) {
			for (int threads : THREADS) {
				sqlStatistics(true);
				Load.Figure result = this.load.measure(threads, warmup, ops, operation);
				sqlStatistics(false);
				log("%s %s, %d thread(s): %.1f (median %.2f ms, p95 %.2f ms)", this.db, figure, threads,
						result.perSecond(), result.median(), result.p95());
				table.put(figure, column(threads), String.format("%,.0f", result.perSecond()));
				this.figures.put(figure + "/" + threads, result.perSecond());
			}
		}

		private final Map<String, Double> figures = new HashMap<>();

		/**
		 * With {@code -Dbench.sql-statistics} on H2: the statements that took the most time during a
		 * figure, to stderr (H2's QUERY_STATISTICS; a diagnostic, it slows the run down a little).
		 */
		private void sqlStatistics(boolean start) {
			if (System.getProperty("bench.sql-statistics") == null || !"H2".equals(this.db)) {
				return;
			}
			if (start) {
				this.jdbc.execute("SET QUERY_STATISTICS FALSE");
				this.jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
				this.jdbc.execute("SET QUERY_STATISTICS TRUE");
				return;
			}
			this.jdbc.query("SELECT EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
					+ " ORDER BY CUMULATIVE_EXECUTION_TIME DESC FETCH FIRST 12 ROWS ONLY", (row) -> {
						log("  sql %6d x %9.1f ms  %s", row.getLong(1), row.getDouble(2),
								row.getString(3).replaceAll("\\s+", " ").substring(0, Math.min(260, row.getString(3).replaceAll("\\s+", " ").length())));
					});
		}

		private void ratios() {
			for (int threads : THREADS) {
				ratio("ratio registration / bare one-user-task start", "registration (ComplaintIntake) /s",
						"bare start: one-user-task process /s", threads);
				ratio("ratio registration / bare same engine work (target ≥ 0.7)", "registration (ComplaintIntake) /s",
						"bare start: complaint-level + one user task /s", threads);
				ratio("ratio registration / raw JDBC commit", "registration (ComplaintIntake) /s",
						"raw JDBC single-row commit /s", threads);
				ratio("ratio group filter p95 at large / at small (target ≤ 2)", "p95:group filter large",
						"p95:group filter small", threads);
				ratio("ratio task completion median at large / at small (target ≤ 1.5)", "median:completion large",
						"median:completion small", threads);
				ratio("ratio task completion median at large, without / with ACT_IDX_TASK_PARENT",
						"median:completion without index", "median:completion large", threads);
			}
		}

		private void ratio(String row, String numerator, String denominator, int threads) {
			Double a = this.figures.get(numerator + "/" + threads);
			Double b = this.figures.get(denominator + "/" + threads);
			if (a != null && b != null) {
				table.put(row, column(threads), String.format("%.2f", a / b));
			}
		}

		private String column(int threads) {
			return this.db + " " + threads + "t";
		}

		private void rawCommit() throws Exception {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try (PreparedStatement insert = connection
					.prepareStatement("INSERT INTO bench_commit (id, note) VALUES (?, ?)")) {
					insert.setLong(1, this.rawIds.incrementAndGet());
					insert.setString(2, "one row, one commit");
					insert.executeUpdate();
				}
				connection.commit();
			}
		}

		private ProcessInstance start(String key, Map<String, Object> variables) {
			return this.driver.as("agent1",
					() -> this.engine.getRuntimeService().startProcessInstanceByKey(key, variables));
		}

		/** Tasklist's first page and task completion at the current number of cases. */
		private void atScale(int size, String suffix) {
			String scale = String.format("%,d", size);
			int samples = options.latencySamples();
			int warmup = Math.max(10, samples / 5);
			for (int threads : THREADS) {
				sqlStatistics(true);
				Load.Figure page = this.load.measure(threads, warmup, samples, (i) -> this.driver.groupFilterFirstPage());
				sqlStatistics(false);
				report("Tasklist group filter, first page (15) at " + scale + " open complaints, ms median / p95",
						"group filter " + suffix, threads, page);
			}
			// completions use up open complaints: registered just for this, so the counts above stay as they were
			for (int threads : THREADS) {
				ConcurrentLinkedQueue<RegisteredComplaint> open = new ConcurrentLinkedQueue<>();
				for (int i = 0; i < warmup + samples; i++) {
					open.add(this.driver.register());
				}
				sqlStatistics(true);
				Load.Figure completion = this.load.measure(threads, warmup, samples,
						(i) -> this.driver.verify(open.remove()));
				sqlStatistics(false);
				report("complete 'Verify complaint' at " + scale + " closed cases in history, ms median / p95",
						"completion " + suffix, threads, completion);
				ConcurrentLinkedQueue<String> bare = new ConcurrentLinkedQueue<>();
				for (int i = 0; i < warmup + samples; i++) {
					bare.add(start(BareModels.BARE_TASK, Map.of()).getId());
				}
				sqlStatistics(true);
				Load.Figure bareCompletion = this.load.measure(threads, warmup, samples,
						(i) -> completeBare(bare.remove()));
				sqlStatistics(false);
				report("complete the bare one-user task at " + scale + " closed cases, ms median / p95",
						"bare completion " + suffix, threads, bareCompletion);
			}
		}

		/**
		 * At the large size: registration again (does it slow down with the data?), and task
		 * completion without the index {@code ACT_IDX_TASK_PARENT} (db/engine), as before it existed.
		 */
		private void atLargeScale() {
			String scale = String.format("%,d", options.largeCases());
			measure("registration (ComplaintIntake) /s at " + scale + " open complaints", options.warmup(),
					options.operations(), (i) -> this.driver.register());
			this.jdbc.execute("DROP INDEX ACT_IDX_TASK_PARENT");
			try {
				int samples = options.latencySamples();
				int warmup = Math.max(10, samples / 5);
				for (int threads : THREADS) {
					ConcurrentLinkedQueue<RegisteredComplaint> open = new ConcurrentLinkedQueue<>();
					for (int i = 0; i < warmup + samples; i++) {
						open.add(this.driver.register());
					}
					sqlStatistics(true);
					Load.Figure completion = this.load.measure(threads, warmup, samples,
							(i) -> this.driver.verify(open.remove()));
					sqlStatistics(false);
					report("complete 'Verify complaint' at " + scale + " WITHOUT index ACT_IDX_TASK_PARENT, ms median / p95",
							"completion without index", threads, completion);
				}
			}
			finally {
				this.jdbc.execute("CREATE INDEX ACT_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_)");
			}
		}

		private void report(String row, String key, int threads, Load.Figure figure) {
			log("%s %s, %d thread(s): median %.2f ms, p95 %.2f ms", this.db, row, threads, figure.median(), figure.p95());
			table.put(row, column(threads), String.format("%.1f / %.1f", figure.median(), figure.p95()));
			this.figures.put("median:" + key + "/" + threads, figure.median());
			this.figures.put("p95:" + key + "/" + threads, figure.p95());
		}

		private void completeBare(String processInstanceId) {
			TaskService tasks = this.engine.getTaskService();
			Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
			this.driver.as("agent1", () -> {
				tasks.complete(task.getId());
				return null;
			});
		}

		/**
		 * Brings the database to {@code size} open complaints and {@code size} closed cases.
		 * Open complaints are real registrations ({@link ComplaintIntake}), {@code fillBatch} of
		 * them per transaction on one thread (the day's case-number row is locked until commit, so
		 * a second thread would only wait). Closed cases are {@link BareModels#CLOSED_CASE}
		 * instances (intake variables, complaint-level, one user task completed by agent1) on two
		 * threads, also batched.
		 */
		private void fill(int target) {
			int batch = options.fillBatch();
			long started = System.nanoTime();
			int open = count("SELECT COUNT(*) FROM complaint WHERE status = 'OPEN'");
			int registered = 0;
			while (open + registered < target) {
				int n = Math.min(batch, target - open - registered);
				this.transaction.executeWithoutResult((status) -> {
					for (int i = 0; i < n; i++) {
						this.driver.register();
					}
				});
				registered += n;
				if (registered % (batch * 100) == 0) {
					log("%s: %,d open complaints", this.db, open + registered);
				}
			}
			double openSeconds = (System.nanoTime() - started) / 1e9;
			started = System.nanoTime();
			int closed = count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL");
			int batches = (Math.max(0, target - closed) + batch - 1) / batch;
			if (batches > 0) {
				this.load.measure(2, 0, batches, (i) -> this.transaction.executeWithoutResult((status) -> {
					for (int j = 0; j < batch; j++) {
						closeOneCase(i * batch + j);
					}
				}));
			}
			double closedSeconds = (System.nanoTime() - started) / 1e9;
			log("%s: filled to %,d open complaints (%,d registered in %.0f s, %.0f/s) and %,d closed cases (%,d in %.0f s)",
					this.db, target, registered, openSeconds, registered / Math.max(openSeconds, 0.001),
					Math.max(closed, target), batches * batch, closedSeconds);
			if (registered > 0) {
				table.put(String.format("fill: registrations in batches of %d, 1 thread, /s (to %,d)", batch, target),
						column(1), String.format("%,.0f", registered / openSeconds));
			}
		}

		private void closeOneCase(int i) {
			RuntimeService runtime = this.engine.getRuntimeService();
			String id = this.driver
				.as("agent1", () -> runtime.startProcessInstanceByKey(BareModels.CLOSED_CASE, BareModels.complaintVariables(i)))
				.getId();
			completeBare(id);
		}

		private int count(String sql) {
			Integer count = this.jdbc.queryForObject(sql, Integer.class);
			return (count == null) ? 0 : count;
		}

	}

}
