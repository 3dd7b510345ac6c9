package io.complaintdesk.complaint.callback;

import org.springframework.stereotype.Component;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.complaintdesk.complaint.CallbackProcess;
import io.complaintdesk.complaint.ComplaintDeskProperties;
import io.complaintdesk.complaint.ComplaintProcess;

/**
 * The callback rules of POLICY §6, from configuration: how many attempts before a customer counts
 * as unreachable, which answers close the case, whether a case is called back at all (not when
 * anonymous) and whether an attempt is on record. Bean {@code callbackPolicy} of the models.
 */
@Component("callbackPolicy")
public class CallbackPolicy {

	private final ComplaintDeskProperties.Callback callback;

	CallbackPolicy(ComplaintDeskProperties properties) {
		this.callback = properties.callback();
	}

	/** POLICY §2 匿名投诉: an anonymous complaint has no callback (a missing variable means not anonymous). */
	public boolean skips(VariableScope scope) {
		return ComplaintProcess.ANONYMOUS.getOrDefault(scope, false);
	}

	/**
	 * POLICY §6: an attempt on record within the deadline is diligence, not a breach; only a case
	 * nobody tried to call back books the missed-callback penalty.
	 */
	public boolean attempted(VariableScope scope) {
		return CallbackProcess.CALLBACK_ATTEMPTS.getOrDefault(scope, 0) > 0;
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
