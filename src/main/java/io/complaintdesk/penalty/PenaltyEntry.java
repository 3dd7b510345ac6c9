package io.complaintdesk.penalty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the penalty ledger. A voided entry stays in the ledger with who voided it and why,
 * and no longer counts.
 *
 * @param person the user responsible, or the candidate group when no one had claimed the task
 * @param occurrenceKey which breach of the rule on this case; one entry per case, rule and key
 * @param recordedBy the supervisor who entered it by hand; {@code null} when a process recorded it
 */
public record PenaltyEntry(long id, String caseNumber, String person, PenaltyRule rule, BigDecimal amount,
		String occurrenceKey, Instant recordedAt, String recordedBy, String detail, Instant voidedAt,
		String voidedBy, String voidReason) {

	/** Serialized as {@code voided}, so that a client need not test for a missing field. */
	public boolean isVoided() {
		return this.voidedAt != null;
	}

}
