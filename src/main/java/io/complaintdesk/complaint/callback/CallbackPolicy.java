package io.complaintdesk.complaint.callback;

import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintDeskProperties;

/**
 * The callback rules of POLICY §6, from configuration: how many attempts before a customer counts
 * as unreachable, how long to wait between them, and which answers close the case. Also the
 * bean {@code callbackPolicy} the callback model's timer reads its duration from.
 */
@Component("callbackPolicy")
public class CallbackPolicy {

	private final ComplaintDeskProperties.Callback callback;

	CallbackPolicy(ComplaintDeskProperties properties) {
		this.callback = properties.callback();
	}

	/** ISO-8601 duration for the timer "Wait for another day", e.g. {@code P1D}. */
	public String getRetryDelay() {
		return this.callback.retryDelay().toString();
	}

	public int getMaxAttempts() {
		return this.callback.maxAttempts();
	}

	/** Answers 1 (very satisfied) to 3 (acceptable) close the case; 4 and 5 upgrade it. */
	public boolean isSatisfied(int satisfaction) {
		return satisfaction <= this.callback.satisfiedUpTo();
	}

	/** After a failed attempt: may we try again on another day? */
	public boolean mayRetry(int attemptsSoFar) {
		return attemptsSoFar < this.callback.maxAttempts();
	}

}
