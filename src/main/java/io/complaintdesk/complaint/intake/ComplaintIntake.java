package io.complaintdesk.complaint.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import io.complaintdesk.complaint.ComplaintProcess;
import io.complaintdesk.complaint.NewComplaint;

/**
 * Registers a complaint that arrived through the project API by starting
 * {@code complaint-handling}; taking it in, classifying it and the registry row happen in that one
 * transaction, up to the first task. The typed complaint travels with the start as a transient
 * variable, so the process does not read it back from its variables; a start from Tasklist has
 * only the variables and is checked at the process's edge instead ({@link StartFormInput}).
 */
@Service
public class ComplaintIntake {

	private final RuntimeService runtime;

	ComplaintIntake(RuntimeService runtime) {
		this.runtime = runtime;
	}

	public RegisteredComplaint register(NewComplaint complaint) {
		VariableMap variables = complaint.toVariables();
		variables.put(ComplaintProcess.NEW_COMPLAINT, Variables.objectValue(complaint, true).create());
		ProcessInstanceWithVariables instance = this.runtime.createProcessInstanceByKey(ComplaintProcess.KEY)
			.setVariables(variables)
			.executeWithVariablesInReturn();
		VariableMap result = instance.getVariables();
		return new RegisteredComplaint(ComplaintProcess.CASE_NUMBER.from(result), instance.getId(),
				ComplaintProcess.LEVEL.from(result), ComplaintProcess.MAJOR.from(result));
	}

	/** The answer of {@code POST /api/complaints} (CONTRACT). */
	public record RegisteredComplaint(String caseNumber, String processInstanceId, Integer level, Boolean major) {
	}

}
