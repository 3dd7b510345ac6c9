package io.complaintdesk.customer.blacklist;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.complaintdesk.TestUsers;
import io.complaintdesk.customer.ClientTier;
import io.complaintdesk.customer.CustomerDirectory;
import io.complaintdesk.customer.CustomerDirectory.BlacklistedIdException;
import io.complaintdesk.customer.CustomerType;
import io.complaintdesk.customer.NewCustomer;
import io.complaintdesk.customer.TierChange;
import io.complaintdesk.customer.blacklist.BlacklistProcess.Elements;
import io.complaintdesk.base.Groups;

/**
 * The blacklist of POLICY §8 through the engine, as Tasklist drives it: a supervisor proposes, a
 * director approves, the entry expires after 6 months on a timer (the clock is moved with
 * {@link ClockUtil} and the job executed by hand), and a director lets the customer return as
 * qualified or keeps them out.
 */
@SpringBootTest
@ActiveProfiles("test")
class CustomerBlacklistProcessTests {

	private static final ZoneId DESK = ZoneId.of("Asia/Shanghai");

	private static final String SUPERVISOR = "super1";

	private static final String DIRECTOR = "director1";

	@Autowired
	ProcessEngine engine;

	@Autowired
	BlacklistRegistry registry;

	@Autowired
	CustomerDirectory customers;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		TestUsers.create(this.engine.getIdentityService());
		TestClock.setCurrentTime(at("2026-11-23T10:00:00"));
	}

	@AfterEach
	void tearDown() {
		this.engine.getIdentityService().clearAuthentication();
		TestClock.reset();
		BpmnAwareTests.reset();
	}

	@Test
	void shouldBlacklistForSixMonthsAndReadmitAsQualifiedWithADirectorsApproval() {
		String customerId = admit(ClientTier.VIP);
		assertThat(read(this.engine.getFormService().getDeployedStartForm(definitionId())))
			.contains("\"id\": \"proposeBlacklisting\"");

		ProcessInstance instance = propose(SUPERVISOR, customerId, "Forged delivery notes: loss of 420,000",
				"CMP-20261120-0003; contract 2026-17");

		assertThat(instance).isWaitingAt(Elements.APPROVE_BLACKLISTING);
		assertThat(instance.getBusinessKey()).isEqualTo("BL-" + customerId + "-20261123");
		BlacklistEntry proposed = entry(customerId);
		assertThat(proposed.status()).isEqualTo(BlacklistStatus.PROPOSED);
		assertThat(proposed.reason()).isEqualTo("Forged delivery notes: loss of 420,000");
		assertThat(proposed.proposedBy()).isEqualTo(SUPERVISOR);
		assertThat(proposed.proposedAt()).isEqualTo(instant("2026-11-23T10:00:00"));
		assertThat(proposed.processInstanceId()).isEqualTo(instance.getId());
		assertThat(this.customers.isBlacklisted(customerId)).isFalse();
		Task approve = task(instance, Elements.APPROVE_BLACKLISTING);
		assertThat(candidateGroups(approve)).containsExactly(Groups.DIRECTORS);
		assertThat(deployedForm(approve)).contains("\"id\": \"approveBlacklisting\"");

		TestClock.setCurrentTime(at("2026-11-24T09:30:00"));
		complete(approve, DIRECTOR, "blacklistApproved", true, "directorComment", "Agreed, documents are clear");

		Instant until = instant("2027-05-24T09:30:00");
		BlacklistEntry active = entry(customerId);
		assertThat(active.status()).isEqualTo(BlacklistStatus.ACTIVE);
		assertThat(active.approvedBy()).isEqualTo(DIRECTOR);
		assertThat(active.blacklistedAt()).isEqualTo(instant("2026-11-24T09:30:00"));
		assertThat(active.blacklistedUntil()).isEqualTo(until);
		assertThat(this.customers.isBlacklisted(customerId)).isTrue();
		assertThat(this.customers.blacklistedUntil(customerId)).contains(until);
		assertThat(instance).isWaitingAt(Elements.BLACKLIST_EXPIRES).hasPassed(Elements.ACTIVATE_BLACKLISTING);
		Job expiry = timer(instance);
		assertThat(expiry.getDuedate()).isEqualTo(Date.from(until));

		TestClock.setCurrentTime(at("2027-05-24T09:31:00"));
		execute(expiry);

		BlacklistEntry expired = entry(customerId);
		assertThat(expired.status()).isEqualTo(BlacklistStatus.EXPIRED);
		assertThat(expired.endedAt()).isEqualTo(instant("2027-05-24T09:31:00"));
		assertThat(this.customers.isBlacklisted(customerId)).isFalse();
		// off the blacklist, but not back in business until a director says so
		assertThat(this.customers.find(customerId).orElseThrow().tier()).isEqualTo(ClientTier.VIP);
		Task approveReturn = task(instance, Elements.APPROVE_RETURN);
		assertThat(candidateGroups(approveReturn)).containsExactly(Groups.DIRECTORS);
		assertThat(deployedForm(approveReturn)).contains("\"id\": \"approveReturn\"");

		complete(approveReturn, DIRECTOR, "returnApproved", true, "returnComment", "Debt settled");

		assertThat(instance).isEnded().hasPassed(Elements.READMIT_AS_QUALIFIED, Elements.BACK_AS_QUALIFIED);
		assertThat(this.customers.find(customerId).orElseThrow().tier()).isEqualTo(ClientTier.QUALIFIED);
		List<TierChange> history = this.customers.history(customerId);
		TierChange readmitted = history.get(history.size() - 1);
		assertThat(readmitted.fromTier()).isEqualTo(ClientTier.VIP);
		assertThat(readmitted.toTier()).isEqualTo(ClientTier.QUALIFIED);
		assertThat(readmitted.approvedBy()).isEqualTo(DIRECTOR);
		assertThat(readmitted.reviewKey()).isEqualTo("BL-" + customerId + "-20261123");
		assertThat(readmitted.reason()).startsWith("客户黑名单 BL-" + customerId + "-20261123 期满（").endsWith("后恢复合作，由 director1 批准");
		assertThat(readmitted.changedAt()).isEqualTo(instant("2027-05-24T09:31:00"));
	}

	@Test
	void shouldKeepTheCustomerOutWhenTheDirectorRefusesTheReturn() {
		String customerId = admit(ClientTier.PREFERRED);
		ProcessInstance instance = propose(SUPERVISOR, customerId, "Public smear campaign against our stores", null);
		complete(task(instance, Elements.APPROVE_BLACKLISTING), DIRECTOR, "blacklistApproved", true);
		TestClock.setCurrentTime(at("2027-05-23T10:00:00"));
		execute(timer(instance));

		complete(task(instance, Elements.APPROVE_RETURN), DIRECTOR, "returnApproved", false, "returnComment",
				"Still owes us money");

		assertThat(instance).isEnded().hasPassed(Elements.STAYS_OUT).hasNotPassed(Elements.READMIT_AS_QUALIFIED);
		assertThat(entry(customerId).status()).isEqualTo(BlacklistStatus.EXPIRED);
		assertThat(this.customers.find(customerId).orElseThrow().tier()).isEqualTo(ClientTier.PREFERRED);
		assertThat(this.customers.history(customerId)).hasSize(1);
	}

	@Test
	void shouldRecordARefusedProposalAsRejectedAndBlacklistNobody() {
		String customerId = admit(ClientTier.QUALIFIED);
		ProcessInstance instance = propose(SUPERVISOR, customerId, "Late payments", null);

		complete(task(instance, Elements.APPROVE_BLACKLISTING), DIRECTOR, "blacklistApproved", false,
				"directorComment", "Late payments are a tier matter, not a blacklisting");

		assertThat(instance).isEnded().hasPassed(Elements.REJECT_PROPOSAL, Elements.NOT_BLACKLISTED);
		BlacklistEntry rejected = entry(customerId);
		assertThat(rejected.status()).isEqualTo(BlacklistStatus.REJECTED);
		assertThat(rejected.approvedBy()).isEqualTo(DIRECTOR);
		assertThat(rejected.endedAt()).isEqualTo(instant("2026-11-23T10:00:00"));
		assertThat(rejected.blacklistedUntil()).isNull();
		assertThat(this.registry.findOpen(customerId)).isEmpty();
		assertThat(this.customers.isBlacklisted(customerId)).isFalse();
		// a refused proposal does not stand in the way of a later one
		assertThat(propose(SUPERVISOR, customerId, "Now also forged invoices", null)).isWaitingAt(
				Elements.APPROVE_BLACKLISTING);
	}

	@Test
	void shouldRefuseASecondProposalWhileTheCustomerIsProposedOrBlacklisted() {
		String customerId = newCustomerId();
		ProcessInstance first = propose(SUPERVISOR, customerId, "Fraudulent returns", null);

		assertThatThrownBy(() -> propose(SUPERVISOR, customerId, "Fraudulent returns, again", null))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("customer " + customerId + " already has a blacklist proposal of 2026-11-23 by super1");

		complete(task(first, Elements.APPROVE_BLACKLISTING), DIRECTOR, "blacklistApproved", true);
		assertThatThrownBy(() -> propose(SUPERVISOR, customerId, "Fraudulent returns, again", null))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("customer " + customerId + " is already blacklisted until 2027-05-23");

		assertThat(this.registry.history(customerId)).singleElement()
			.extracting(BlacklistEntry::status)
			.isEqualTo(BlacklistStatus.ACTIVE);
		assertThat(instancesOf(customerId)).isEqualTo(1);
		// POLICY §8: no new customer under a blacklisted id
		assertThatThrownBy(() -> this.customers.create(newCustomer(customerId, ClientTier.QUALIFIED)))
			.isInstanceOf(BlacklistedIdException.class);
	}

	@Test
	void shouldAcceptANewProposalOnceAnActiveEntryIsPastItsEnd() {
		// an entry loaded without a process (demo data, a migration) has no timer to expire it
		String customerId = newCustomerId();
		this.jdbc.update("""
				INSERT INTO customer_blacklist (customer_id, status, reason, proposed_by, proposed_at, approved_by,
				    blacklisted_at, blacklisted_until)
				VALUES (?, 'ACTIVE', 'Loaded', 'super1', ?, 'director1', ?, ?)""", customerId,
				Timestamp.from(instant("2026-05-01T10:00:00")), Timestamp.from(instant("2026-05-01T10:00:00")),
				Timestamp.from(instant("2026-11-01T10:00:00")));

		assertThat(propose(SUPERVISOR, customerId, "Again", null)).isWaitingAt(Elements.APPROVE_BLACKLISTING);
	}

	@Test
	void shouldRefuseBadInputAndStoreNothing() {
		String customerId = newCustomerId();
		long instancesBefore = this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(BlacklistProcess.KEY)
			.count();

		assertThatThrownBy(() -> propose(SUPERVISOR, customerId, "   ", null))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessage("The blacklist proposal cannot be recorded: 'reason' is required");
		assertThatThrownBy(() -> propose(SUPERVISOR, customerId, "x".repeat(1001), null))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("'reason' is longer than 1000 characters");
		assertThatThrownBy(() -> propose(SUPERVISOR, "C 1001/7", "Fraud", null))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("'customerId' must be a customer id");
		assertThatThrownBy(() -> propose(SUPERVISOR, "", "", null)).isInstanceOf(BadUserRequestException.class)
			.hasMessage("The blacklist proposal cannot be recorded: 'customerId' is required; 'reason' is required");
		assertThatThrownBy(() -> propose(SUPERVISOR, customerId, "Fraud", "y".repeat(4001)))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("'evidence' is longer than 4000 characters");

		assertThat(this.registry.history(customerId)).isEmpty();
		assertThat(this.registry.history("C 1001/7")).isEmpty();
		assertThat(this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(BlacklistProcess.KEY)
			.count()).isEqualTo(instancesBefore);
	}

	@Test
	void shouldLeaveTheDecisionToADirectorNotToWhoeverProposed() {
		String customerId = newCustomerId();
		ProcessInstance instance = propose(SUPERVISOR, customerId, "Threatened our staff", null);
		Task approve = task(instance, Elements.APPROVE_BLACKLISTING);

		// supervisors propose; the approval is not theirs to work on
		assertThatThrownBy(() -> complete(approve, SUPERVISOR, "blacklistApproved", true))
			.isInstanceOf(AuthorizationException.class);

		// someone in both groups (an acting director) does not approve their own proposal
		List<String> bothGroups = List.of(Groups.SUPERVISORS, Groups.DIRECTORS);
		ProcessInstance own = proposeAs("acting1", bothGroups, newCustomerId(), "Threatened our staff");
		Task ownApproval = task(own, Elements.APPROVE_BLACKLISTING);
		// a refusal in a task listener reaches the caller wrapped by the engine (ENGINE-03051)
		assertThatThrownBy(() -> complete(ownApproval, "acting1", bothGroups, "blacklistApproved", true))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("acting1 proposed this blacklisting and may not decide on it");
		assertThat(own).isWaitingAt(Elements.APPROVE_BLACKLISTING);

		assertThatThrownBy(() -> complete(approve, DIRECTOR, "directorComment", "Yes"))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("'blacklistApproved' is required");
		assertThat(entry(customerId).status()).isEqualTo(BlacklistStatus.PROPOSED);
	}

	// --- helpers

	private ProcessInstance propose(String user, String customerId, String reason, String evidence) {
		return proposeAs(user, List.of(TestUsers.USERS.get(user)), customerId, reason, evidence);
	}

	private ProcessInstance proposeAs(String user, List<String> groups, String customerId, String reason) {
		return proposeAs(user, groups, customerId, reason, null);
	}

	/** Submits the start form in Tasklist as {@code user}: blank fields arrive as "". */
	private ProcessInstance proposeAs(String user, List<String> groups, String customerId, String reason,
			String evidence) {
		Map<String, Object> form = new HashMap<>();
		form.put("customerId", customerId);
		form.put("reason", reason);
		form.put("evidence", (evidence != null) ? evidence : "");
		this.engine.getIdentityService().setAuthentication(user, groups);
		try {
			return this.engine.getFormService().submitStartForm(definitionId(), form);
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	private void complete(Task task, String user, Object... variables) {
		complete(task, user, List.of(TestUsers.USERS.get(user)), variables);
	}

	private void complete(Task task, String user, List<String> groups, Object... variables) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < variables.length; i += 2) {
			values.put((String) variables[i], variables[i + 1]);
		}
		this.engine.getIdentityService().setAuthentication(user, groups);
		try {
			this.engine.getTaskService().complete(task.getId(), values);
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	private Task task(ProcessInstance instance, String taskDefinitionKey) {
		List<Task> tasks = this.engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
		assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsExactly(taskDefinitionKey);
		return tasks.get(0);
	}

	private List<String> candidateGroups(Task task) {
		return this.engine.getTaskService()
			.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.filter((group) -> group != null)
			.toList();
	}

	private String definitionId() {
		return this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(BlacklistProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
	}

	/** The Camunda Form Tasklist shows for the task, from the same deployment as the model. */
	private String deployedForm(Task task) {
		return read(this.engine.getFormService().getDeployedTaskForm(task.getId()));
	}

	private static String read(InputStream form) {
		try (form) {
			return new String(form.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Job timer(ProcessInstance instance) {
		return this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(Elements.BLACKLIST_EXPIRES)
			.singleResult();
	}

	private long instancesOf(String customerId) {
		return this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(BlacklistProcess.KEY)
			.processInstanceBusinessKeyLike("BL-" + customerId + "-%")
			.count();
	}

	/** The customer's only blacklist entry. */
	private BlacklistEntry entry(String customerId) {
		List<BlacklistEntry> entries = this.registry.history(customerId);
		assertThat(entries).as("blacklist entries of %s", customerId).hasSize(1);
		return entries.get(0);
	}

	private String admit(ClientTier tier) {
		String customerId = newCustomerId();
		this.customers.create(newCustomer(customerId, tier));
		return customerId;
	}

	private static NewCustomer newCustomer(String customerId, ClientTier tier) {
		return new NewCustomer(customerId, "Huaxin Trading", CustomerType.DISTRIBUTOR, "east", "13900000000",
				"Pudong", null, new BigDecimal("1200000"), 0, tier, false, SUPERVISOR);
	}

	/** A fresh id per test: the in-memory database is shared by every test of the run. */
	private static String newCustomerId() {
		return "BLT-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static Date at(String localDateTime) {
		return Date.from(instant(localDateTime));
	}

	private static Instant instant(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(DESK).toInstant();
	}

}
