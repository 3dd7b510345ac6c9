package io.complaintdesk.system;

import io.complaintdesk.base.Groups;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;


/**
 * What each group may do (POLICY §1, §9), granted at every start and idempotently, in every profile:
 * group ids are stable even where the users come from a company directory. Everything is granted
 * per group and process definition, nothing per task or case (README "Who may read a case"): a
 * constant number of rows, whatever the number of open cases. Which task a member may work is
 * narrowed to its candidates by the engine adapter's task rules.
 */
@Component
class AuthorizationSeeder {

	private static final String TASKLIST = "tasklist";

	private static final String COCKPIT = "cockpit";

	/** Every process staff see tasks of in Tasklist (the process keys of CONTRACT). */
	private static final List<String> STAFF_PROCESSES = List.of("complaint-handling", "complaint-callback",
			"major-complaint-warning", "client-tier-review", "customer-blacklist", "complaint-report");

	/**
	 * Who reads and works the tasks of each process (the process keys of CONTRACT). The complaint's
	 * own processes: the groups that handle, review, approve, call back or archive cases, and
	 * supervisors, directors and the general manager (POLICY §9); brand and legal are not among them
	 * (they read major complaints only, granted per case).
	 */
	private static final Map<String, List<String>> WORKERS = Map.of(
			"complaint-handling", List.of(Groups.AGENTS, Groups.CLERKS, Groups.SUPERVISORS, Groups.DIRECTORS, Groups.GM),
			"complaint-callback", List.of(Groups.AGENTS, Groups.CLERKS, Groups.SUPERVISORS, Groups.DIRECTORS, Groups.GM),
			"major-complaint-warning", List.of(Groups.BRAND_LEGAL, Groups.GM, Groups.SUPERVISORS, Groups.DIRECTORS),
			"client-tier-review", List.of(Groups.SUPERVISORS, Groups.DIRECTORS, Groups.GM),
			"customer-blacklist", List.of(Groups.SUPERVISORS, Groups.DIRECTORS, Groups.GM),
			"complaint-report", List.of(Groups.CLERKS, Groups.SUPERVISORS, Groups.DIRECTORS, Groups.GM));

	/** Processes supervisors start themselves: the tier review on demand, a blacklist proposal. */
	private static final List<String> SUPERVISOR_STARTS = List.of("client-tier-review", "customer-blacklist",
			"complaint-report");

	private final AuthorizationService authorizations;

	AuthorizationSeeder(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Order(1)
	@EventListener(ApplicationStartedEvent.class)
	void seed() {
		for (String group : Groups.STAFF) {
			grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
			for (String process : STAFF_PROCESSES) {
				grant(group, Resources.PROCESS_DEFINITION, process, Permissions.READ);
			}
		}
		WORKERS.forEach((process, groups) -> {
			for (String group : groups) {
				grant(group, Resources.PROCESS_DEFINITION, process, Permissions.READ,
						ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
						ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
						ProcessDefinitionPermissions.TASK_ASSIGN);
			}
		});
		for (String group : Groups.INTAKE) {
			grant(group, Resources.PROCESS_DEFINITION, "complaint-handling", Permissions.READ,
					ProcessDefinitionPermissions.CREATE_INSTANCE);
			grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
		}
		for (String process : SUPERVISOR_STARTS) {
			grant(Groups.SUPERVISORS, Resources.PROCESS_DEFINITION, process, Permissions.READ,
					ProcessDefinitionPermissions.CREATE_INSTANCE);
		}
		// the clerks write the weekly report and may ask for a report on demand (POLICY §10)
		grant(Groups.CLERKS, Resources.PROCESS_DEFINITION, "complaint-report", Permissions.READ,
				ProcessDefinitionPermissions.CREATE_INSTANCE);
		grant(Groups.CLERKS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
		for (String group : Groups.COCKPIT) {
			grant(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
			grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
					ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
					ProcessDefinitionPermissions.READ_TASK);
			grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
			// Cockpit's Human Tasks page counts open tasks per candidate group, which the engine allows
			// only with READ on every task; these groups read every case's tasks anyway (READ_TASK above),
			// and the accused employee stays out by tenants (engine.CaseTenants)
			grant(group, Resources.TASK, Authorization.ANY, Permissions.READ);
			grant(group, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
			grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ);
			grant(group, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
		}
	}

	/** Grants the permissions, adding to an existing grant for the same group and resource. */
	void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = this.authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.authorizationType(AUTH_TYPE_GRANT)
			.singleResult();
		if (authorization == null) {
			authorization = this.authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
			authorization.setGroupId(group);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		boolean missing = false;
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				missing = true;
			}
		}
		if (missing) {
			this.authorizations.saveAuthorization(authorization);
		}
	}

}
