package io.complaintdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.complaintdesk.cluster.DeskClient.Response;
import io.complaintdesk.base.Groups;

/**
 * Two application nodes on one PostgreSQL database, as in production (README "Running several
 * nodes on one database"): each node is the packaged jar in a JVM of its own, started one after
 * the other on a database created for this run. The nodes are shared by the scenarios, which run
 * in order; the last one kills a node.
 * <ul>
 * <li>registrations on both nodes at once get distinct case numbers without gaps;</li>
 * <li>a task created on one node is completed on the other;</li>
 * <li>timers due while both nodes run fire once in effect, even when a job is executed on both
 * nodes at once or the breach step runs again;</li>
 * <li>a node killed with {@code kill -9} in the middle of a load loses nothing: the survivor takes
 * over its locked jobs after the lock time and every case is where it should be.</li>
 * </ul>
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	/** Enough for due jobs to be acquired (every 2 s) or taken over (after the lock time) and run on a busy CI. */
	private static final Duration JOBS_TIMEOUT = Duration.ofSeconds(90);

	private static final String ADMIN = "admin";

	private static final String VERIFY_COMPLAINT = "verifyComplaint";

	private static final String FIRST_CONTACT_TIMER = "firstContactOverdue";

	private static final String CASE_OVERDUE_TIMER = "caseOverdue";

	private ClusterDatabase database;

	private JdbcTemplate jdbc;

	private NamedParameterJdbcTemplate named;

	private ClusterNode node1;

	private ClusterNode node2;

	private DeskClient adminOn1;

	private DeskClient adminOn2;

	private DeskClient agentOn1;

	private DeskClient agentOn2;

	/** The cases of the first scenario; their timers are made due under the kill. */
	private final List<Registration> firstWave = new ArrayList<>();

	@BeforeAll
	void startCluster() throws Exception {
		this.database = ClusterDatabase.create();
		this.jdbc = this.database.jdbc();
		this.named = new NamedParameterJdbcTemplate(this.jdbc);
		String adminPassword = Staff.password();
		// one after the other: the first start creates the schema, the admin and the authorizations
		this.node1 = ClusterNode.start("node-1", this.database, ADMIN, adminPassword);
		report("node-1 up after %s (empty database)", this.node1.awaitUp(START_TIMEOUT));
		this.node2 = ClusterNode.start("node-2", this.database, ADMIN, adminPassword);
		report("node-2 up after %s", this.node2.awaitUp(START_TIMEOUT));
		this.adminOn1 = this.node1.as(ADMIN, adminPassword);
		this.adminOn2 = this.node2.as(ADMIN, adminPassword);
		Staff staff = new Staff(this.adminOn1);
		staff.createMissingGroups();
		this.agentOn1 = this.node1.as("clusteragent1", staff.createUser("clusteragent1", Groups.AGENTS));
		this.agentOn2 = this.node2.as("clusteragent2", staff.createUser("clusteragent2", Groups.AGENTS));
	}

	@AfterAll
	void stopCluster() throws Exception {
		try {
			for (ClusterNode node : new ClusterNode[] { this.node1, this.node2 }) {
				if (node != null) {
					node.stop();
				}
			}
		}
		finally {
			if (this.database != null) {
				this.database.close();
			}
		}
	}

	@Test
	@Order(0)
	void theSecondNodeRunsTheFirstNodesDeployment() {
		// unchanged models are not deployed again: both nodes run the same process definitions
		assertThat(count("SELECT COUNT(*) FROM act_re_deployment")).isOne();
	}

	@Test
	@Order(1)
	void registrationsOnBothNodesAtOnceGetDistinctCaseNumbersWithoutGaps() throws Exception {
		List<Registration> registered = registerConcurrently(2, 25);

		assertThat(registered).hasSize(100);
		assertThat(registered).extracting(Registration::caseNumber).doesNotHaveDuplicates();
		assertThat(registered).extracting(Registration::processInstanceId).doesNotHaveDuplicates();
		assertCaseNumbersWithoutGaps();
		assertThat(casesWhere(registered, "(SELECT COUNT(*) FROM act_ru_task t WHERE t.proc_inst_id_ = "
				+ "c.process_instance_id AND t.task_def_key_ = 'verifyComplaint') <> 1"))
			.as("cases without exactly one verification task")
			.isEmpty();
		this.firstWave.addAll(registered);
	}

	@Test
	@Order(2)
	void aTaskCreatedOnOneNodeIsCompletedOnTheOther() throws Exception {
		Registration registration = register(this.agentOn1, "Across Nodes");

		JsonNode verify = onlyTask(this.agentOn2, registration);
		assertThat(verify.get("taskDefinitionKey").asText()).isEqualTo(VERIFY_COMPLAINT);
		String task = "/engine-rest/task/" + verify.get("id").asText();
		this.agentOn2.post(task + "/claim", Map.of("userId", "clusteragent2")).expect(204);
		this.agentOn2.post(task + "/complete", Map.of("variables", Map.of("valid", Map.of("value", true, "type",
				"Boolean"))))
			.expect(204);

		JsonNode handle = onlyTask(this.agentOn1, registration);
		assertThat(handle.get("taskDefinitionKey").asText()).isEqualTo("handleComplaint");
		JsonNode complaint = this.agentOn1.get("/api/complaints/" + registration.caseNumber()).expect(200).body();
		assertThat(complaint.get("valid").asBoolean()).isTrue();
		assertThat(complaint.get("openTasks").findValuesAsText("taskDefinitionKey")).containsExactly("handleComplaint");
		assertThat(this.jdbc.queryForObject("SELECT verified_by FROM complaint WHERE case_number = ?", String.class,
				registration.caseNumber()))
			.isEqualTo("clusteragent2");
	}

	@Test
	@Order(3)
	void timersDueWhileBothNodesRunFireOnce() throws Exception {
		List<Registration> cases = registerConcurrently(1, 10);
		List<String> jobs = makeDue(cases, FIRST_CONTACT_TIMER);
		assertThat(jobs).hasSize(cases.size());

		Duration took = Poll.until(JOBS_TIMEOUT, "the due first-contact timers are executed",
				() -> existing(jobs) == 0);

		report("%d due timers executed within %s, by %s", jobs.size(), took, executedBy(jobs));
		assertLateFirstContactRecordedOnce(cases);
		assertThat(casesWhere(cases, ranMoreOrLessThanOnce("recordLateFirstContact")))
			.as("cases whose breach step did not run exactly once")
			.isEmpty();
		assertThat(casesWhere(cases, "NOT EXISTS (SELECT 1 FROM act_ru_task t WHERE t.proc_inst_id_ = "
				+ "c.process_instance_id AND t.task_def_key_ = 'verifyComplaint')"))
			.as("the first-contact timer does not interrupt the verification")
			.isEmpty();
		assertEachJobSucceededOnce(jobs);
	}

	@Test
	@Order(4)
	void aJobExecutedOnBothNodesAtOnceRunsOnce() throws Exception {
		Registration registration = register(this.agentOn1, "Executed Twice");
		// not due yet, so the job executors leave it alone: the two calls are the only runs
		String job = this.jdbc.queryForObject(jobsOf(FIRST_CONTACT_TIMER) + " AND j.process_instance_id_ = ?",
				String.class, registration.processInstanceId());

		List<Response> answers = atOnce(() -> this.adminOn1.post("/engine-rest/job/" + job + "/execute", Map.of()),
				() -> this.adminOn2.post("/engine-rest/job/" + job + "/execute", Map.of()));

		report("job executed on both nodes at once: %s", answers);
		assertThat(answers).extracting(Response::status).containsOnlyOnce(204);
		// the other found the job gone, or lost the race to it at commit
		assertThat(answers).filteredOn((answer) -> answer.status() != 204)
			.allMatch((answer) -> answer.status() == 404 || isOptimisticLockingConflict(answer));
		assertLateFirstContactRecordedOnce(List.of(registration));
		assertThat(casesWhere(List.of(registration), ranMoreOrLessThanOnce("recordLateFirstContact"))).isEmpty();
	}

	@Test
	@Order(5)
	void theBreachStepRunAgainOnBothNodesRecordsOnce() throws Exception {
		// the ledger and the outbox are idempotent on their own: the step itself runs more than once
		// here, started through the engine REST API on both nodes at once, then again
		Registration registration = register(this.agentOn2, "Recorded Twice");
		Map<String, Object> runBreachStep = Map.of("instructions",
				List.of(Map.of("type", "startBeforeActivity", "activityId", "recordLateFirstContact")));
		String modification = "/engine-rest/process-instance/" + registration.processInstanceId() + "/modification";

		List<Response> answers = atOnce(() -> this.adminOn1.post(modification, runBreachStep),
				() -> this.adminOn2.post(modification, runBreachStep));
		// and once more, after both committed
		this.adminOn1.post(modification, runBreachStep).expect(204);

		report("breach step started on both nodes at once: %s", answers);
		assertThat(answers).extracting(Response::status).contains(204);
		// a loser fails on the engine's optimistic lock of the instance, never on a duplicate row
		assertThat(answers).filteredOn((answer) -> answer.status() != 204)
			.allMatch(TwoNodeClusterIT::isOptimisticLockingConflict);
		int runs = this.jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_actinst WHERE proc_inst_id_ = ? AND "
				+ "act_id_ = 'recordLateFirstContact' AND end_time_ IS NOT NULL", Integer.class,
				registration.processInstanceId());
		assertThat(runs).isEqualTo(1 + (int) answers.stream().filter((answer) -> answer.status() == 204).count());
		assertLateFirstContactRecordedOnce(List.of(registration));
	}

	@Test
	@Order(6)
	void aNodeKilledInTheMiddleOfALoadLosesNothing() throws Exception {
		List<Registration> cases = new ArrayList<>(this.firstWave);
		cases.addAll(registerConcurrently(2, 10));
		List<String> jobs = makeDue(cases, FIRST_CONTACT_TIMER, CASE_OVERDUE_TIMER);
		assertThat(jobs).hasSize(2 * cases.size());

		Load load = new Load(2);
		try {
			Poll.until(Duration.ofSeconds(60), "node-2 serves the load while both nodes hold job locks",
					() -> load.succeeded(this.node2) >= 5 && lockOwners() >= 2);
			LocalDateTime killedAt = ClusterDatabase.nodeNow();
			this.node2.kill();
			List<Map<String, Object>> lockedAtKill = this.jdbc
				.queryForList("SELECT id_, lock_owner_, lock_exp_time_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL");
			int servedBeforeKill = load.succeeded(this.node1);
			Poll.until(Duration.ofSeconds(60), "node-1 goes on registering after the kill",
					() -> load.succeeded(this.node1) >= servedBeforeKill + 10);
			load.stop();
			Duration takeover = Poll.until(JOBS_TIMEOUT, "node-1 executes every due job, node-2's locked ones too",
					() -> dueJobs() == 0);

			report("kill -9 of node-2 at %s with %d jobs locked; every due job executed %s later; "
					+ "%d jobs taken over by node-1 after their lock expired; %d due jobs run by %s, "
					+ "%d runs lost an optimistic-locking race and were repeated", killedAt, lockedAtKill.size(),
					takeover, takenOver(lockedAtKill), jobs.size(), executedBy(jobs), failedRuns(jobs));
			report("load: %s", load.summary());
		}
		finally {
			load.stop();
		}

		assertThat(existing(jobs)).isZero();
		assertThat(count("SELECT COUNT(*) FROM act_ru_job WHERE retries_ = 0")).as("jobs out of retries").isZero();
		assertThat(count("SELECT COUNT(*) FROM act_ru_incident")).as("incidents").isZero();
		assertEachJobSucceededOnce(jobs);
		assertLateFirstContactRecordedOnce(cases);
		assertThat(casesWhere(cases, ranMoreOrLessThanOnce("recordLateFirstContact"))).isEmpty();
		assertThat(casesWhere(cases, ranMoreOrLessThanOnce("reportOverdueCase"))).isEmpty();
		assertThat(casesWhere(cases, "(SELECT COUNT(*) FROM notification_outbox n WHERE n.case_number = c.case_number "
				+ "AND n.dedup_key = 'case-overdue:' || c.case_number AND n.subject = '投诉案件 ' || c.case_number || ' 已逾期') <> 1"))
			.as("cases without exactly one overdue report")
			.isEmpty();
		assertThat(casesWhere(cases, "(SELECT COUNT(*) FROM act_ru_task t WHERE t.proc_inst_id_ = c.process_instance_id "
				+ "AND t.task_def_key_ IN ('verifyComplaint', 'acknowledgeOverdueCase')) <> 2"))
			.as("cases not waiting in verification and overdue acknowledgement")
			.isEmpty();

		List<Registration> registeredUnderLoad = load.registered();
		assertThat(load.attempts(this.node1)).as("node-1 answers every request").allMatch(Attempt::registered);
		assertThat(casesWhere(registeredUnderLoad, "(SELECT COUNT(*) FROM act_ru_task t WHERE t.proc_inst_id_ = "
				+ "c.process_instance_id AND t.task_def_key_ = 'verifyComplaint') <> 1"))
			.as("registered cases without exactly one verification task")
			.isEmpty();
		assertThat(count("SELECT COUNT(*) FROM complaint WHERE case_number IN (:values)",
				registeredUnderLoad.stream().map(Registration::caseNumber).toList()))
			.as("every 201 is in the registry")
			.isEqualTo(registeredUnderLoad.size());
		assertNothingHalfRegistered();
		assertCaseNumbersWithoutGaps();
	}

	// --- registrations

	private static Map<String, Object> complaint(String customer) {
		return Map.of("customerName", customer, "contactPhone", "13912345678", "channel", "PHONE", "complainantType",
				"CONSUMER", "category", "PRODUCT_QUALITY", "description", "Kettle stopped heating after two days",
				"demand", "REPAIR", "productCode", "KT-200", "storeCode", "SH-01");
	}

	private static Registration register(DeskClient client, String customer) throws IOException {
		JsonNode answer = client.post("/api/complaints", complaint(customer)).expect(201).body();
		return new Registration(answer.get("caseNumber").asText(), answer.get("processInstanceId").asText());
	}

	/** {@code threadsPerNode} threads on each node, each registering {@code each} complaints. */
	private List<Registration> registerConcurrently(int threadsPerNode, int each) throws Exception {
		List<Callable<List<Registration>>> threads = new ArrayList<>();
		for (DeskClient client : List.of(this.agentOn1, this.agentOn2)) {
			for (int thread = 0; thread < threadsPerNode; thread++) {
				String customer = "Customer " + threads.size();
				threads.add(() -> {
					List<Registration> registered = new ArrayList<>();
					for (int i = 0; i < each; i++) {
						registered.add(register(client, customer + "-" + i));
					}
					return registered;
				});
			}
		}
		List<Registration> all = new ArrayList<>();
		for (List<Registration> registered : atOnce(threads)) {
			all.addAll(registered);
		}
		return all;
	}

	// --- jobs

	/** Moves the due date of the cases' timers into the past (as if the deadline had passed). */
	private List<String> makeDue(List<Registration> cases, String... timers) {
		return this.named.queryForList("""
				UPDATE act_ru_job SET duedate_ = :past
				WHERE job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ IN (:timers))
				  AND process_instance_id_ IN (:instances)
				RETURNING id_""", Map.of("past", ClusterDatabase.nodeNow().minusMinutes(1), "timers", List.of(timers),
				"instances", cases.stream().map(Registration::processInstanceId).toList()), String.class);
	}

	private static String jobsOf(String timer) {
		return "SELECT j.id_ FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_ WHERE d.act_id_ = '"
				+ timer + "'";
	}

	private int existing(Collection<String> jobs) {
		return count("SELECT COUNT(*) FROM act_ru_job WHERE id_ IN (:values)", jobs);
	}

	private int dueJobs() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE duedate_ <= ?", Integer.class,
				ClusterDatabase.nodeNow());
	}

	private int lockOwners() {
		return count("SELECT COUNT(DISTINCT lock_owner_) FROM act_ru_job WHERE lock_owner_ IS NOT NULL");
	}

	/** Which node ran the jobs, from the job log (each node's hostname is its name). */
	private Map<String, Integer> executedBy(Collection<String> jobs) {
		Map<String, Integer> byNode = new TreeMap<>();
		this.named.query("SELECT hostname_, COUNT(*) AS jobs FROM act_hi_job_log WHERE job_id_ IN (:jobs) "
				+ "AND job_state_ = 2 GROUP BY hostname_", Map.of("jobs", jobs),
				(RowCallbackHandler) (row) -> byNode.put(row.getString("hostname_"), row.getInt("jobs")));
		return byNode;
	}

	private int failedRuns(Collection<String> jobs) {
		return count("SELECT COUNT(*) FROM act_hi_job_log WHERE job_id_ IN (:values) AND job_state_ = 1", jobs);
	}

	/** Jobs locked at the kill that node-1 ran after the lock had expired: the killed node's. */
	private long takenOver(List<Map<String, Object>> lockedAtKill) {
		return lockedAtKill.stream()
			.filter((job) -> count("SELECT COUNT(*) FROM act_hi_job_log WHERE job_id_ = :job AND job_state_ = 2 "
					+ "AND hostname_ = 'node-1' AND timestamp_ >= :expired",
					Map.of("job", job.get("id_"), "expired", job.get("lock_exp_time_"))) > 0)
			.count();
	}

	private void assertEachJobSucceededOnce(List<String> jobs) {
		assertThat(this.named.queryForList("SELECT job_id_ FROM act_hi_job_log WHERE job_id_ IN (:jobs) "
				+ "AND job_state_ = 2 GROUP BY job_id_ HAVING COUNT(*) <> 1", Map.of("jobs", jobs), String.class))
			.as("jobs that did not succeed exactly once")
			.isEmpty();
		assertThat(executedBy(jobs).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(jobs.size());
	}

	// --- the state of the cases

	/** The cases matching a condition on {@code complaint c}. */
	private List<String> casesWhere(List<Registration> cases, String condition) {
		return this.named.queryForList("SELECT c.case_number FROM complaint c WHERE c.case_number IN (:cases) AND "
				+ condition + " ORDER BY c.case_number",
				Map.of("cases", cases.stream().map(Registration::caseNumber).toList()), String.class);
	}

	private static String ranMoreOrLessThanOnce(String activity) {
		return "(SELECT COUNT(*) FROM act_hi_actinst a WHERE a.proc_inst_id_ = c.process_instance_id AND a.act_id_ = '"
				+ activity + "') <> 1";
	}

	private void assertLateFirstContactRecordedOnce(List<Registration> cases) {
		assertThat(casesWhere(cases, "(SELECT COUNT(*) FROM penalty_entry p WHERE p.case_number = c.case_number "
				+ "AND p.rule = 'LATE_FIRST_CONTACT') <> 1"))
			.as("cases without exactly one late-first-contact penalty")
			.isEmpty();
		assertThat(casesWhere(cases, "(SELECT COUNT(*) FROM notification_outbox n WHERE n.case_number = c.case_number "
				+ "AND n.recipient_group = 'supervisors' AND n.subject = '投诉案件 ' || c.case_number || "
				+ "'：首次联系逾期') <> 1"))
			.as("cases without exactly one late-first-contact notification")
			.isEmpty();
	}

	private void assertNothingHalfRegistered() {
		assertThat(this.jdbc.queryForList("SELECT c.case_number FROM complaint c WHERE NOT EXISTS "
				+ "(SELECT 1 FROM act_ru_execution e WHERE e.id_ = c.process_instance_id)", String.class))
			.as("registry rows without their process instance")
			.isEmpty();
		assertThat(this.jdbc.queryForList("""
				SELECT e.id_ FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_
				WHERE e.id_ = e.proc_inst_id_ AND d.key_ = 'complaint-handling'
				  AND NOT EXISTS (SELECT 1 FROM complaint c WHERE c.process_instance_id = e.id_
				                  AND c.case_number = e.business_key_)""", String.class))
			.as("complaint process instances without their registry row")
			.isEmpty();
	}

	/** Per day, the case numbers are 1 … n: none twice, none skipped (POLICY §2). */
	private void assertCaseNumbersWithoutGaps() {
		Map<String, List<Integer>> byDay = this.jdbc.queryForList("SELECT case_number FROM complaint", String.class)
			.stream()
			.collect(Collectors.groupingBy((number) -> number.substring(4, 12), TreeMap::new,
					Collectors.mapping((number) -> Integer.valueOf(number.substring(13)), Collectors.toList())));
		byDay.forEach((day, numbers) -> assertThat(numbers).as("case numbers of " + day)
			.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, numbers.size()).boxed().toList()));
	}

	private JsonNode onlyTask(DeskClient client, Registration registration) throws IOException {
		JsonNode tasks = client
			.get("/engine-rest/task?maxResults=10&processInstanceId=" + registration.processInstanceId())
			.expect(200)
			.body();
		assertThat(tasks).hasSize(1);
		return tasks.get(0);
	}

	private int count(String sql, Collection<?> values) {
		return this.named.queryForObject(sql, Map.of("values", values), Integer.class);
	}

	private int count(String sql, Map<String, ?> parameters) {
		return this.named.queryForObject(sql, parameters, Integer.class);
	}

	private int count(String sql) {
		return this.jdbc.queryForObject(sql, Integer.class);
	}

	// --- concurrency

	/** Runs the calls in threads of their own, released together; their results in order. */
	@SafeVarargs
	private static <T> List<T> atOnce(Callable<T>... calls) throws Exception {
		return atOnce(List.of(calls));
	}

	private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> results = new ArrayList<>();
			for (Callable<T> call : calls) {
				results.add(threads.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> all = new ArrayList<>();
			for (Future<T> result : results) {
				all.add(result.get(5, TimeUnit.MINUTES));
			}
			return all;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static boolean isOptimisticLockingConflict(Response answer) {
		return answer.status() == 500 && "OptimisticLockingException".equals(answer.body().path("type").asText());
	}

	private static void report(String format, Object... arguments) {
		System.out.println("[cluster] " + String.format(format, arguments));
	}

	record Registration(String caseNumber, String processInstanceId) {
	}

	/** One registration attempt under load: the node, and the case or what went wrong. */
	record Attempt(String node, Registration registration, String failure) {

		boolean registered() {
			return this.registration != null;
		}

	}

	/** Registrations on both nodes, in a loop per thread, until stopped or until a request fails. */
	private final class Load {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

		private final ExecutorService threads;

		Load(int threadsPerNode) {
			this.threads = Executors.newFixedThreadPool(2 * threadsPerNode);
			for (int thread = 0; thread < threadsPerNode; thread++) {
				submit(TwoNodeClusterIT.this.node1, TwoNodeClusterIT.this.agentOn1, thread);
				submit(TwoNodeClusterIT.this.node2, TwoNodeClusterIT.this.agentOn2, thread);
			}
		}

		private void submit(ClusterNode node, DeskClient client, int thread) {
			this.threads.submit(() -> {
				try {
					for (int i = 0; this.running.get(); i++) {
						this.attempts.add(new Attempt(node.name(),
								register(client, "Load " + node.name() + "-" + thread + "-" + i), null));
					}
				}
				catch (IOException | AssertionError ex) {
					// the killed node's requests in flight fail; nothing of them may remain half-registered
					this.attempts.add(new Attempt(node.name(), null, ex.toString()));
				}
			});
		}

		int succeeded(ClusterNode node) {
			return (int) attempts(node).stream().filter(Attempt::registered).count();
		}

		List<Attempt> attempts(ClusterNode node) {
			return this.attempts.stream().filter((attempt) -> attempt.node().equals(node.name())).toList();
		}

		List<Registration> registered() {
			return this.attempts.stream().filter(Attempt::registered).map(Attempt::registration).toList();
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			this.threads.shutdown();
			this.threads.awaitTermination(2, TimeUnit.MINUTES);
		}

		String summary() {
			return this.attempts.stream()
				.collect(Collectors.groupingBy(Attempt::node, TreeMap::new,
						Collectors.partitioningBy(Attempt::registered, Collectors.counting())))
				.entrySet()
				.stream()
				.map((node) -> node.getKey() + ": " + node.getValue().get(true) + " registered, "
						+ node.getValue().get(false) + " failed")
				.collect(Collectors.joining("; "));
		}

	}

}
