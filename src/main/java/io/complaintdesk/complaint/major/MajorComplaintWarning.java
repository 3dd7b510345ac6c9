package io.complaintdesk.complaint.major;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.complaintdesk.customer.ContactMasking;
import io.complaintdesk.system.ProcessVariable;

/**
 * Starts {@code major-complaint-warning} the first time a case is classified major (POLICY §4:
 * early warning to brand and legal within 24 hours, crisis team convened by the general manager),
 * in the same transaction as the classification.
 */
@Component
public class MajorComplaintWarning {

	public static final String PROCESS_KEY = "major-complaint-warning";

	private static final List<ProcessVariable<?>> SUMMARY = List.of(CASE_NUMBER, CUSTOMER_ID, CUSTOMER_NAME,
			CONTACT_PHONE, CHANNEL, COMPLAINANT_TYPE, CATEGORY, DESCRIPTION, DEMAND, LEVEL, MAJOR, ROUND, CLIENT_TIER,
			PRIORITY_CLIENT, ACCUSED_EMPLOYEE, RECEIVED_AT, CLOSE_BY, RECEIVED_ON, CLOSE_ON, BLACKLISTED);

	public void raiseOnce(DelegateExecution execution) {
		if (!MAJOR.getOrDefault(execution, false) || MAJOR_WARNING_RAISED.getOrDefault(execution, false)) {
			return;
		}
		MAJOR_WARNING_RAISED.set(execution, true);
		VariableMap variables = Variables.createVariables();
		for (ProcessVariable<?> variable : SUMMARY) {
			if (execution.hasVariable(variable.name())) {
				variables.put(variable.name(), execution.getVariable(variable.name()));
			}
		}
		// brand and legal do not handle the case: they see the customer's phone masked (POLICY §9)
		CONTACT_PHONE.find(execution)
			.ifPresent((phone) -> variables.put(CONTACT_PHONE.name(), ContactMasking.phone(phone)));
		// started by the engine on the case's behalf, whoever completed the step that classified it
		Context.getCommandContext()
			.runWithoutAuthorization(() -> execution.getProcessEngineServices()
				.getRuntimeService()
				.createProcessInstanceByKey(PROCESS_KEY)
				.businessKey(CASE_NUMBER.require(execution))
				.setVariables(variables)
				.execute());
	}

}
