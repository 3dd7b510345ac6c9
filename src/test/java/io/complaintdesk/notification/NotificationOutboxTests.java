package io.complaintdesk.notification;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.complaintdesk.complaint.Category;
import io.complaintdesk.complaint.Channel;
import io.complaintdesk.complaint.ComplainantType;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.RegistryRows;
import io.complaintdesk.complaint.Demand;
import io.complaintdesk.notification.Notification.Status;

/**
 * The outbox against a real SMTP server (GreenMail on a free port): rows written with the caller's
 * transaction, mailed by the sender to the addresses of the Camunda users, once per dedup key and
 * once across racing nodes; a server that is down leaves the row PENDING for a later attempt and
 * never touches the process step that wrote it.
 * <p>
 * The scheduled run is pushed out of the way (once an hour); the tests call the sender themselves.
 */
@SpringBootTest(properties = "complaint-desk.notifications.send-interval=PT1H")
@ActiveProfiles("test")
class NotificationOutboxTests {

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	private static final String GROUP = "mail-desk";

	private static final String NOBODY_GROUP = "mail-nobody";

	private static final String FROM = "complaint-desk@localhost";

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	java.time.Clock clock;

	@Autowired
	io.complaintdesk.engine.Privileged privileged;

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxSender sender;

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	IdentityService identity;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	TaskService tasks;

	@Autowired
	ComplaintRegistry complaints;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	TransactionTemplate transaction;

	Deployment deployment;

	@BeforeEach
	void setUp() throws Exception {
		TestClock.reset();
		this.identity.clearAuthentication();
		this.transaction = new TransactionTemplate(this.transactionManager);
		greenMail.purgeEmailFromAllMailboxes();
		user("mailone", "mailone@desk.test", GROUP);
		user("mailtwo", "mailtwo@desk.test", GROUP);
		user("mailnone", null, GROUP, NOBODY_GROUP);
	}

	@AfterEach
	void tearDown() {
		TestClock.reset();
		if (this.deployment != null) {
			this.repository.deleteDeployment(this.deployment.getId(), true);
		}
	}

	@Test
	void shouldMailEveryMemberOfTheGroupWithAnAddress() throws Exception {
		String caseNumber = caseNumber();
		inTransaction(() -> this.notifications.notifyGroup(caseNumber + ":major-warning", caseNumber, GROUP,
				"重大投诉 " + caseNumber, "Complaint " + caseNumber + " is major (重大投诉): warn within 24 hours."));
		assertThat(single(caseNumber).status()).isEqualTo(Status.PENDING);
		assertThat(mails(caseNumber)).isEmpty();

		assertThat(this.sender.sendPending()).isPositive();

		List<MimeMessage> mails = mails(caseNumber);
		// one delivery per recipient, one message addressed to both
		assertThat(mails).hasSize(2);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getSubject()).isEqualTo("重大投诉 " + caseNumber);
		assertThat(((String) mail.getContent()).trim())
			.isEqualTo("Complaint " + caseNumber + " is major (重大投诉): warn within 24 hours.");
		assertThat(addresses(mail.getFrom())).containsExactly(FROM);
		assertThat(addresses(mail.getAllRecipients())).containsExactlyInAnyOrder("mailone@desk.test",
				"mailtwo@desk.test");
		assertThat(mailbox("mailone@desk.test", caseNumber)).isEqualTo(1);
		assertThat(mailbox("mailtwo@desk.test", caseNumber)).isEqualTo(1);

		Notification sent = single(caseNumber);
		assertThat(sent.status()).isEqualTo(Status.SENT);
		assertThat(sent.attempts()).isEqualTo(1);
		assertThat(sent.recipientAddresses()).containsExactly("mailone@desk.test", "mailtwo@desk.test");
		assertThat(sent.sentAt()).isNotNull();
		assertThat(sent.claimedBy()).isEqualTo(this.sender.node());
		assertThat(sent.lastError()).isNull();
	}

	@Test
	void shouldMailOneUser() throws Exception {
		String caseNumber = caseNumber();
		inTransaction(() -> this.notifications.notifyUser(caseNumber + ":overdue:mailtwo", caseNumber, "mailtwo",
				"Overdue " + caseNumber, "Please close " + caseNumber));

		this.sender.sendPending();

		List<MimeMessage> mails = mails(caseNumber);
		assertThat(mails).hasSize(1);
		assertThat(addresses(mails.get(0).getAllRecipients())).containsExactly("mailtwo@desk.test");
		assertThat(single(caseNumber).status()).isEqualTo(Status.SENT);
		assertThat(single(caseNumber).recipientUser()).isEqualTo("mailtwo");
	}

	@Test
	void shouldKeepOneRowAndSendOneMailForTheSameKey() throws Exception {
		String caseNumber = caseNumber();
		String key = caseNumber + ":major-warning";
		inTransaction(() -> {
			this.notifications.notifyUser(key, caseNumber, "mailone", "First " + caseNumber, "first");
			this.notifications.notifyUser(key, caseNumber, "mailone", "Second " + caseNumber, "second");
		});
		inTransaction(() -> this.notifications.notifyUser(key, caseNumber, "mailone", "Third " + caseNumber, "third"));
		assertThat(this.notifications.find(caseNumber)).singleElement()
			.satisfies((n) -> assertThat(n.subject()).isEqualTo("First " + caseNumber));

		this.sender.sendPending();
		this.sender.sendPending();
		inTransaction(() -> this.notifications.notifyUser(key, caseNumber, "mailone", "Late " + caseNumber, "late"));
		this.sender.sendPending();

		assertThat(mails(caseNumber)).singleElement()
			.satisfies((mail) -> assertThat(mail.getSubject()).isEqualTo("First " + caseNumber));
		assertThat(this.notifications.find(caseNumber)).singleElement()
			.satisfies((n) -> assertThat(n.status()).isEqualTo(Status.SENT));
	}

	@Test
	void shouldWriteNothingWhenTheCallersTransactionRollsBack() throws Exception {
		String caseNumber = caseNumber();
		this.transaction.executeWithoutResult((status) -> {
			this.notifications.notifyGroup(caseNumber + ":warning", caseNumber, GROUP, "Warning " + caseNumber, "body");
			status.setRollbackOnly();
		});

		assertThat(this.notifications.find(caseNumber)).isEmpty();
		this.sender.sendPending();
		assertThat(mails(caseNumber)).isEmpty();
	}

	@Test
	void shouldKeepTheCallersTransactionWhenAnotherWritesTheSameKeyConcurrently() throws Exception {
		String caseNumber = caseNumber();
		String key = caseNumber + ":race";
		CountDownLatch firstWrote = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = pool.submit(() -> inTransaction(() -> {
				this.notifications.notifyUser(key, caseNumber, "mailone", "First " + caseNumber, "first");
				firstWrote.countDown();
				// commit while the second transaction is inserting the same key
				// hold the uncommitted row while the second runs into it (a race, not a timer: no clock to move)
				sleep(500);
			}));
			Future<?> second = pool.submit(() -> {
				await(firstWrote);
				inTransaction(() -> {
					this.notifications.notifyUser(key, caseNumber, "mailone", "Second " + caseNumber, "second");
					// the transaction is still usable (PostgreSQL would refuse every statement after a failed one)
					this.notifications.notifyUser(key + ":after", caseNumber, "mailone", "After " + caseNumber,
							"after");
				});
			});
			first.get(60, TimeUnit.SECONDS);
			second.get(60, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.notifications.find(caseNumber)).extracting(Notification::subject)
			.containsExactlyInAnyOrder("First " + caseNumber, "After " + caseNumber);
	}

	@Test
	void shouldKeepTheRowPendingAndTheProcessStepWhenTheMailServerIsDown() throws Exception {
		deployNotifyingProcess();
		String caseNumber = caseNumber();
		ProcessInstance instance = this.runtime.startProcessInstanceByKey("notificationOutboxTest", caseNumber,
				Map.of("dedupKey", caseNumber + ":handling", "subject", "Handle " + caseNumber, "body", "Please handle"));
		assertThat(single(caseNumber).status()).isEqualTo(Status.PENDING);

		OutboxSender down = sender("down-node", Optional.of(closedMailServer()), 10);
		Instant failedAt = TestClock.now().toInstant();
		assertThat(down.sendPending()).isPositive();

		Notification failed = single(caseNumber);
		assertThat(failed.status()).isEqualTo(Status.PENDING);
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.lastError()).isNotBlank();
		assertThat(failed.claimedBy()).isEqualTo("down-node");
		// held back for the first retry delay (PT1M)
		assertThat(failed.claimedUntil()).isAfterOrEqualTo(failedAt.plus(Duration.ofMinutes(1)).minusSeconds(1));
		assertThat(failed.sentAt()).isNull();
		// the process step that wrote the notification stands: the case waits in its next task
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult())
			.isNotNull();
		assertThat(this.tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
			.isEqualTo("handle");

		// not retried before its time, even by a node whose mail works
		this.sender.sendPending();
		assertThat(single(caseNumber).attempts()).isEqualTo(1);
		assertThat(mails(caseNumber)).isEmpty();

		// after the retry delay the server is back
		TestClock.setCurrentTime(Date.from(failedAt.plus(Duration.ofMinutes(2))));
		this.sender.sendPending();
		Notification sent = single(caseNumber);
		assertThat(sent.status()).isEqualTo(Status.SENT);
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(sent.lastError()).isNull();
		assertThat(mails(caseNumber)).hasSize(2);
	}

	@Test
	void shouldGiveUpAfterTheLastAttempt() throws Exception {
		String caseNumber = caseNumber();
		inTransaction(() -> this.notifications.notifyUser(caseNumber + ":x", caseNumber, "mailone", "Lost " + caseNumber,
				"body"));
		OutboxSender down = sender("down-node", Optional.of(closedMailServer()), 2);
		Instant start = TestClock.now().toInstant();

		down.sendPending();
		assertThat(single(caseNumber).status()).isEqualTo(Status.PENDING);
		TestClock.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(2))));
		down.sendPending();

		Notification failed = single(caseNumber);
		assertThat(failed.status()).isEqualTo(Status.FAILED);
		assertThat(failed.attempts()).isEqualTo(2);
		assertThat(failed.lastError()).isNotBlank();
		TestClock.setCurrentTime(Date.from(start.plus(Duration.ofDays(1))));
		this.sender.sendPending();
		assertThat(single(caseNumber).status()).isEqualTo(Status.FAILED);
		assertThat(mails(caseNumber)).isEmpty();
	}

	@Test
	void shouldDoubleTheRetryDelayUpToTheLongest() {
		NotificationProperties properties = properties("any", 10);
		assertThat(IntStream.rangeClosed(1, 9).mapToObj(properties::retryDelayAfter).map(Duration::toMinutes))
			.containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
	}

	@Test
	void shouldHoldNotificationThatNobodyCanReceive() throws Exception {
		String caseNumber = caseNumber();
		inTransaction(() -> this.notifications.notifyGroup(caseNumber + ":x", caseNumber, NOBODY_GROUP,
				"Nobody " + caseNumber, "body"));

		this.sender.sendPending();

		Notification held = single(caseNumber);
		assertThat(held.status()).isEqualTo(Status.HELD);
		assertThat(held.lastError()).isEqualTo("无法发送：用户组 mail-nobody 的成员都没有电子邮件地址");
		assertThat(held.attempts()).isZero();
		assertThat(mails(caseNumber)).isEmpty();
	}

	@Test
	void shouldNotMailTheEmployeeTheComplaintIsAbout() throws Exception {
		String caseNumber = caseNumber();
		// the complaint package names the accused when it writes the notification
		inTransaction(() -> this.notifications.notifyGroupExcept(caseNumber + ":x", caseNumber, GROUP, "mailtwo",
				"About " + caseNumber, "body"));

		this.sender.sendPending();

		assertThat(mails(caseNumber)).singleElement()
			.satisfies((mail) -> assertThat(addresses(mail.getAllRecipients())).containsExactly("mailone@desk.test"));
		assertThat(mailbox("mailtwo@desk.test", caseNumber)).isZero();
		assertThat(single(caseNumber).recipientAddresses()).containsExactly("mailone@desk.test");
	}

	@Test
	void shouldSendEachMailOnceWhenTwoNodesRace() throws Exception {
		String caseNumber = caseNumber();
		int count = 20;
		inTransaction(() -> IntStream.range(0, count)
			.forEach((i) -> this.notifications.notifyUser(caseNumber + ":" + i, caseNumber, "mailone",
					caseNumber + " #" + i, "body " + i)));
		OutboxSender nodeA = sender("node-a", Optional.of(this.mailSender), 10);
		OutboxSender nodeB = sender("node-b", Optional.of(this.mailSender), 10);

		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		try {
			for (OutboxSender node : List.of(nodeA, nodeB)) {
				Callable<Integer> run = () -> {
					start.await();
					return node.sendPending();
				};
				runs.add(pool.submit(run));
			}
			start.countDown();
			int handled = 0;
			for (Future<Integer> run : runs) {
				handled += run.get(60, TimeUnit.SECONDS);
			}
			assertThat(handled).isGreaterThanOrEqualTo(count);
		}
		finally {
			pool.shutdownNow();
		}

		List<String> subjects = new ArrayList<>();
		for (MimeMessage mail : mails(caseNumber)) {
			subjects.add(mail.getSubject());
		}
		assertThat(subjects).hasSize(count)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(IntStream.range(0, count).mapToObj((i) -> caseNumber + " #" + i).toList());
		assertThat(this.notifications.find(caseNumber)).hasSize(count).allSatisfy((n) -> {
			assertThat(n.status()).isEqualTo(Status.SENT);
			assertThat(n.attempts()).isEqualTo(1);
			assertThat(n.claimedBy()).isIn("node-a", "node-b");
		});
	}

	// ------------------------------------------------------------------ helpers

	private void deployNotifyingProcess() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("notificationOutboxTest")
			.name("Notification outbox test")
			.startEvent("started")
			.serviceTask("notify")
			.name("Notify the desk")
			.camundaExpression(
					"${notifications.notifyGroup(dedupKey, execution.processBusinessKey, '" + GROUP + "', subject, body)}")
			.userTask("handle")
			.name("Handle")
			.endEvent("ended")
			.done();
		this.deployment = this.repository.createDeployment()
			.addModelInstance("notification-outbox-test.bpmn", model)
			.deploy();
	}

	private OutboxSender sender(String node, Optional<JavaMailSender> mail, int maxAttempts) {
		return new OutboxSender(this.notifications, mail, this.identity, this.privileged, properties(node, maxAttempts),
				this.clock);
	}

	private static NotificationProperties properties(String node, int maxAttempts) {
		return new NotificationProperties(FROM, Duration.ofHours(1), Duration.ofMinutes(2), maxAttempts, 50,
				Duration.ofMinutes(1), Duration.ofHours(1), node);
	}

	private static JavaMailSender closedMailServer() {
		JavaMailSenderImpl closed = new JavaMailSenderImpl();
		closed.setHost("127.0.0.1");
		closed.setPort(freePort());
		return closed;
	}

	private void inTransaction(Runnable work) {
		this.transaction.executeWithoutResult((status) -> work.run());
	}

	private Notification single(String caseNumber) {
		List<Notification> found = this.notifications.find(caseNumber);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static List<MimeMessage> mails(String caseNumber) throws MessagingException {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage mail : greenMail.getReceivedMessages()) {
			if (mail.getSubject() != null && mail.getSubject().contains(caseNumber)) {
				found.add(mail);
			}
		}
		return found;
	}

	/** What the mailbox of the address received about the case (the SMTP envelope, not the header). */
	private static long mailbox(String address, String caseNumber) {
		return greenMail.findReceivedMessages((user) -> address.equals(user.getEmail()), (mail) -> {
			try {
				return mail.getSubject().contains(caseNumber);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
	}

	private static List<String> addresses(Address[] addresses) {
		return Arrays.stream(addresses).map(Address::toString).toList();
	}

	private static String caseNumber() {
		return "NTF-" + UUID.randomUUID().toString().substring(0, 13);
	}

	private void user(String id, String email, String... groups) {
		if (this.identity.createUserQuery().userId(id).count() == 0) {
			User user = this.identity.newUser(id);
			user.setEmail(email);
			this.identity.saveUser(user);
		}
		for (String group : groups) {
			if (this.identity.createGroupQuery().groupId(group).count() == 0) {
				this.identity.saveGroup(this.identity.newGroup(group));
			}
			if (this.identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
				this.identity.createMembership(id, group);
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
