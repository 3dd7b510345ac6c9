package io.complaintdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

import io.complaintdesk.TestUsers;
import io.complaintdesk.complaint.intake.ComplaintIntake;
import io.complaintdesk.complaint.intake.ComplaintIntake.RegisteredComplaint;
import io.complaintdesk.complaint.intake.ComplaintRequest;

/**
 * Does what the desk's people do, as those people (authorization on): registers complaints
 * through the service and through {@code POST /api/complaints}, works a complaint through every
 * task with the Java API.
 * <p>
 * Every complaint is of a walk-in customer of its own ({@code W-<n>}, never a repeat complaint) with
 * a name and phone of its own ({@link #complaint}), so that a search by name finds one case at every
 * size, and one by the phone's last four digits one case up to 10,000 complaints and ten at 100,000.
 */
final class ComplaintDriver {

	/** Numbers every complaint the benchmark creates (names, phones and customer ids derive from it). */
	private static final AtomicLong SEQUENCE = new AtomicLong();

	/** The employees some complaints are about: an agent, a director and three staff without a login. */
	static final List<String> ACCUSED = List.of("agent2", "director1", "E-1001", "E-1002", "E-1003");

	private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖")
		.split("");

	private static final String[] GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏飞建国志辉晨阳文博宇婷雪慧佳琳浩然欣怡晓")
		.split("");

	private static final String JSON = """
			{"customerId": "%s", "customerName": "%s", "contactPhone": "%s", "channel": "PHONE",
			 "complainantType": "CONSUMER", "category": "PRODUCT_QUALITY",
			 "description": "Kettle stopped heating two days after purchase", "demand": "REPAIR",
			 "productCode": "KT-200", "storeCode": "SH-01"}""";

	private final ProcessEngine engine;

	private final ComplaintIntake intake;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI complaintsUri;

	ComplaintDriver(ProcessEngine engine, ComplaintIntake intake, int port) {
		this.engine = engine;
		this.intake = intake;
		this.complaintsUri = URI.create("http://localhost:" + port + "/api/complaints");
	}

	/** What kind of case the backlog's n-th complaint is. */
	enum Kind {

		/** level 1, waiting for an agent's verification (most of the backlog) */
		ORDINARY,
		/** a major complaint (disturbance): its warning process runs, brand and legal are granted the case */
		MAJOR,
		/** level 2 (emotional customer), verified in the fill: waiting in the supervisors' queue to be handled */
		SUPERVISORS,
		/** about an employee ({@link #ACCUSED}): tenant not-&lt;employee&gt;, candidates rewritten to names */
		ACCUSED

	}

	/** The mix of the backlog: 1 % major, 10 % at the supervisors, 0.2 % about an employee, the rest ordinary. */
	static Kind kind(long n) {
		if (n % 100 == 7) {
			return Kind.MAJOR;
		}
		if (n % 10 == 5) {
			return Kind.SUPERVISORS;
		}
		if (n % 500 == 3) {
			return Kind.ACCUSED;
		}
		return Kind.ORDINARY;
	}

	static long nextNumber() {
		return SEQUENCE.incrementAndGet();
	}

	/** Unique for n < 155,000, then repeating: 62 surnames × 50 × 50 given characters. */
	static String customerName(long n) {
		return SURNAMES[(int) (n % SURNAMES.length)] + GIVEN[(int) ((n / SURNAMES.length) % GIVEN.length)]
				+ GIVEN[(int) ((n / (SURNAMES.length * GIVEN.length)) % GIVEN.length)];
	}

	/** A mobile number whose last four digits are n mod 10,000. */
	static String phone(long n) {
		return String.format("139%04d%04d", (n / 10_000) % 10_000, n % 10_000);
	}

	/** The n-th complaint of the benchmark, of the given kind. */
	static ComplaintRequest complaint(long n, Kind kind) {
		boolean major = kind == Kind.MAJOR;
		boolean emotional = kind == Kind.SUPERVISORS;
		String accused = (kind == Kind.ACCUSED) ? ACCUSED.get((int) ((n / 500) % ACCUSED.size())) : null;
		return new ComplaintRequest("W-" + n, customerName(n), phone(n), "PHONE", "CONSUMER", "PRODUCT_QUALITY",
				"Kettle stopped heating two days after purchase", "REPAIR", null, "KT-200", "SH-01", accused, null,
				false, emotional, false, false, major, false);
	}

	/** Registers an ordinary complaint through the service, as agent1 (the process initiator). */
	RegisteredComplaint register() {
		long n = nextNumber();
		return as("agent1", () -> this.intake.register(complaint(n, Kind.ORDINARY).toNewComplaint()));
	}

	/**
	 * Registers the backlog's n-th complaint as the authenticated user (the fill authenticates once
	 * per transaction); a {@link Kind#SUPERVISORS} case is verified right away, as the same agent.
	 */
	Registered registerBacklog(long n) {
		Kind kind = kind(n);
		RegisteredComplaint registered = this.intake.register(complaint(n, kind).toNewComplaint());
		if (kind == Kind.SUPERVISORS) {
			Task verify = this.engine.getTaskService()
				.createTaskQuery()
				.processInstanceId(registered.processInstanceId())
				.taskDefinitionKey("verifyComplaint")
				.singleResult();
			this.engine.getTaskService().complete(verify.getId(), Map.of("valid", true));
		}
		return new Registered(registered.caseNumber(), kind, phone(n).substring(7), customerName(n));
	}

	/** Registers through the REST API over HTTP Basic, as agent1. */
	void post() throws Exception {
		long n = nextNumber();
		HttpRequest request = HttpRequest.newBuilder(this.complaintsUri)
			.header("Content-Type", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("agent1:agent1".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(String.format(JSON, "W-" + n, customerName(n), phone(n))))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("POST /api/complaints: " + response.statusCode() + " " + response.body());
		}
	}

	/** A complaint from registration to archive, every task completed by its user (level 1, satisfied). */
	void lifecycle() {
		RegisteredComplaint complaint = register();
		complete(complaint.caseNumber(), "verifyComplaint", "agent1", "valid", true);
		complete(complaint.caseNumber(), "handleComplaint", "agent1", "resolution", "Repaired the kettle under warranty",
				"compensationAmount", 0.0, "companyAtFault", true, "responsibleDepartment", "售后服务部");
		complete(complaint.caseNumber(), "reviewHandling", "super1", "reviewApproved", true);
		complete(complaint.caseNumber(), "callbackCustomer", "agent2", "reached", true, "satisfaction", 2,
				"callbackMode", "PHONE");
		complete(complaint.caseNumber(), "archiveCase", "clerk1");
	}

	private void complete(String caseNumber, String taskKey, String user, Object... variables) {
		List<Task> tasks = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(caseNumber)
			.taskDefinitionKey(taskKey)
			.list();
		if (tasks.size() != 1) {
			throw new IllegalStateException(caseNumber + ": expected one open " + taskKey + ", found " + tasks.size());
		}
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < variables.length; i += 2) {
			values.put((String) variables[i], variables[i + 1]);
		}
		as(user, () -> {
			this.engine.getTaskService().complete(tasks.get(0).getId(), values);
			return null;
		});
	}

	<T> T as(String user, Supplier<T> work) {
		IdentityService identity = this.engine.getIdentityService();
		TestUsers.authenticate(identity, user);
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/** A registered backlog complaint, what the lookup and search figures ask for. */
	record Registered(String caseNumber, Kind kind, String phoneLast4, String customerName) {
	}

}
