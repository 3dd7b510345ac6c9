package io.complaintdesk.complaint;

import java.time.Duration;
import java.time.Instant;

/**
 * The pauses of a case that have ended (等待客户（暂停计时）), as the case file records them. Resuming
 * moves the deadlines that exist at that moment; a deadline set later but counted from a moment
 * before the pause ended — the callback counted from the end of handling, a solution counted from
 * the round's start — is moved by {@link Deadlines} with the paused working time after that moment.
 */
public interface FinishedPauses {

	/**
	 * The working time the case stood still after {@code from}: each pause resumed since, counted
	 * from its start or from {@code from}, whichever is later.
	 */
	Duration workingTimeAfter(String caseNumber, Instant from);

}
