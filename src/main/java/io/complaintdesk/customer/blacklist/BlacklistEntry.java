package io.complaintdesk.customer.blacklist;

import java.time.Instant;

/**
 * One row of {@code customer_blacklist}. {@code approvedBy} is the director who decided, also on
 * a refusal; {@code endedAt} is when a refusal or the expiry closed the entry.
 */
public record BlacklistEntry(long id, String customerId, BlacklistStatus status, String reason, String proposedBy,
		Instant proposedAt, String approvedBy, Instant blacklistedAt, Instant blacklistedUntil, Instant endedAt,
		String processInstanceId) {
}
