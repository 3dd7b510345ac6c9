package io.complaintdesk.complaint.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintdesk.base.Reader;
import io.complaintdesk.complaint.ComplaintProcess;
import io.complaintdesk.complaint.NewComplaint;

/**
 * Registers a complaint that arrived through the project API by starting
 * {@code complaint-handling}; taking it in, classifying it and the registry row happen in that one
 * transaction, up to the first task. The typed complaint travels with the start as a transient
 * variable, so the process does not read it back from its variables; a start from Tasklist has
 * only the variables and is checked at the process's edge instead ({@link StartFormInput}).
 * <p>
 * A complaint that names an open case of the same customer as its matter is a further report of
 * that case (POLICY §2): it is added to the case in the same transaction, with the case's row
 * locked, and no instance starts.
 */
@Service
public class ComplaintIntake {

	private final RuntimeService runtime;

	private final SameMatter sameMatter;

	private final TransactionTemplate transaction;

	ComplaintIntake(RuntimeService runtime, SameMatter sameMatter, PlatformTransactionManager transactionManager) {
		this.runtime = runtime;
		this.sameMatter = sameMatter;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** Registers the complaint for whoever is authenticated with the engine (nobody: the desk itself). */
	public RegisteredComplaint register(NewComplaint complaint) {
		return register(complaint, this.sameMatter.currentReader());
	}

	/**
	 * Registers the complaint, or adds it to the open case it reports again.
	 * @param reader who registers: only a case they may read counts as the complaint's matter;
	 * {@code null}: the desk itself
	 */
	public RegisteredComplaint register(NewComplaint complaint, Reader reader) {
		return this.transaction.execute((status) -> this.sameMatter.openCase(complaint, reader)
			.map((open) -> this.sameMatter.addTo(open, complaint, (reader != null) ? reader.userId() : null))
			.orElseGet(() -> start(complaint)));
	}

	private RegisteredComplaint start(NewComplaint complaint) {
		VariableMap variables = complaint.toVariables();
		variables.put(ComplaintProcess.NEW_COMPLAINT, Variables.objectValue(complaint, true).create());
		ProcessInstanceWithVariables instance = this.runtime.createProcessInstanceByKey(ComplaintProcess.KEY)
			.setVariables(variables)
			.executeWithVariablesInReturn();
		VariableMap result = instance.getVariables();
		return new RegisteredComplaint(ComplaintProcess.CASE_NUMBER.from(result), instance.getId(),
				ComplaintProcess.LEVEL.from(result), ComplaintProcess.MAJOR.from(result), false);
	}

	/**
	 * The answer of {@code POST /api/complaints} (CONTRACT): the new case, or with {@code duplicate}
	 * the open case the report was added to.
	 */
	public record RegisteredComplaint(String caseNumber, String processInstanceId, Integer level, Boolean major,
			boolean duplicate) {

		public RegisteredComplaint(String caseNumber, String processInstanceId, Integer level, Boolean major) {
			this(caseNumber, processInstanceId, level, major, false);
		}

	}

}
