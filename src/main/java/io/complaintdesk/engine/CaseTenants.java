package io.complaintdesk.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.persistence.entity.TenantEntity;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The deny rule of POLICY §9 ("never the employee the case is about") as engine tenants, so that
 * every engine query (tasks, instances, variables, history, Cockpit) applies it in its own SQL and
 * at constant cost: a case about user X is started in tenant {@code not-X}; every user except X is
 * a member of {@code not-X} (computed, not stored: {@link #tenantsOf}). Cases about nobody have no
 * tenant and are filtered by the group grants alone. The rows this needs grow with the number of
 * employees ever complained about, never with the number of cases.
 */
public class CaseTenants implements TenantIdProvider {

	static final String PREFIX = "not-";

	private final ObjectProvider<CaseReaders> readers;

	CaseTenants(ObjectProvider<CaseReaders> readers) {
		this.readers = readers;
	}

	public static String tenantFor(String excludedUser) {
		return PREFIX + excludedUser;
	}

	@Override
	public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
		DelegateExecution superExecution = context.getSuperExecution();
		if (superExecution != null && superExecution.getTenantId() != null) {
			return superExecution.getTenantId(); // a called process belongs to its case
		}
		CaseReaders caseReaders = this.readers.getIfAvailable();
		String excluded = (caseReaders != null && context.getVariables() != null)
				? caseReaders.excludedUser(context.getVariables()) : null;
		return (excluded == null || excluded.isBlank()) ? null : tenantFor(excluded.trim());
	}

	@Override
	public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
		return null;
	}

	@Override
	public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
		DelegateExecution execution = context.getExecution();
		return (execution != null) ? execution.getTenantId() : null;
	}

	/** The tenants a user belongs to: one for every other employee a case is about. */
	List<Tenant> tenantsOf(String userId) {
		CaseReaders caseReaders = this.readers.getIfAvailable();
		List<Tenant> tenants = new ArrayList<>();
		if (caseReaders == null) {
			return tenants;
		}
		for (String excluded : caseReaders.excludedUsers()) {
			if (excluded != null && !excluded.equals(userId)) {
				TenantEntity tenant = new TenantEntity(tenantFor(excluded));
				tenant.setName("投诉案件（对 " + excluded + " 保密）");
				tenants.add(tenant);
			}
		}
		return tenants;
	}

}
