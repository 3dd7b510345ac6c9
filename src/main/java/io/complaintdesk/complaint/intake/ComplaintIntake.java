package io.complaintdesk.complaint.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;

import io.complaintdesk.complaint.ComplaintProcess;

/**
 * Registers a complaint from any channel by starting {@code complaint-handling}; registration,
 * classification and the registry row happen in that one transaction, up to the first task.
 */
@Service
public class ComplaintIntake {

	private final RuntimeService runtime;

	private final ComplaintRegistration registration;

	ComplaintIntake(RuntimeService runtime, ComplaintRegistration registration) {
		this.runtime = runtime;
		this.registration = registration;
	}

	public RegisteredComplaint register(ComplaintRequest request) {
		this.registration.validate(request);
		ProcessInstanceWithVariables instance = this.runtime.createProcessInstanceByKey(ComplaintProcess.KEY)
			.setVariables(request.toVariables())
			.executeWithVariablesInReturn();
		VariableMap variables = instance.getVariables();
		return new RegisteredComplaint(ComplaintProcess.CASE_NUMBER.from(variables), instance.getId(),
				ComplaintProcess.LEVEL.from(variables), ComplaintProcess.MAJOR.from(variables));
	}

	/** The answer of {@code POST /api/complaints} (CONTRACT). */
	public record RegisteredComplaint(String caseNumber, String processInstanceId, Integer level, Boolean major) {
	}

}
