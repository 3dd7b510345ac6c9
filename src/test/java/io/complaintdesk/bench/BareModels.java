package io.complaintdesk.bench;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The benchmark's reference models, built with the model API and deployed by the benchmark only
 * (never part of {@code processes/}): what the engine does for a complaint without any of the
 * desk's own code, so registration can be compared with it.
 */
final class BareModels {

	/** start → one user task: the cheapest process that waits for a person */
	static final String BARE_TASK = "bench-bare-task";

	/** start → business-rule task on complaint-level → one user task: the engine work of a registration */
	static final String SAME_WORK = "bench-same-work";

	private BareModels() {
	}

	static void deploy(ProcessEngine engine) {
		BpmnModelInstance bare = Bpmn.createExecutableProcess(BARE_TASK)
			.camundaHistoryTimeToLive(3650)
			.startEvent()
			.userTask("work")
			.camundaCandidateGroups("agents")
			.endEvent()
			.done();
		engine.getRepositoryService()
			.createDeployment()
			.name("benchmark models")
			.addModelInstance(BARE_TASK + ".bpmn", bare)
			.addModelInstance(SAME_WORK + ".bpmn", classifyThenWork(SAME_WORK))
			.deploy();
		AuthorizationService authorizations = engine.getAuthorizationService();
		for (String key : new String[] { BARE_TASK, SAME_WORK }) {
			grant(authorizations, Resources.PROCESS_DEFINITION, key, Permissions.READ,
					ProcessDefinitionPermissions.CREATE_INSTANCE);
		}
		grant(authorizations, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
	}

	private static BpmnModelInstance classifyThenWork(String key) {
		return Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(3650)
			.startEvent()
			.businessRuleTask("classify")
			.camundaDecisionRef("complaint-level")
			.userTask("verify")
			.camundaCandidateGroups("agents")
			.endEvent()
			.done();
	}

	private static void grant(AuthorizationService authorizations, Resource resource, String resourceId,
			Permission... permissions) {
		if (authorizations.createAuthorizationQuery()
			.groupIdIn("agents")
			.resourceType(resource)
			.resourceId(resourceId)
			.count() > 0) {
			return;
		}
		Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId("agents");
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		authorizations.saveAuthorization(authorization);
	}

	/** The intake variables of a complaint (what complaint-level reads), for the bare models. */
	static Map<String, Object> complaintVariables(int i) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("customerId", "B-" + i);
		variables.put("customerName", "Li Wei");
		variables.put("contactPhone", "13912345678");
		variables.put("channel", "PHONE");
		variables.put("complainantType", "CONSUMER");
		variables.put("category", "PRODUCT_QUALITY");
		variables.put("description", "Kettle stopped heating two days after purchase");
		variables.put("demand", "REPAIR");
		variables.put("productCode", "KT-200");
		variables.put("storeCode", "SH-01");
		variables.put("clientTier", null);
		for (String flag : new String[] { "repeatComplaint", "emotional", "beyondAuthority", "batchIssue",
				"disturbance", "reputationRisk" }) {
			variables.put(flag, false);
		}
		return variables;
	}

}
