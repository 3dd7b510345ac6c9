package io.complaintdesk.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;

import io.complaintdesk.ComplaintDeskApplication;
import io.complaintdesk.TestUsers;
import io.complaintdesk.bench.ComplaintDriver.Registered;
import io.complaintdesk.complaint.intake.ComplaintIntake;

/**
 * The benchmark ({@code mvn verify -Pbench}, not a test). For each database (PostgreSQL first, then
 * H2), boots the application on a fresh database and its random HTTP port, fills it with open
 * complaints through the engine API and measures at every size (1,000 / 10,000 / 100,000 open
 * complaints by default), over real HTTP as Tasklist and the API's clients call it: the queue
 * "My group — unclaimed" of an agent and of a supervisor (Tasklist's HAL list of the filter with its
 * variables, first page of 15, and its count), claim + complete of a verification, a case lookup and
 * two searches; and registration throughput. At the smallest size also the throughput figures of
 * the physical ceiling (raw JDBC commits), the bare engine, registration over HTTP, whole lifecycles
 * and decision evaluations. Prints two markdown tables and the targets of issue 12, met or not, and
 * writes them to {@code target/bench/results.md}.
 */
public final class ThroughputBenchmark {

	private static final int[] THREADS = { 1, 2 };

	private static final String LOAD_AT_START = load();

	/** The latency figures at every size; the first five are issue 12's "constant cost" targets. */
	static final String AGENT_LIST = "agent1: queue \"My group — unclaimed\", HAL list, first page (15), ms";

	static final String AGENT_COUNT = "agent1: queue count, ms";

	static final String SUPER_LIST = "super1: queue \"My group — unclaimed\", HAL list, first page (15), ms";

	static final String SUPER_COUNT = "super1: queue count, ms";

	static final String CLAIM_COMPLETE = "agent1: claim + complete a verification (Tasklist API), ms";

	static final String LOOKUP = "agent1: GET /api/complaints/{caseNumber}, ms";

	static final String SEARCH_PHONE = "agent1: search GET /api/complaints?q=<phone last 4>, ms";

	static final String SEARCH_NAME = "agent1: search GET /api/complaints?q=<customer name>, ms";

	/** What the Cockpit dashboard loads (issue 15 item 7): its figures and the supervisors' panels, one after the other. */
	static final String DASHBOARD = "super1: Cockpit dashboard, GET /api/reports/dashboard + /dashboard/work, ms";

	/** The dashboard's two calls, each alone: which of them grows with the open complaints. */
	static final String DASHBOARD_FIGURES = "super1: dashboard figures alone, GET /api/reports/dashboard, ms";

	static final String DASHBOARD_WORK = "super1: dashboard work alone, GET /api/reports/dashboard/work, ms";

	static final String CASE_TAB = "agent1: case tab (timeline + attachments) of a case with 50 events and 20 attachments, ms";

	static final List<String> CONSTANT_COST = List.of(AGENT_LIST, AGENT_COUNT, SUPER_LIST, SUPER_COUNT,
			CLAIM_COMPLETE, LOOKUP, SEARCH_PHONE, SEARCH_NAME, CASE_TAB, DASHBOARD,
			DASHBOARD_FIGURES, DASHBOARD_WORK);

	/**
	 * Unmeasured requests before each latency figure at the smallest size: the JVM has run nothing
	 * but the fill until then, and code the JIT has not compiled yet would make the smallest size
	 * look slow and every ratio look better than it is.
	 */
	private static final int JVM_WARMUP = 200;

	static final String REGISTRATION_1 = "registration (ComplaintIntake), 1 thread, /s";

	static final String REGISTRATION_2 = "registration (ComplaintIntake), 2 threads, /s";

	private final BenchOptions options;

	/** throughput at the smallest size: a column per database and thread count */
	private final ResultTable throughput = new ResultTable();

	/** the figures at every size: a column per database and size, and the ratio largest / smallest */
	private final ResultTable bySize = new ResultTable();

	private final List<String> targets = new ArrayList<>();

	private ThroughputBenchmark(BenchOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options = BenchOptions.fromSystemProperties();
		BenchClock.install();
		ThroughputBenchmark benchmark = new ThroughputBenchmark(options);
		Instant started = Instant.now();
		List<String> versions = new ArrayList<>();
		for (String kind : options.databases()) {
			try (BenchDatabase database = BenchDatabase.create(kind, options)) {
				versions.add(database.version());
				benchmark.run(database);
			}
		}
		String header = String.format("Benchmark %s, %s; %d cores, JVM max heap %d MiB, %s %s; %s; load average at start %s, at end %s; took %s%n%n",
				started, options, Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
				System.getProperty("java.version"), String.join(", ", versions), LOAD_AT_START, load(),
				java.time.Duration.between(started, Instant.now()).withNanos(0));
		String markdown = header + "Figures at each number of open complaints (latencies: median / p95; ratio: of the medians, p95 in brackets):\n\n"
				+ benchmark.bySize.markdown() + "\nThroughput at the smallest size:\n\n" + benchmark.throughput.markdown()
				+ "\nTargets (issue 12):\n\n" + String.join("\n", benchmark.targets) + "\n";
		System.out.println();
		System.out.println(markdown);
		Path results = Path.of("target", "bench", "results.md");
		Files.createDirectories(results.getParent());
		Files.writeString(results, markdown);
		System.exit(0);
	}

	private static String load() {
		return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private void run(BenchDatabase database) throws Exception {
		List<Integer> sizes = this.options.sizes()
			.stream()
			.filter((size) -> !"H2".equals(database.name()) || size <= this.options.h2MaxCases())
			.toList();
		if (sizes.size() < this.options.sizes().size()) {
			this.targets.add(String.format("- %s: not measured at %s open complaints (-Dbench.h2.max-cases=%,d)",
					database.name(),
					String.join(", ", this.options.sizes().stream().filter((s) -> !sizes.contains(s))
						.map((s) -> String.format("%,d", s)).toList()),
					this.options.h2MaxCases()));
		}
		if (sizes.isEmpty()) {
			return;
		}
		log("%s: starting the application on %s", database.name(), database.url());
		try (ConfigurableApplicationContext context = boot(database)) {
			new DatabaseRun(database.name(), context).run(sizes);
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

		private final int port;

		private final Load load = new Load();

		private final AtomicLong rawIds = new AtomicLong();

		/** the backlog's complaints, for the lookup and search figures */
		private final List<Registered> backlog = Collections.synchronizedList(new ArrayList<>());

		/** registrations each fill thread has made, to place its next batch on its next day */
		private final int[] filledByThread;

		private final Random random = new Random(12);

		private final Map<String, Double> figures = new HashMap<>();

		/** the next backlog complaint whose verification the claim figure may take */
		private int nextVerification;

		/** unmeasured requests before each latency figure at the current size */
		private int warmup;

		DatabaseRun(String db, ConfigurableApplicationContext context) {
			this.db = db;
			this.engine = context.getBean(ProcessEngine.class);
			this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
			this.driver = new ComplaintDriver(this.engine, context.getBean(ComplaintIntake.class), this.port);
			this.jdbc = context.getBean(JdbcTemplate.class);
			this.dataSource = context.getBean(DataSource.class);
			this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			this.filledByThread = new int[options.fillThreads()];
		}

		void run(List<Integer> sizes) throws Exception {
			TestUsers.create(this.engine.getIdentityService());
			BareModels.deploy(this.engine);
			this.jdbc.execute("CREATE TABLE bench_commit (id BIGINT NOT NULL PRIMARY KEY, note VARCHAR(100) NOT NULL)");
			for (int size : sizes) {
				fill(size);
				atSize(size, size == sizes.get(0));
				if (size == sizes.get(0)) {
					throughput();
				}
			}
			this.jdbc.execute("DROP TABLE bench_commit");
			targets(sizes);
		}

		// ---------------------------------------------------------------- fill

		/**
		 * Brings the database to {@code target} open complaints: real registrations
		 * ({@link ComplaintIntake}, so engine state, registry row and history are what production
		 * writes) on {@code fillThreads} threads, {@code fillBatch} per transaction, each thread on
		 * days of its own going back from yesterday ({@link BenchClock}), so the threads never wait for
		 * each other's case-number counter.
		 */
		private void fill(int target) throws Exception {
			int missing = target - openComplaints();
			if (missing <= 0) {
				return;
			}
			int threads = options.fillThreads();
			int batch = options.fillBatch();
			AtomicInteger left = new AtomicInteger(missing);
			AtomicInteger done = new AtomicInteger();
			long started = System.nanoTime();
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				List<Future<?>> workers = new ArrayList<>();
				for (int t = 0; t < threads; t++) {
					int thread = t;
					workers.add(pool.submit(() -> {
						for (int n = take(left, batch); n > 0; n = take(left, batch)) {
							int count = n;
							int daysBack = 1 + thread + threads * (this.filledByThread[thread] / options.fillPerDay());
							BenchClock.daysBack(daysBack, () -> this.transaction.execute((status) -> this.driver.as("agent1", () -> {
								for (int i = 0; i < count; i++) {
									this.backlog.add(this.driver.registerBacklog(ComplaintDriver.nextNumber()));
								}
								return null;
							})));
							this.filledByThread[thread] += count;
							int total = done.addAndGet(count);
							if (total / 10_000 != (total - count) / 10_000) {
								log("%s: %,d open complaints (%.0f/s)", this.db, target - missing + total,
										total / ((System.nanoTime() - started) / 1e9));
							}
						}
						return null;
					}));
				}
				for (Future<?> worker : workers) {
					worker.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			analyze();
			log("%s: filled to %,d open complaints (%,d registered in %.0f s, %.0f/s)", this.db, target, missing,
					seconds, missing / seconds);
			bySize.put(String.format("fill: registrations/s, %d threads × %d per transaction, up to this size", threads,
					batch), column(target), String.format("%,.0f", missing / seconds));
			this.figures.put("fill@" + target, missing / seconds);
		}

		private int take(AtomicInteger left, int batch) {
			while (true) {
				int now = left.get();
				int n = Math.min(now, batch);
				if (n <= 0 || left.compareAndSet(now, now - n)) {
					return Math.max(n, 0);
				}
			}
		}

		/**
		 * Fresh planner statistics after the fill, as autovacuum (PostgreSQL) would have gathered them
		 * over the weeks a backlog of this size takes to build up; right after a fast fill they are
		 * still those of a small database and the planner picks plans for a few rows.
		 */
		private void analyze() {
			long started = System.nanoTime();
			this.jdbc.execute("ANALYZE");
			log("%s: ANALYZE took %.1f s", this.db, (System.nanoTime() - started) / 1e9);
		}

		private int openComplaints() {
			return count("SELECT COUNT(*) FROM complaint WHERE status = 'OPEN'");
		}

		// ---------------------------------------------------------------- at every size

		private void atSize(int size, boolean first) {
			this.warmup = first ? Math.max(JVM_WARMUP, warmup()) : warmup();
			log("%s: figures at %,d open complaints (%,d in the registry, load average %s)", this.db, size,
					openComplaints(), load());
			DeskHttp agent = DeskHttp.tasklist(port, "agent1");
			DeskHttp supervisor = DeskHttp.tasklist(port, "super1");
			DeskHttp api = DeskHttp.basic(port, "agent1");
			String agentQueue = agent.queueFilterId("agents");
			String supervisorQueue = supervisor.queueFilterId("supervisors");
			DeskHttp.QueuePage agentPage = agent.firstPage(agentQueue);
			DeskHttp.QueuePage supervisorPage = supervisor.firstPage(supervisorQueue);
			log("%s: agent1's queue %,d tasks (%d on the page, %d variables), super1's %,d tasks", this.db,
					agentPage.count(), agentPage.taskIds().size(), agentPage.variables(), supervisorPage.count());
			bySize.put("tasks in agent1's queue / in super1's queue", column(size),
					String.format("%,d / %,d", agentPage.count(), supervisorPage.count()));

			latency(AGENT_LIST, size, (i) -> page(agent, agentQueue));
			latency(AGENT_COUNT, size, (i) -> agent.count(agentQueue));
			latency(SUPER_LIST, size, (i) -> page(supervisor, supervisorQueue));
			latency(SUPER_COUNT, size, (i) -> supervisor.count(supervisorQueue));
			ConcurrentLinkedQueue<String> verifications = new ConcurrentLinkedQueue<>(
					verificationTasks(this.warmup + options.latencySamples()));
			latency(CLAIM_COMPLETE, size, (i) -> {
				String task = verifications.remove();
				agent.claim(task);
				agent.submitVerification(task);
			});
			latency(LOOKUP, size, (i) -> {
				Registered complaint = pick();
				JsonNode found = api.complaint(complaint.caseNumber());
				if (!complaint.caseNumber().equals(found.path("caseNumber").asText())) {
					throw new IllegalStateException("looked up " + complaint.caseNumber() + ", got " + found);
				}
			});
			if (api.status("/api/complaints/" + pick().caseNumber() + "/timeline") == 200) {
				String caseNumber = caseFile(api);
				latency(CASE_TAB, size, (i) -> {
					int events = api.timeline(caseNumber).size();
					int attachments = api.attachments(caseNumber).size();
					if (events < 50 || attachments != 20) {
						throw new IllegalStateException("case tab of " + caseNumber + ": " + events + " events, "
								+ attachments + " attachments");
					}
				});
			}
			boolean searchable = api.status("/api/complaints?q=0000") == 200;
			if (searchable) {
				latency(SEARCH_PHONE, size, (i) -> found(api.search(pick().phoneLast4())));
				latency(SEARCH_NAME, size, (i) -> found(api.search(pick().customerName())));
			}
			else {
				log("%s: no search (GET /api/complaints?q= answers %d) — skipped", this.db,
						api.status("/api/complaints?q=0000"));
			}
			DeskHttp watcher = DeskHttp.basic(port, "super1");
			latency(DASHBOARD, size, (i) -> {
				JsonNode figures = watcher.getJson("/api/reports/dashboard");
				JsonNode work = watcher.getJson("/api/reports/dashboard/work");
				if (!figures.has("open") || !work.has("clocks")) {
					throw new IllegalStateException("dashboard answered " + figures + " / " + work);
				}
			});
			latency(DASHBOARD_FIGURES, size, (i) -> watcher.getJson("/api/reports/dashboard"));
			latency(DASHBOARD_WORK, size, (i) -> watcher.getJson("/api/reports/dashboard/work"));
			if (options.explain()) {
				explain(size, agent, agentQueue, supervisor, supervisorQueue, api, searchable);
			}
			registrations(size);
		}

		private void page(DeskHttp client, String filterId) {
			DeskHttp.QueuePage page = client.firstPage(filterId);
			if (page.count() > 0 && page.taskIds().isEmpty()) {
				throw new IllegalStateException(client.user() + ": a queue of " + page.count() + " with an empty first page");
			}
		}

		/**
		 * A case of the backlog with a full case file (not measured): registration, 29 notes and 20
		 * attachments (a small photo each) make 50 events of its timeline.
		 */
		private String caseFile(DeskHttp api) {
			String caseNumber = pick().caseNumber();
			for (int i = 0; i < 29; i++) {
				api.addNote(caseNumber, "bench note " + i);
			}
			byte[] photo = io.complaintdesk.complaint.casefile.SampleFiles.jpeg();
			for (int i = 0; i < 20; i++) {
				api.upload(caseNumber, "photo-" + i + ".jpg", photo);
			}
			return caseNumber;
		}

		private void found(JsonNode answer) {
			if (answer.path("total").asLong() < 1) {
				throw new IllegalStateException("search found nothing: " + answer);
			}
		}

		private Registered pick() {
			synchronized (this.backlog) {
				return this.backlog.get(this.random.nextInt(this.backlog.size()));
			}
		}

		/**
		 * Open verifications of ordinary complaints of the backlog that agent1 may take (level 1, not
		 * major, about nobody, not claimed), found case by case with the engine's own query (not
		 * measured); each is used once.
		 */
		private List<String> verificationTasks(int count) {
			List<String> ids = new ArrayList<>();
			while (ids.size() < count && this.nextVerification < this.backlog.size()) {
				Registered complaint = this.backlog.get(this.nextVerification++);
				if (complaint.kind() != ComplaintDriver.Kind.ORDINARY) {
					continue;
				}
				Task task = this.engine.getTaskService()
					.createTaskQuery()
					.processInstanceBusinessKey(complaint.caseNumber())
					.taskDefinitionKey("verifyComplaint")
					.taskUnassigned()
					.singleResult();
				if (task != null) {
					ids.add(task.getId());
				}
			}
			if (ids.size() < count) {
				throw new IllegalStateException("only " + ids.size() + " verifications to claim, need " + count);
			}
			return ids;
		}

		private int warmup() {
			return Math.max(10, options.latencySamples() / 5);
		}

		/** One thread, as one person at the desk: a warm-up, then the samples. */
		private void latency(String row, int size, Load.Operation operation) {
			sqlStatistics(true);
			Load.Figure figure = this.load.measure(1, this.warmup, options.latencySamples(), operation);
			sqlStatistics(false);
			log("%s %s at %,d: median %.1f ms, p95 %.1f ms", this.db, row, size, figure.median(), figure.p95());
			bySize.put(row, column(size), String.format("%.1f / %.1f", figure.median(), figure.p95()));
			this.figures.put("median:" + row + "@" + size, figure.median());
			this.figures.put("p95:" + row + "@" + size, figure.p95());
		}

		/** Registration throughput with the backlog at this size (the measured registrations add to it). */
		private void registrations(int size) {
			for (int threads : THREADS) {
				Load.Figure figure = this.load.measure(threads, options.warmup(), options.operations(),
						(i) -> this.driver.register());
				String row = (threads == 1) ? REGISTRATION_1 : REGISTRATION_2;
				log("%s %s at %,d: %.1f (median %.1f ms)", this.db, row, size, figure.perSecond(), figure.median());
				bySize.put(row, column(size), String.format("%,.0f", figure.perSecond()));
				this.figures.put("rate:" + row + "@" + size, figure.perSecond());
			}
		}

		private String column(int size) {
			return String.format("%s %,d", this.db, size);
		}

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
						String sql = row.getString(3).replaceAll("\\s+", " ");
						log("  sql %6d x %9.1f ms  %s", row.getLong(1), row.getDouble(2), sql.substring(0, Math.min(260, sql.length())));
					});
		}

		// ---------------------------------------------------------------- plans

		/**
		 * PostgreSQL only: one more round of the HTTP figures with auto_explain on for this database
		 * ({@code EXPLAIN (ANALYZE, BUFFERS)} of every statement, in the server log) and every statement
		 * logged with its parameters, each request after a marker line {@code cdbench <size> <figure>}.
		 */
		private void explain(int size, DeskHttp agent, String agentQueue, DeskHttp supervisor, String supervisorQueue,
				DeskHttp api, boolean searchable) {
			if (!"PostgreSQL".equals(this.db)) {
				return;
			}
			String database = this.jdbc.queryForObject("SELECT current_database()", String.class);
			List<String> settings = List.of("log_min_duration_statement = 0", "session_preload_libraries = 'auto_explain'",
					"auto_explain.log_min_duration = 0", "auto_explain.log_analyze = on",
					"auto_explain.log_buffers = on", "auto_explain.log_timing = on");
			settings.forEach((setting) -> this.jdbc.execute("ALTER DATABASE " + database + " SET " + setting));
			evictConnections();
			try {
				marker(size, "agent1 queue list");
				agent.firstPage(agentQueue);
				marker(size, "agent1 queue count");
				agent.count(agentQueue);
				marker(size, "super1 queue list");
				supervisor.firstPage(supervisorQueue);
				marker(size, "super1 queue count");
				supervisor.count(supervisorQueue);
				String task = verificationTasks(1).get(0);
				marker(size, "agent1 claim");
				agent.claim(task);
				marker(size, "agent1 submit-form");
				agent.submitVerification(task);
				Registered complaint = pick();
				marker(size, "agent1 case lookup");
				api.complaint(complaint.caseNumber());
				if (searchable) {
					marker(size, "agent1 search phone");
					api.search(complaint.phoneLast4());
					marker(size, "agent1 search name");
					api.search(complaint.customerName());
				}
				marker(size, "end");
			}
			finally {
				settings.forEach((setting) -> this.jdbc.execute(
						"ALTER DATABASE " + database + " RESET " + setting.substring(0, setting.indexOf(' '))));
				evictConnections();
			}
			log("%s: plans at %,d logged by auto_explain in the server log of database %s (markers 'cdbench %d …')",
					this.db, size, database, size);
		}

		private void marker(int size, String text) {
			this.jdbc.execute("DO $$BEGIN RAISE LOG 'cdbench " + size + " " + text + "'; END$$");
		}

		private void evictConnections() {
			try {
				this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		// ---------------------------------------------------------------- throughput, smallest size

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
			for (int threads : THREADS) {
				ratio("ratio registration / bare one-user-task start", "registration (ComplaintIntake) /s",
						"bare start: one-user-task process /s", threads);
				ratio("ratio registration / bare same engine work", "registration (ComplaintIntake) /s",
						"bare start: complaint-level + one user task /s", threads);
				ratio("ratio registration / raw JDBC commit", "registration (ComplaintIntake) /s",
						"raw JDBC single-row commit /s", threads);
			}
		}

		private void measure(String figure, int warmup, int ops, Load.Operation operation) {
			for (int threads : THREADS) {
				sqlStatistics(true);
				Load.Figure result = this.load.measure(threads, warmup, ops, operation);
				sqlStatistics(false);
				log("%s %s, %d thread(s): %.1f (median %.2f ms, p95 %.2f ms)", this.db, figure, threads,
						result.perSecond(), result.median(), result.p95());
				throughput.put(figure, this.db + " " + threads + "t", String.format("%,.0f", result.perSecond()));
				this.figures.put(figure + "/" + threads, result.perSecond());
			}
		}

		private void ratio(String row, String numerator, String denominator, int threads) {
			Double a = this.figures.get(numerator + "/" + threads);
			Double b = this.figures.get(denominator + "/" + threads);
			if (a != null && b != null) {
				throughput.put(row, this.db + " " + threads + "t", String.format("%.2f", a / b));
			}
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

		// ---------------------------------------------------------------- ratios and targets

		private void targets(List<Integer> measured) {
			int small = measured.get(0);
			int large = measured.get(measured.size() - 1);
			if (large == small) {
				return;
			}
			String ratioColumn = String.format("%s %,d / %,d", this.db, large, small);
			for (String row : CONSTANT_COST) {
				Double a = this.figures.get("median:" + row + "@" + large);
				Double b = this.figures.get("median:" + row + "@" + small);
				Double pa = this.figures.get("p95:" + row + "@" + large);
				Double pb = this.figures.get("p95:" + row + "@" + small);
				if (a == null || b == null) {
					continue;
				}
				bySize.put(row, ratioColumn, String.format("%.2f (%.2f)", a / b, pa / pb));
				targets.add(String.format("- %s, %s: median at %,d ≤ 2 × at %,d — %s (%.1f ms vs %.1f ms, ratio %.2f)",
						this.db, row.replace(", ms", ""), large, small, (a / b <= 2) ? "**met**" : "**not met**", a, b,
						a / b));
			}
			for (String row : List.of(REGISTRATION_1, REGISTRATION_2)) {
				Double a = this.figures.get("rate:" + row + "@" + large);
				Double b = this.figures.get("rate:" + row + "@" + small);
				if (a != null && b != null) {
					bySize.put(row, ratioColumn, String.format("%.2f", a / b));
					targets.add(String.format("- %s, %s at %,d ≥ 0.8 × at %,d — %s (%.0f/s vs %.0f/s, ratio %.2f)",
							this.db, row.replace(", /s", ""), large, small, (a / b >= 0.8) ? "**met**" : "**not met**",
							a, b, a / b));
				}
			}
			Double fillLarge = this.figures.get("fill@" + large);
			Double fillSmall = this.figures.get("fill@" + small);
			if (fillLarge != null && fillSmall != null) {
				bySize.put(String.format("fill: registrations/s, %d threads × %d per transaction, up to this size",
						options.fillThreads(), options.fillBatch()), ratioColumn,
						String.format("%.2f", fillLarge / fillSmall));
			}
			Double dashboard = this.figures.get("median:" + DASHBOARD + "@" + 10_000);
			if (dashboard != null) {
				targets.add(String.format("- %s, Cockpit dashboard at 10,000 < 500 ms median — %s (%.1f ms)", this.db,
						(dashboard < 500) ? "**yes**" : "**no**", dashboard));
			}
			Double tenThousand = this.figures.get("median:" + AGENT_LIST + "@" + 10_000);
			if (tenThousand != null) {
				targets.add(String.format("- %s, sanity: queue first page at 10,000 < 150 ms median — %s (%.1f ms)",
						this.db, (tenThousand < 150) ? "**yes**" : "**no**", tenThousand));
			}
		}

		private int count(String sql) {
			Integer count = this.jdbc.queryForObject(sql, Integer.class);
			return (count == null) ? 0 : count;
		}

	}

}
