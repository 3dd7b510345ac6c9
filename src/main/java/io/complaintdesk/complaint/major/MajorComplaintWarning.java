package io.complaintdesk.complaint.major;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.complaintdesk.customer.ContactMasking;
import io.complaintdesk.base.Groups;
import io.complaintdesk.base.ProcessVariable;
import io.complaintdesk.engine.Privileged;

/**
 * Message throw events "Early warning to brand and legal" of {@code complaint-handling}: send the
 * message {@value #MESSAGE} that starts {@code major-complaint-warning} (POLICY §4: early warning
 * to brand and legal within 24 hours, crisis team convened by the general manager), in the same
 * transaction as the classification. The gateway before it lets it run once per case.
 */
@Component("raiseMajorWarning")
public class MajorComplaintWarning implements JavaDelegate {

	public static final String PROCESS_KEY = "major-complaint-warning";

	/** the message start event of {@code major-complaint-warning} */
	public static final String MESSAGE = "MajorComplaintRaised";

	private final RuntimeService runtime;

	private final Privileged privileged;

	private final AuthorizationService authorizations;

	MajorComplaintWarning(RuntimeService runtime, Privileged privileged, AuthorizationService authorizations) {
		this.authorizations = authorizations;
		this.runtime = runtime;
		this.privileged = privileged;
	}

	private static final List<ProcessVariable<?>> SUMMARY = List.of(CASE_NUMBER, CUSTOMER_ID, CUSTOMER_NAME,
			CONTACT_PHONE, CHANNEL, COMPLAINANT_TYPE, CATEGORY, DESCRIPTION, DEMAND, LEVEL, MAJOR, ROUND, CLIENT_TIER,
			PRIORITY_CLIENT, ACCUSED_EMPLOYEE, RECEIVED_AT, CLOSE_BY, RECEIVED_ON, CLOSE_ON, BLACKLISTED);

	private void grantBrandAndLegal(String processInstanceId) {
		Map<Resources, Permission> reads = Map.of(Resources.PROCESS_INSTANCE, Permissions.READ,
				Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ);
		for (Map.Entry<Resources, Permission> read : reads.entrySet()) {
			Resources resource = read.getKey();
			boolean granted = this.authorizations.createAuthorizationQuery()
				.groupIdIn(Groups.BRAND_LEGAL)
				.resourceType(resource)
				.resourceId(processInstanceId)
				.count() > 0;
			if (!granted) {
				Authorization grant = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				grant.setGroupId(Groups.BRAND_LEGAL);
				grant.setResource(resource);
				grant.setResourceId(processInstanceId);
				grant.addPermission(read.getValue());
				this.authorizations.saveAuthorization(grant);
			}
		}
	}

	@Override
	public void execute(DelegateExecution execution) {
		MAJOR_WARNING_RAISED.set(execution, true);
		MAJOR_WARNING_DUE.set(execution, false);
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
		// POLICY §9: brand and legal read major complaints, this one from now on
		this.privileged.run(() -> grantBrandAndLegal(execution.getProcessInstanceId()));
		this.privileged.run(() -> this.runtime.createMessageCorrelation(MESSAGE)
			.processInstanceBusinessKey(CASE_NUMBER.require(execution))
			.setVariables(variables)
			.correlateStartMessage());
	}

}
