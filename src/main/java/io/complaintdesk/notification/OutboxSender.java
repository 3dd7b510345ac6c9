package io.complaintdesk.notification;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.ComplaintRegistry.ComplaintRecord;
import io.complaintdesk.notification.Notification.Status;

/**
 * Mails the outbox. Every node runs it; they share the table, so each row is claimed before it is
 * sent ({@code claimed_by}, {@code claimed_until}) and only the node whose claim succeeded sends
 * it. The claim is taken row by row, just before sending, so the lease covers one mail, not a
 * batch. A node that dies after sending but before marking the row sends it again after the
 * lease (at least once; in practice once).
 * <p>
 * A failed attempt keeps the row PENDING, stores the error and holds the claim until the retry
 * time (doubling delays); after the last allowed attempt the row is FAILED. Without a
 * {@link JavaMailSender} (no {@code spring.mail.host}, the demo run) nothing is sent and the rows
 * stay PENDING, readable through {@code GET /api/notifications}.
 */
@Component
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	/** JavaMail waits forever by default; a hung server must not outlast the lease */
	private static final String TIMEOUT_MILLIS = "10000";

	private final JdbcTemplate jdbc;

	private final Notifications notifications;

	private final JavaMailSender mail;

	private final IdentityService identity;

	private final ComplaintRegistry complaints;

	private final NotificationProperties properties;

	private final String node;

	OutboxSender(JdbcTemplate jdbc, Notifications notifications, Optional<JavaMailSender> mail,
			IdentityService identity, ComplaintRegistry complaints, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.mail = mail.orElse(null);
		this.identity = identity;
		this.complaints = complaints;
		this.properties = properties;
		this.node = (properties.node() != null && !properties.node().isBlank()) ? properties.node()
				: ManagementFactory.getRuntimeMXBean().getName();
		if (this.mail instanceof JavaMailSenderImpl impl) {
			for (String timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
				impl.getJavaMailProperties().putIfAbsent("mail.smtp." + timeout, TIMEOUT_MILLIS);
			}
		}
	}

	@EventListener(ApplicationStartedEvent.class)
	void announce() {
		if (this.mail == null) {
			log.info("Mail is off (no spring.mail.host): notifications stay PENDING in the outbox, "
					+ "readable at GET /api/notifications");
		}
		else {
			log.info("Mailing notifications from {} every {} as node {}", this.properties.from(),
					this.properties.sendInterval(), this.node);
		}
	}

	@Scheduled(fixedDelayString = "${complaint-desk.notifications.send-interval:PT15S}",
			initialDelayString = "${complaint-desk.notifications.send-interval:PT15S}")
	void run() {
		sendPending();
	}

	/**
	 * Sends the due PENDING rows of one batch that this node manages to claim.
	 * @return how many rows this node claimed and dealt with (sent, failed or held)
	 */
	int sendPending() {
		if (this.mail == null) {
			return 0;
		}
		// identity queries without a user's authorization checks; restores the caller's, if any
		Authentication caller = this.identity.getCurrentAuthentication();
		this.identity.clearAuthentication();
		try {
			int handled = 0;
			for (long id : due()) {
				if (claim(id)) {
					this.notifications.byId(id).ifPresent(this::send);
					handled++;
				}
			}
			return handled;
		}
		finally {
			if (caller != null) {
				this.identity.setAuthentication(caller);
			}
		}
	}

	String node() {
		return this.node;
	}

	private List<Long> due() {
		return this.jdbc.queryForList("""
				SELECT id FROM notification_outbox
				WHERE status = ? AND (claimed_until IS NULL OR claimed_until < ?)
				ORDER BY created_at, id LIMIT ?""", Long.class, Status.PENDING.name(), timestamp(now()),
				this.properties.batchSize());
	}

	// its own statement, committed at once (no surrounding transaction): other nodes see the claim
	private boolean claim(long id) {
		Instant now = now();
		return this.jdbc.update("""
				UPDATE notification_outbox SET claimed_by = ?, claimed_until = ?
				WHERE id = ? AND status = ? AND (claimed_until IS NULL OR claimed_until < ?)""", this.node,
				timestamp(now.plus(this.properties.lease())), id, Status.PENDING.name(), timestamp(now)) == 1;
	}

	private void send(Notification notification) {
		List<String> addresses;
		try {
			addresses = addresses(notification);
			if (addresses.isEmpty()) {
				hold(notification);
				return;
			}
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(this.properties.from());
			message.setTo(addresses.toArray(String[]::new));
			message.setSubject(notification.subject());
			message.setText(notification.body());
			message.setSentDate(ClockUtil.now());
			this.mail.send(message);
		}
		catch (RuntimeException ex) {
			failed(notification, ex);
			return;
		}
		sent(notification, addresses);
	}

	private List<String> addresses(Notification notification) {
		List<User> users;
		if (notification.recipientUser() != null) {
			users = this.identity.createUserQuery().userId(notification.recipientUser()).unlimitedList();
		}
		else {
			// POLICY §1: the employee a complaint is about does not get mail about it
			String accused = (notification.caseNumber() != null) ? this.complaints.find(notification.caseNumber())
				.map(ComplaintRecord::accusedEmployee)
				.orElse(null) : null;
			users = this.identity.createUserQuery()
				.memberOfGroup(notification.recipientGroup())
				.unlimitedList()
				.stream()
				.filter((user) -> !user.getId().equals(accused))
				.toList();
		}
		return List.copyOf(users.stream()
			.map(User::getEmail)
			.filter(Objects::nonNull)
			.map(String::trim)
			.filter((email) -> !email.isEmpty())
			.collect(Collectors.toCollection(TreeSet::new)));
	}

	private void sent(Notification notification, List<String> addresses) {
		int rows = this.jdbc.update("""
				UPDATE notification_outbox SET status = ?, attempts = attempts + 1, recipient_addresses = ?,
				    sent_at = ?, last_error = NULL, claimed_until = NULL
				WHERE id = ? AND claimed_by = ? AND status = ?""", Status.SENT.name(),
				Notifications.cut(String.join(",", addresses), Notifications.MAX_TEXT), timestamp(now()),
				notification.id(), this.node, Status.PENDING.name());
		if (rows != 1) {
			log.warn("Notification {} was sent, but its claim had passed to another node: it may go out twice",
					notification.dedupKey());
		}
	}

	private void failed(Notification notification, RuntimeException ex) {
		int attempts = notification.attempts() + 1;
		boolean last = attempts >= this.properties.maxAttempts();
		Instant retryAt = now().plus(this.properties.retryDelayAfter(attempts));
		this.jdbc.update("""
				UPDATE notification_outbox SET status = ?, attempts = ?, last_error = ?, claimed_until = ?
				WHERE id = ? AND claimed_by = ? AND status = ?""", (last ? Status.FAILED : Status.PENDING).name(),
				attempts, Notifications.cut(describe(ex), Notifications.MAX_TEXT), last ? null : timestamp(retryAt),
				notification.id(), this.node, Status.PENDING.name());
		if (last) {
			log.error("Notification {} failed {} times, giving up: {}", notification.dedupKey(), attempts,
					describe(ex));
		}
		else {
			log.warn("Notification {} failed (attempt {} of {}), retrying at {}: {}", notification.dedupKey(),
					attempts, this.properties.maxAttempts(), retryAt, describe(ex));
		}
	}

	private void hold(Notification notification) {
		String who = (notification.recipientUser() != null) ? "user " + notification.recipientUser()
				: "any member of group " + notification.recipientGroup();
		this.jdbc.update("""
				UPDATE notification_outbox SET status = ?, last_error = ?, recipient_addresses = NULL,
				    claimed_until = NULL
				WHERE id = ? AND claimed_by = ? AND status = ?""", Status.HELD.name(),
				"No e-mail address for " + who, notification.id(), this.node, Status.PENDING.name());
		log.warn("Notification {} held: no e-mail address for {}", notification.dedupKey(), who);
	}

	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			text.append(" / ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
		}
		return text.toString();
	}

	private static Instant now() {
		return ClockUtil.now().toInstant();
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant);
	}

}
