package io.complaintdesk.notification;

import java.time.Clock;
import java.util.Date;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;
import io.complaintdesk.engine.Privileged;

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

	private final Notifications notifications;

	private final JavaMailSender mail;

	private final IdentityService identity;

	private final Privileged privileged;

	private final NotificationProperties properties;

	private final String node;

	private final Clock clock;

	OutboxSender(Notifications notifications, Optional<JavaMailSender> mail,
			IdentityService identity, Privileged privileged, NotificationProperties properties, Clock clock) {
		this.privileged = privileged;
		this.clock = clock;
		this.notifications = notifications;
		this.mail = mail.orElse(null);
		this.identity = identity;
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
		// identity queries without a user's authorization checks; the caller's, if any, is restored
		return this.privileged.run(() -> {
			int handled = 0;
			for (long id : due()) {
				if (claim(id)) {
					this.notifications.byId(id).ifPresent(this::send);
					handled++;
				}
			}
			return handled;
		});
	}

	String node() {
		return this.node;
	}

	private List<Long> due() {
		return this.notifications.due(now(), this.properties.batchSize());
	}

	private boolean claim(long id) {
		Instant now = now();
		return this.notifications.claim(id, this.node, now, now.plus(this.properties.lease()));
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
			message.setSentDate(Date.from(this.clock.instant()));
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
			String excluded = notification.excludedUser();
			users = this.identity.createUserQuery()
				.memberOfGroup(notification.recipientGroup())
				.unlimitedList()
				.stream()
				.filter((user) -> !user.getId().equals(excluded))
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
		if (!this.notifications.markSent(notification.id(), this.node, addresses, now())) {
			log.warn("Notification {} was sent, but its claim had passed to another node: it may go out twice",
					notification.dedupKey());
		}
	}

	private void failed(Notification notification, RuntimeException ex) {
		int attempts = notification.attempts() + 1;
		boolean last = attempts >= this.properties.maxAttempts();
		Instant retryAt = now().plus(this.properties.retryDelayAfter(attempts));
		this.notifications.markFailed(notification.id(), this.node, attempts, describe(ex), last ? null : retryAt);
		if (last) {
			log.error("Notification {} failed {} times, giving up: {}", notification.dedupKey(), attempts,
					describe(ex));
		}
		else {
			log.warn("Notification {} failed (attempt {} of {}), retrying at {}: {}", notification.dedupKey(),
					attempts, this.properties.maxAttempts(), retryAt, describe(ex));
		}
	}

	/** Nobody to mail it to; why, in Chinese, for the supervisors who read the outbox. */
	private void hold(Notification notification) {
		Text why = (notification.recipientUser() != null) ? Text.of("notification.held.user", notification.recipientUser())
				: Text.of("notification.held.group", notification.recipientGroup());
		this.notifications.markHeld(notification.id(), this.node, Messages.chinese(why));
		log.warn("Notification {} held: {}", notification.dedupKey(), Messages.english(why));
	}

	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			text.append(" / ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
		}
		return text.toString();
	}

	private Instant now() {
		return this.clock.instant();
	}

}
