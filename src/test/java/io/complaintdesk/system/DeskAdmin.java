package io.complaintdesk.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;

/** The administrator of a set-up desk in tests: configured as {@code camunda.bpm.admin-user} would be. */
final class DeskAdmin {

	static final String ID = "deskadmin";

	private DeskAdmin() {
	}

	/** What a start does for the configured administrator: user, then {@link AdminMembership}. */
	static void setUp(IdentityService identity) {
		if (identity.createUserQuery().userId(ID).count() == 0) {
			var admin = identity.newUser(ID);
			admin.setPassword("a-long-admin-passphrase");
			identity.saveUser(admin);
		}
		membership(identity).ensureDirectMember();
	}

	static AdminMembership membership(IdentityService identity) {
		CamundaBpmProperties camunda = new CamundaBpmProperties();
		AdminUserProperty configured = new AdminUserProperty();
		configured.setId(ID);
		camunda.setAdminUser(configured);
		return new AdminMembership(identity, camunda);
	}

}
