package io.complaintdesk.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.identity.db.DbTenantQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How the engine applies the desk's access rule (README "Who may read a case"), at a cost that does
 * not grow with the number of open cases:
 * <ul>
 * <li>no authorization rows per task: the engine's default provider wrote a grant per task and
 * candidate, which every authorized task query joined with
 * {@code RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')} — a nested loop of open tasks × grants. Who may
 * read and work the desk's tasks is granted per group and process definition instead
 * ({@code system.AuthorizationSeeder}); that only a candidate works a task is checked by
 * {@link UserTaskRulesPlugin};</li>
 * <li>the employee a case is about is kept out by tenants ({@link CaseTenants}), which the engine
 * applies to every query and command;</li>
 * <li>historic instance permissions are on, so that a single case's history can be granted (brand and
 * legal read major cases only).</li>
 * </ul>
 */
@Component
class CaseAccessPlugin extends AbstractProcessEnginePlugin {

	private final CaseTenants tenants;

	CaseAccessPlugin(ObjectProvider<CaseReaders> readers) {
		this.tenants = new CaseTenants(readers);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new NoTaskGrants());
		configuration.setTenantIdProvider(this.tenants);
		configuration.setIdentityService(new CaseTenantIdentityService(this.tenants));
		configuration.setEnableHistoricInstancePermissions(true);
	}

	/** The engine's default grants, except those it writes for every task. */
	static final class NoTaskGrants extends DefaultAuthorizationProvider {

		private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

		@Override
		public AuthorizationEntity[] newTask(Task task) {
			return NONE;
		}

		@Override
		public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
			return NONE;
		}

		@Override
		public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
			return NONE;
		}

		@Override
		public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
			return NONE;
		}

		@Override
		public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
			return NONE;
		}

		@Override
		public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
			return NONE;
		}

		@Override
		public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
			return NONE;
		}

	}

	/**
	 * Answers "which tenants is this user a member of" with the stored tenants plus the computed
	 * {@code not-X} tenants. Tasklist, Cockpit and engine REST ask exactly this when they
	 * authenticate a user.
	 */
	static final class CaseTenantIdentityService extends IdentityServiceImpl {

		private final CaseTenants tenants;

		CaseTenantIdentityService(CaseTenants tenants) {
			this.tenants = tenants;
		}

		@Override
		public TenantQuery createTenantQuery() {
			return new MembershipQuery(this.commandExecutor, this.tenants);
		}

	}

	static final class MembershipQuery extends DbTenantQueryImpl {

		private final transient CaseTenants tenants;

		MembershipQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor, CaseTenants tenants) {
			super(executor);
			this.tenants = tenants;
		}

		@Override
		public long executeCount(CommandContext context) {
			return super.executeCount(context) + computed().size();
		}

		@Override
		public List<Tenant> executeList(CommandContext context, Page page) {
			List<Tenant> list = new ArrayList<>(super.executeList(context, page));
			list.addAll(computed());
			return list;
		}

		// only "the tenants of user X", unfiltered otherwise: what authentication asks
		private List<Tenant> computed() {
			if (getUserId() == null || getId() != null || getIds() != null || getName() != null
					|| getNameLike() != null || getGroupId() != null) {
				return List.of();
			}
			return this.tenants.tenantsOf(getUserId());
		}

	}

}
