package io.complaintdesk.notification;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * One row of the notification outbox, as {@code GET /api/notifications} shows it.
 *
 * @param id the row's id
 * @param dedupKey the caller's idempotency key
 * @param caseNumber the case it is about, if any
 * @param recipientGroup the Camunda group it goes to (or {@code null})
 * @param recipientUser the Camunda user it goes to (or {@code null})
 * @param recipientAddresses the e-mail addresses resolved at the last attempt to send it
 * @param subject the mail's subject
 * @param body the mail's plain-text body
 * @param createdAt when the process step wrote it
 * @param status where it is
 * @param attempts how often sending was tried
 * @param excludedUser a member of the group who must not get it (POLICY §1), never shown
 * @param lastError why the last attempt failed, or why it is held
 * @param claimedBy the node that claimed it last
 * @param claimedUntil the claim's end: the lease while sending, the retry time after a failure
 * @param sentAt when it was handed to the mail server
 */
public record Notification(long id, String dedupKey, String caseNumber, String recipientGroup, String recipientUser,
		@JsonIgnore String excludedUser,
		List<String> recipientAddresses, String subject, String body, Instant createdAt, Status status,
		int attempts, String lastError, String claimedBy, Instant claimedUntil, Instant sentAt) {

	public enum Status {

		/** waiting to be sent (also while mail is off, and between retries) */
		PENDING,

		/** handed to the mail server */
		SENT,

		/** the last allowed attempt failed; nobody retries it */
		FAILED,

		/** nobody to send it to: no recipient has an e-mail address */
		HELD

	}

}
