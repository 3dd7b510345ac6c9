package io.complaintdesk.complaint.verification;

import java.time.Clock;
import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Refusal;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.engine.Actors;
import io.complaintdesk.base.ProcessVariable;
import io.complaintdesk.base.TaskInput;

/**
 * Completion of "Verify complaint" (POLICY §3): the handler says whether the complaint is valid;
 * an invalid one needs the reasoned answer given to the customer, which goes on record.
 */
@Component("recordVerification")
class RecordVerificationListener implements TaskListener {

	private final ComplaintRegistry registry;

	private final Clock clock;

	RecordVerificationListener(ComplaintRegistry registry, Clock clock) {
		this.clock = clock;
		this.registry = registry;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean valid = VALID.require(task);
		String note = TaskInput.optionalText(task, VERIFICATION_NOTE);
		if (!valid && note == null) {
			throw Refusal.of("refusal.verificationNote");
		}
		for (ProcessVariable<Boolean> flag : FLAGS) {
			if (flag.get(task) == null) {
				flag.set(task, false);
			}
		}
		String verifier = Actors.of(task);
		VERIFIED_BY.set(task, verifier);
		this.registry.recordVerification(CASE_NUMBER.require(task), valid, note, verifier, this.clock.instant());
	}

}
