package io.complaintdesk.notification;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox is mailed. Bound from {@code complaint-desk.notifications.*}; the mail server
 * itself is Spring Boot's {@code spring.mail.*} (no {@code spring.mail.host}: mail is off).
 *
 * @param from sender address of every notification
 * @param sendInterval pause between two runs of the sender on a node
 * @param lease how long a claimed row belongs to the node sending it; longer than one send, so
 * a node that dies mid-send only delays the row
 * @param maxAttempts attempts before a notification is given up as FAILED
 * @param batchSize rows one run looks at
 * @param retryDelay wait after the first failure; doubled after each further one
 * @param maxRetryDelay the longest wait between two attempts
 * @param node this node's name in {@code claimed_by}; {@code pid@host} when not set
 */
@Validated
@ConfigurationProperties("complaint-desk.notifications")
public record NotificationProperties(@NotBlank @DefaultValue("complaint-desk@localhost") String from,
		@NotNull @DefaultValue("PT15S") Duration sendInterval, @NotNull @DefaultValue("PT2M") Duration lease,
		@Min(1) @DefaultValue("10") int maxAttempts, @Min(1) @DefaultValue("50") int batchSize,
		@NotNull @DefaultValue("PT1M") Duration retryDelay, @NotNull @DefaultValue("PT1H") Duration maxRetryDelay,
		String node) {

	/** The wait before the next attempt after the given number of failed ones. */
	Duration retryDelayAfter(int failedAttempts) {
		Duration delay = this.retryDelay;
		for (int i = 1; i < failedAttempts && delay.compareTo(this.maxRetryDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.maxRetryDelay) < 0) ? delay : this.maxRetryDelay;
	}

}
